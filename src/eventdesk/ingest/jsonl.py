"""JSON Lines: one document per line, {"id", "text", "published", "language", "url", "source",
"title"}; only "text" is required. The file is streamed line by line.

A line that is not a JSON object with a string "text" yields Rejected "bad-format" with its line
number; the other lines are still read. An optional field with a bad value (a "published" that is
no date, a title that is a number) is dropped: the document is kept and a Rejected "bad-field"
for that line reports the value.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, BinaryIO

from eventdesk.errors import DecodeError, EmptyDocumentError, FormatError, InputError
from eventdesk.ingest.base import RawDocument, Rejected

OPTIONAL_FIELDS = ("language", "url", "source", "title")
DRAIN_CHUNK = 1 << 20
_MONTH = re.compile(r"\d{4}-\d{2}")


def read_jsonl(
    stream: BinaryIO, *, origin: str, name: str, max_bytes: int
) -> Iterator[RawDocument | Rejected]:
    """The documents of a JSON Lines `stream`; `max_bytes` limits one line, not the file.

    `origin` names the input in messages ("path:LINE"); `name` prefixes ids made for lines
    without one ("name:LINE"). Raises EmptyDocumentError if there is no line at all.
    """
    seen = False
    for number, line in _lines(stream, max_bytes):
        if line is None:
            yield Rejected(
                f"{origin}:{number}",
                "too-large",
                f"{origin}:{number}: line is over the limit of {max_bytes} bytes",
                line=number,
            )
            seen = True
            continue
        if not line.strip():
            continue
        seen = True
        try:
            yield from read_line(line, number, origin=origin, name=name)
        except InputError as exc:
            where = f"{origin}:{number}"
            yield Rejected(where, exc.reason, f"{where}: {exc}", line=number, sample=line[:200])
    if not seen:
        raise EmptyDocumentError("no JSON line, only whitespace")


def read_line(
    line: bytes, number: int, *, origin: str, name: str
) -> Iterator[RawDocument | Rejected]:
    """The document on one line, then a Rejected "bad-field" per optional value dropped."""
    record = _parse(line, first=number == 1)
    text = record.get("text")
    if "text" not in record:
        raise FormatError(f'no "text" field; keys: {", ".join(sorted(record)) or "none"}')
    if not isinstance(text, str):
        raise FormatError(f'"text" must be a string, got {_show(text)}')
    if not text.strip():
        raise EmptyDocumentError('"text" is empty')
    where = f"{origin}:{number}"
    fields, problems = _optional_fields(record)
    yield RawDocument(
        id=_doc_id(record.get("id"), f"{name}:{number}"),
        text=text,
        origin=where,
        format="jsonl",
        group=origin,
        **fields,
    )
    for problem in problems:
        yield Rejected(
            where,
            "bad-field",
            f"{where}: {problem}; the document is kept without it",
            line=number,
            sample=line[:200],
        )


def parse_published(value: str) -> str:
    """ "YYYY-MM-DD", "YYYY-MM" or an ISO timestamp (reduced to its day) -> "YYYY-MM-DD"/"YYYY-MM".

    The day of a timestamp is the one written, in its own time zone. Raises ValueError.
    """
    value = value.strip()
    if _MONTH.fullmatch(value):
        datetime.strptime(value, "%Y-%m")  # checks the month is 01..12
        return value
    if len(value) == 10:
        return date.fromisoformat(value).isoformat()
    if len(value) > 10 and value[10] in "T ":
        return datetime.fromisoformat(value).date().isoformat()
    raise ValueError(value)


def _parse(line: bytes, *, first: bool) -> dict[str, Any]:
    if first:
        line = line.removeprefix(b"\xef\xbb\xbf")
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DecodeError(f"line is not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except ValueError as exc:
        raise FormatError(f"not valid JSON ({exc}): {line[:60]!r}") from None
    if not isinstance(record, dict):
        raise FormatError(f"a line must be a JSON object, got {_show(record)}")
    return record


def _optional_fields(record: dict[str, Any]) -> tuple[dict[str, str | None], list[str]]:
    """The optional fields that are valid, and a note for each value that is not."""
    fields: dict[str, str | None] = {}
    problems: list[str] = []
    published = record.get("published")
    if isinstance(published, str) and not published.strip():
        published = None  # an empty string says "unknown", like null
    if published is not None:
        try:
            fields["published"] = parse_published(published) if isinstance(published, str) else None
        except ValueError:
            fields["published"] = None
        if fields["published"] is None:
            problems.append(f'"published" {_show(published)} is not YYYY-MM-DD, YYYY-MM or ISO')
    for key in OPTIONAL_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            problems.append(f'"{key}" must be a string or null, got {_show(value)}')
            value = None
        fields[key] = (value.strip() or None) if value else None
    return fields, problems


def _doc_id(value: Any, default: str) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    if isinstance(value, str | int) and not isinstance(value, bool):
        return str(value)
    raise FormatError(f'"id" must be a string or integer, got {_show(value)}')


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, line) from 1; None for a line over `max_bytes`, which is skipped unread."""
    number = 0
    while line := stream.readline(max_bytes + 1):
        number += 1
        if len(line) <= max_bytes or line.endswith(b"\n") and len(line) == max_bytes + 1:
            yield number, line
            continue
        while (rest := stream.readline(DRAIN_CHUNK)) and not rest.endswith(b"\n"):
            pass
        yield number, None


def _show(value: Any) -> str:
    """A value as it appeared in the JSON, cut to 60 characters."""
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 60 else shown[:57] + "..."
