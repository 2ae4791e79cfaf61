from __future__ import annotations

import io
import json
import random
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ingest_samples import ARABIC, ENGLISH, FRENCH, docs, page, paragraphs, read, rejects

from eventdesk.errors import ConfigError
from eventdesk.ingest import RawDocument, Rejected, read_inputs

NOISE = random.Random(7).randbytes(4096)


def _only(items: list[RawDocument | Rejected]) -> RawDocument | Rejected:
    assert len(items) == 1, items
    return items[0]


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "fr" / "article_01.txt"
    path.parent.mkdir()
    path.write_text(FRENCH, encoding="utf-8")
    doc = _only(read([path]))
    assert doc == RawDocument(
        id="article_01.txt", text=FRENCH, origin=str(path), format="text", group=str(path.parent)
    )


def test_latin1_and_cp1256_files_decode(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_bytes(FRENCH.encode("latin-1"))
    (tmp_path / "ar.txt").write_bytes(ARABIC.encode("cp1256"))
    ar, fr = read([tmp_path])
    assert isinstance(fr, RawDocument) and fr.text == FRENCH
    assert isinstance(ar, RawDocument) and ar.text == ARABIC


def test_extensionless_text_and_html_are_sniffed(tmp_path: Path) -> None:
    (tmp_path / "NOTES").write_text(ENGLISH)
    (tmp_path / "page").write_text(page(paragraphs(ENGLISH)))
    notes, html = read([tmp_path / "NOTES", tmp_path / "page"])
    assert isinstance(notes, RawDocument) and notes.format == "text"
    assert isinstance(html, RawDocument) and html.format == "html" and html.id == "page"


@pytest.mark.parametrize(
    ("name", "data", "reason", "words"),
    [
        ("blob.bin", b"\x13" + NOISE, "undecodable", "binary data"),
        ("article_09.txt", b"\x00\x01\x02" + NOISE, "undecodable", "NUL byte"),
        ("article_10.txt", b"", "empty", "empty file"),
        ("article_11.txt", b"  \n\t\r\n  ", "empty", "only whitespace"),
        ("page.html", b"<html><body><p>Le", "bad-format", "no article text"),
        ("page2.html", b"\n\n   \n", "empty", "only whitespace"),
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "unknown-format", "PDF"),
        ("letter.docx", b"PK\x03\x04\x14\x00\x06\x00" + b"x" * 50, "unknown-format", "ZIP"),
        ("bundle.zip", b"PK\x03\x04" + b"\x00" * 40, "unknown-format", "ZIP"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "unknown-format", "JPEG"),
        ("table.csv", b"date,place\n2024-03-01,Norrick\n", "unknown-format", "'.csv'"),
    ],
)
def test_bad_inputs_are_rejected_with_a_reason(
    tmp_path: Path, name: str, data: bytes, reason: str, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    rejected = _only(read([path]))
    assert isinstance(rejected, Rejected)
    assert (rejected.origin, rejected.reason) == (str(path), reason)
    assert str(path) in rejected.message and words in rejected.message
    assert "\n" not in rejected.message
    assert rejected.sample == data[:200]


def test_missing_path_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH)
    items = read([tmp_path / "nope.txt", tmp_path / "a.txt", tmp_path / "nope_dir" / "b.html"])
    assert [type(i).__name__ for i in items] == ["Rejected", "RawDocument", "Rejected"]
    assert [r.reason for r in rejects(items)] == ["missing", "missing"]
    assert "no such file" in rejects(items)[0].message


