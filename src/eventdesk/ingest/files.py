"""Reading one input (a file, a pipe, stdin): sniff its format, check its size, pick the reader.

This is the IO edge of ingest; the readers it calls work on bytes or a binary stream. Whatever goes
wrong with one input becomes a Rejected and the next input is read.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from eventdesk.errors import InputError
from eventdesk.ingest.base import RawDocument, Rejected
from eventdesk.ingest.decode import binary_evidence
from eventdesk.ingest.feeds import LocalLoader, read_feed
from eventdesk.ingest.html import read_html
from eventdesk.ingest.jsonl import read_jsonl
from eventdesk.ingest.sniff import (
    HTML_EXTENSIONS,
    JSONL_EXTENSIONS,
    WARC_EXTENSIONS,
    binary_kind,
    describe_unknown,
    extension_of,
    sniff_format,
)
from eventdesk.ingest.text import read_text
from eventdesk.ingest.warc import check_warc_head, read_warc

HEAD_BYTES = 8192  # read to sniff the format
SAMPLE_BYTES = 200  # kept in a Rejected
# Formats read record by record: max_bytes limits one line or record, not the whole file.
STREAMED_EXTENSIONS = JSONL_EXTENSIONS + WARC_EXTENSIONS

Item = RawDocument | Rejected


@dataclass(frozen=True, slots=True)
class Source:
    """Where an input comes from."""

    origin: str  # the path as given, or "stdin"
    id: str  # the file's base name, or "stdin"
    name: str  # sniffed for an extension ("" for stdin)
    group: str | None = None  # the parent directory
    base_dir: str | None = None  # where a feed's local pages may be read from


def read_path(path: str, *, max_bytes: int) -> Iterator[Item]:
    """The documents in the file at `path` (not a directory), or a Rejected saying why none."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        yield Rejected(path, "missing", f"{path}: no such file or directory")
        return
    except OSError as exc:
        yield Rejected(path, "unreadable", f"{path}: cannot stat: {exc.strerror or exc}")
        return
    parent = os.path.dirname(path) or "."
    source = Source(path, os.path.basename(path), path, parent, parent)
    if stat.S_ISREG(info.st_mode):
        if info.st_size == 0:
            yield Rejected(path, "empty", f"{path}: empty file (0 bytes)")
            return
        if info.st_size > max_bytes and extension_of(path) not in STREAMED_EXTENSIONS:
            yield _too_large(source, f"{info.st_size} bytes", max_bytes, _sample(path))
            return
    try:
        with open(path, "rb") as stream:
            yield from read_stream(stream, source, max_bytes=max_bytes)
    except OSError as exc:
        yield Rejected(path, "unreadable", f"{path}: cannot read: {exc.strerror or exc}")


def read_stream(stream: BinaryIO, source: Source, *, max_bytes: int) -> Iterator[Item]:
    """The documents in a binary stream, its format sniffed from `source.name` and its head."""
    head = _read_up_to(stream, HEAD_BYTES)
    sample = head[:SAMPLE_BYTES]
    if len(head) < HEAD_BYTES and not head.removeprefix(b"\xef\xbb\xbf").strip():
        what = "only whitespace" if head else "no data"
        yield Rejected(
            source.origin, "empty", f"{source.origin}: {what} ({len(head)} bytes)", sample=sample
        )
        return
    fmt = sniff_format(source.name, head)
    if fmt is None:
        yield _unknown(source, head)
        return
    try:
        yield from _read_format(fmt, head, stream, source, max_bytes)
    except InputError as exc:
        yield Rejected(
            source.origin,
            exc.reason,
            _one_line(f"{source.origin}: {exc}"),
            line=exc.line,
            sample=sample,
        )
    except Exception as exc:  # a parser bug on one input must not stop the batch
        message = f"{source.origin}: unexpected {type(exc).__name__} while reading: {exc}"
        yield Rejected(source.origin, "unreadable", _one_line(message), sample=sample)


def _read_format(
    fmt: str, head: bytes, stream: BinaryIO, source: Source, max_bytes: int
) -> Iterator[Item]:
    if fmt in ("jsonl", "warc"):
        whole = io.BufferedReader(_Rejoined(head, stream))
        if fmt == "jsonl":
            yield from read_jsonl(whole, origin=source.origin, name=source.id, max_bytes=max_bytes)
        else:
            check_warc_head(head)
            yield from read_warc(whole, origin=source.origin, max_bytes=max_bytes)
        return
    data = head + _read_up_to(stream, max_bytes + 1 - len(head))
    if len(data) > max_bytes:
        yield _too_large(source, f"more than {max_bytes} bytes", max_bytes, head[:SAMPLE_BYTES])
    elif fmt == "text":
        yield read_text(data, id=source.id, origin=source.origin, group=source.group)
    elif fmt == "html":
        yield read_html(data, id=source.id, origin=source.origin, group=source.group)
    else:
        loader = local_loader(source.base_dir, max_bytes) if source.base_dir else None
        yield from read_feed(data, origin=source.origin, load_local=loader)


def local_loader(base_dir: str, max_bytes: int) -> LocalLoader:
    """Reads the local HTML page a feed entry links to: a relative path (from `base_dir`, the
    feed's directory) or a file: URL, naming an .html/.htm/.xhtml file of at most `max_bytes`."""
    root = Path(base_dir)

    def load(link: str) -> bytes | None:
        parts = urlsplit(link)
        if parts.scheme == "file" and parts.netloc in ("", "localhost"):
            path = Path(url2pathname(parts.path))
        elif parts.scheme or parts.netloc or not parts.path:
            return None  # a web link: eventdesk never fetches
        else:
            path = root / unquote(parts.path)
        if extension_of(path.name) not in HTML_EXTENSIONS:
            return None
        try:
            if not path.is_file() or path.stat().st_size > max_bytes:
                return None
            return path.read_bytes()
        except OSError:
            return None

    return load


class _Rejoined(io.RawIOBase):
    """A stream's head, already read to sniff it, followed by the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = head
        self._pos = 0
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._pos < len(self._head):
            chunk = self._head[self._pos : self._pos + len(buffer)]
            self._pos += len(chunk)
        else:
            chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _unknown(source: Source, head: bytes) -> Rejected:
    """Rejected for an input of no known format: "undecodable" if its bytes are not even text."""
    sample = head[:SAMPLE_BYTES]
    evidence = binary_evidence(head) if binary_kind(head) is None else None
    if evidence is not None:
        message = f"{source.origin}: binary data, not text: {evidence}"
        return Rejected(source.origin, "undecodable", message, sample=sample)
    message = f"{source.origin}: unknown format: {describe_unknown(source.name, head)}"
    return Rejected(source.origin, "unknown-format", message, sample=sample)


def _too_large(source: Source, size: str, max_bytes: int, sample: bytes) -> Rejected:
    message = f"{source.origin}: {size} is over the limit of {max_bytes} bytes (max_bytes)"
    return Rejected(source.origin, "too-large", message, sample=sample)


def _sample(path: str) -> bytes:
    try:
        with open(path, "rb") as stream:
            return stream.read(SAMPLE_BYTES)
    except OSError:
        return b""


def _read_up_to(stream: BinaryIO, size: int) -> bytes:
    """Up to `size` bytes: fewer only at the end of the stream (a pipe may return less)."""
    chunks: list[bytes] = []
    while size > 0 and (chunk := stream.read(size)):
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _one_line(message: str) -> str:
    return " ".join(message.split())
