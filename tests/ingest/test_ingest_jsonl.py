from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ingest_samples import ARABIC, ENGLISH, FRENCH, docs, read, rejects

from eventdesk.errors import InputError
from eventdesk.ingest import RawDocument, Rejected
from eventdesk.ingest.jsonl import parse_published, read_jsonl, read_line


def _lines(*records: object) -> bytes:
    return b"".join(
        (r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode()) + b"\n"
        for r in records
    )


def _read(data: bytes, max_bytes: int = 1_000_000) -> list[RawDocument | Rejected]:
    return list(
        read_jsonl(io.BytesIO(data), origin="in/docs.jsonl", name="docs.jsonl", max_bytes=max_bytes)
    )


def test_every_field_is_read() -> None:
    record = {
        "id": "wadi-7",
        "text": ARABIC,
        "published": "2024-02-27",
        "language": "ar",
        "url": "https://wadi.example/7",
        "source": "Wadi News",
        "title": "اشتباكات",
    }
    [doc] = _read(_lines(record))
    assert doc == RawDocument(
        id="wadi-7",
        text=ARABIC,
        origin="in/docs.jsonl:1",
        format="jsonl",
        url="https://wadi.example/7",
        source="Wadi News",
        title="اشتباكات",
        published="2024-02-27",
        language="ar",
        group="in/docs.jsonl",
    )


def test_optional_fields_may_be_null_or_absent_and_id_defaults_to_name_and_line() -> None:
    items = _read(_lines({"id": "a", "text": FRENCH, "title": None}, {"text": ENGLISH}))
    first, second = items
    assert isinstance(first, RawDocument) and first.title is None and first.published is None
    assert isinstance(second, RawDocument) and second.id == "docs.jsonl:2"
    assert second.origin == "in/docs.jsonl:2"


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03", "2024-03"),
        ("2024-03-05T23:30:00-05:00", "2024-03-05"),  # the day written, not the UTC day
        ("2024-03-05T01:00:00Z", "2024-03-05"),
        ("2024-03-05 08:15", "2024-03-05"),
    ],
)
def test_published_forms(value: str, day: str) -> None:
    assert parse_published(value) == day


@pytest.mark.parametrize("value", ["March 2024", "05/03/2024", "2024-13", "2024-02-30", "2024"])
def test_bad_published_keeps_the_document_and_reports_bad_field(value: str) -> None:
    items = _read(_lines({"id": "x", "text": ENGLISH, "published": value}))
    [doc] = docs(items)
    [problem] = rejects(items)
    assert doc.published is None and doc.text == ENGLISH
    assert (problem.reason, problem.line, problem.origin) == ("bad-field", 1, "in/docs.jsonl:1")
    assert repr(value).strip("'") in problem.message


def test_field_of_the_wrong_type_is_dropped_and_reported() -> None:
    items = _read(_lines({"id": 7, "text": ENGLISH, "title": ["not", "text"]}))
    [doc] = docs(items)
    assert doc.id == "7" and doc.title is None
    assert '"title" must be a string' in rejects(items)[0].message


def test_malformed_line_in_the_middle_does_not_stop_the_others() -> None:
    data = _lines(
        {"id": "a", "text": FRENCH},
        b'{"id": "b", "text": "cut sho',
        b"",
        {"id": "c", "text": ENGLISH},
        b'["an", "array"]',
        {"id": "d"},
        {"id": "e", "text": 42},
        {"id": "f", "text": "   "},
        {"id": "g", "text": ARABIC},
    )
    items = _read(data)
    assert [d.id for d in docs(items)] == ["a", "c", "g"]
    assert [(r.reason, r.line) for r in rejects(items)] == [
        ("bad-format", 2),
        ("bad-format", 5),
        ("bad-format", 6),
        ("bad-format", 7),
        ("empty", 8),
    ]
    assert rejects(items)[0].origin == "in/docs.jsonl:2"
    assert rejects(items)[0].sample == b'{"id": "b", "text": "cut sho\n'
    assert "not valid JSON" in rejects(items)[0].message
    assert 'no "text" field; keys: id' in rejects(items)[2].message
    assert '"text" must be a string, got 42' in rejects(items)[3].message


def test_line_that_is_not_utf8_is_undecodable() -> None:
    data = _lines({"id": "a", "text": "ok text"}) + '{"id": "b", "text": "été"}\n'.encode("latin-1")
    [doc, bad] = _read(data)
    assert isinstance(bad, Rejected) and (bad.reason, bad.line) == ("undecodable", 2)


def test_line_over_the_limit_is_skipped_without_reading_it_whole() -> None:
    data = _lines({"id": "a", "text": "x" * 500}, {"id": "b", "text": "short text"})
    [big, doc] = _read(data, max_bytes=100)
    assert isinstance(big, Rejected) and (big.reason, big.line) == ("too-large", 1)
    assert isinstance(doc, RawDocument) and doc.id == "b" and doc.origin == "in/docs.jsonl:2"


def test_bom_and_blank_lines() -> None:
    items = _read(b"\xef\xbb\xbf" + _lines({"text": "first line text"}) + b"\n  \n")
    assert [d.id for d in docs(items)] == ["docs.jsonl:1"] and not rejects(items)


def test_whitespace_only_jsonl_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_bytes(b"\n\n   \n")
    [rejected] = read([path])
    assert isinstance(rejected, Rejected) and rejected.reason == "empty"


def test_jsonl_file_through_read_inputs(tmp_path: Path) -> None:
    path = tmp_path / "docs.ndjson"
    path.write_bytes(_lines({"id": "n1", "text": ENGLISH}, b"{oops", {"text": FRENCH}))
    items = read([path])
    assert [d.id for d in docs(items)] == ["n1", "docs.ndjson:3"]
    assert [(r.reason, r.line, r.origin) for r in rejects(items)] == [
        ("bad-format", 2, f"{path}:2")
    ]


@given(st.binary(max_size=200))
def test_a_line_never_raises_anything_but_input_error(line: bytes) -> None:
    with contextlib.suppress(InputError):  # anything else fails the test
        list(read_line(line, 1, origin="f", name="f"))