def test_file_over_max_bytes_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.write(b"Norrick harbour strike, day 30. ")
        out.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    tracemalloc.start()
    try:
        rejected = _only(read([path], max_bytes=1_000_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(rejected, Rejected) and rejected.reason == "too-large"
    assert "209715200 bytes" in rejected.message and "1000000" in rejected.message
    assert rejected.sample.startswith(b"Norrick harbour strike")
    assert peak < 5_000_000


def test_stdin_over_max_bytes_is_too_large() -> None:
    stdin = io.BytesIO(ENGLISH.encode() * 50)
    rejected = _only(read(["-"], stdin=stdin, max_bytes=1000))
    assert isinstance(rejected, Rejected) and rejected.reason == "too-large"
    assert rejected.origin == "stdin"


def test_directory_is_walked_in_sorted_order_skipping_hidden(tmp_path: Path) -> None:
    for rel in ["b/2.txt", "b/10.txt", "a.txt", "c/d/e.txt", ".git/config.txt", "b/.hidden.txt"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{ENGLISH} ({rel})")
    items = read([tmp_path])
    assert [Path(d.origin).relative_to(tmp_path).as_posix() for d in docs(items)] == [
        "a.txt",
        "b/10.txt",
        "b/2.txt",
        "c/d/e.txt",
    ]
    assert not rejects(items)
    assert docs(items)[3].group == str(tmp_path / "c" / "d")


def test_ten_thousand_files_stream(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(10_000):
        (corpus / f"article_{n:05d}.txt").write_text(f"Report {n}: {ENGLISH}")
    (corpus / "article_05000.txt").write_bytes(b"\x00binary\x00")
    items = read_inputs([str(corpus)])
    first = next(items)
    assert isinstance(first, RawDocument) and first.id == "article_00000.txt"
    rest = list(items)
    assert len(rest) == 9_999
    assert [(r.origin, r.reason) for r in rejects(rest)] == [
        (str(corpus / "article_05000.txt"), "undecodable")
    ]


def test_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [d.id for d in docs(read([tmp_path]))] == ["a.txt"]


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (ENGLISH.encode(), "text"),
        (page(paragraphs(ENGLISH)).encode(), "html"),
    ],
)
def test_stdin_is_sniffed(data: bytes, fmt: str) -> None:
    doc = _only(read(["-"], stdin=io.BytesIO(data)))
    assert isinstance(doc, RawDocument)
    assert (doc.id, doc.origin, doc.format) == ("stdin", "stdin", fmt)
    assert "two people were injured" in doc.text


def test_stdin_jsonl_keeps_its_ids() -> None:
    lines = [{"id": "s1", "text": ENGLISH}, {"text": FRENCH}]
    data = "\n".join(json.dumps(r) for r in lines).encode() + b"\n{broken\n"
    items = read(["-"], stdin=io.BytesIO(data))
    assert [(d.id, d.origin) for d in docs(items)] == [("s1", "stdin:1"), ("stdin:2", "stdin:2")]
    assert [(r.reason, r.line) for r in rejects(items)] == [("bad-format", 3)]


def test_stdin_that_is_empty_or_binary() -> None:
    assert _only(read(["-"], stdin=io.BytesIO(b""))).reason == "empty"  # type: ignore[union-attr]
    rejected = _only(read(["-"], stdin=io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00")))
    assert isinstance(rejected, Rejected) and rejected.reason == "unknown-format"


class _Pipe(io.RawIOBase):
    """A stream that returns at most 7 bytes per read, like a slow pipe."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        return self._data.read(min(size, 7) if size and size > 0 else 7)


def test_short_reads_from_a_pipe_are_joined() -> None:
    doc = _only(read(["-"], stdin=_Pipe(ENGLISH.encode())))  # type: ignore[arg-type]
    assert isinstance(doc, RawDocument) and doc.text == ENGLISH


def test_bad_arguments_fail_before_the_first_document(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="max_bytes must be a positive integer, got 0"):
        read_inputs([str(tmp_path)], max_bytes=0)
    with pytest.raises(ConfigError, match="not the string"):
        read_inputs(str(tmp_path))


def test_a_parser_crash_on_one_file_does_not_stop_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventdesk.ingest.files as files

    def explode(*args: object, **kwargs: object) -> RawDocument:
        raise RuntimeError("lxml blew up")

    monkeypatch.setattr(files, "read_html", explode)
    (tmp_path / "a.html").write_text(page(paragraphs(ENGLISH)))
    (tmp_path / "b.txt").write_text(ENGLISH)
    crashed, doc = read([tmp_path])
    assert isinstance(crashed, Rejected) and crashed.reason == "unreadable"
    assert "RuntimeError" in crashed.message and "lxml blew up" in crashed.message
    assert isinstance(doc, RawDocument) and doc.id == "b.txt"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from([b"", b"WARC/1.0\r\n", b"<rss><channel><item>", b'{"text": ', b"<html><p>"]),
    st.binary(max_size=600),
)
def test_any_bytes_on_stdin_give_documents_or_rejections(prefix: bytes, data: bytes) -> None:
    items = read(["-"], stdin=io.BytesIO(prefix + data))
    assert items and all(isinstance(i, RawDocument | Rejected) for i in items)
    for item in rejects(items):
        assert item.reason in REASONS and "\n" not in item.message


REASONS = {
    "missing",
    "too-large",
    "undecodable",
    "bad-format",
    "bad-field",
    "unknown-format",
    "empty",
}
