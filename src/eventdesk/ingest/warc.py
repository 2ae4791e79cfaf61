"""WARC archives (gzip or not): one document per HTML page fetched with HTTP 200.

Records that are no HTML page (requests, metadata, images, redirects, errors) are not documents and
are skipped. WARC-Date is when the page was crawled, not published: it is not used.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventdesk.errors import FormatError, InputError, TooLargeError
from eventdesk.ingest.base import RawDocument, Rejected
from eventdesk.ingest.html import decode_html, extract_page
from eventdesk.ingest.sniff import gunzipped_head

HTML_TYPES = ("text/html", "application/xhtml+xml")
_BROKEN = (ArchiveLoadFailed, zlib.error, EOFError, ValueError)


def check_warc_head(head: bytes) -> None:
    """Raise FormatError unless `head` starts a WARC file (plain, or a gzip member of one)."""
    if not (head.startswith(b"WARC/") or gunzipped_head(head).startswith(b"WARC/")):
        raise FormatError(f"not a WARC file: it starts with {head[:24]!r}, not 'WARC/'")


def read_warc(stream: BinaryIO, *, origin: str, max_bytes: int) -> Iterator[RawDocument | Rejected]:
    """The HTML pages in the WARC `stream`; `max_bytes` limits one page, not the archive.

    A page that cannot be read yields a Rejected with its URI. Bytes between records that are no
    record (a wrong Content-Length, junk) and an archive broken part-way yield a Rejected
    "bad-format" naming the last URI read; the pages before are kept.
    """
    records = _Archive(stream)
    last, errors, count = origin, 0, 0
    try:
        for record in records:
            count += 1
            last = record.rec_headers.get_header("WARC-Target-URI") or origin
            if record.length is None:  # cut in its headers: the rest cannot be trusted
                yield _broken(origin, last, "has no Content-Length")
                return
            yield from _record_document(record, last, origin, max_bytes)
            records.read_to_end()  # reads what is left of the record, and the blank lines after
            missing = getattr(record.raw_stream, "limit", 0)
            if missing > 0:
                yield _broken(origin, last, f"is truncated ({missing} bytes missing)")
            elif records.err_count > errors:
                yield _broken(origin, last, "is followed by bytes that are no WARC record")
            errors = records.err_count
    except _BROKEN as exc:
        yield _broken(origin, last, f"(or the record after it) cannot be read: {_say(exc)}")
        return
    if count == 0:
        message = f"{origin}: broken WARC record: no complete WARC record (truncated archive?)"
        yield Rejected(origin, "bad-format", message)
    elif records.cut_short:
        yield _broken(origin, last, "is followed by a record cut short (the archive is truncated)")


class _Archive(ArchiveIterator):  # type: ignore[misc]
    """warcio's ArchiveIterator, noting when it stops whether the archive ended inside a record.

    warcio ends quietly at a record cut in its headers or a truncated gzip member. Its warning
    about bytes that follow a record is silenced (INC_RECORD is what it writes to stderr): they
    are reported as a Rejected instead.
    """

    INC_RECORD = ""
    cut_short = False

    def close(self) -> None:
        decompressor = getattr(self.reader, "decompressor", None)
        unfinished = decompressor is not None and not getattr(decompressor, "eof", True)
        self.cut_short = self.cut_short or bool(self.next_line) or unfinished
        super().close()


def _broken(origin: str, uri: str, problem: str) -> Rejected:
    return Rejected(uri, "bad-format", f"{origin}: broken WARC record: {uri} {problem}")


def _record_document(
    record: Any, uri: str, origin: str, max_bytes: int
) -> Iterator[RawDocument | Rejected]:
    """The document of one record if it is an HTML page, a Rejected if that page is unreadable."""
    charset = _html_charset(record)
    if charset is None:
        return
    try:
        body = record.content_stream().read(max_bytes + 1)
        if len(body) > max_bytes:
            raise TooLargeError(f"page is over the limit of {max_bytes} bytes")
        html = decode_html(body, charset=charset or None)
        yield extract_page(html, id=uri, origin=uri, format="warc", group=origin, url=uri)
    except InputError as exc:
        yield Rejected(uri, exc.reason, f"{uri}: {exc} (in {origin})")
    except _BROKEN as exc:
        yield Rejected(uri, "bad-format", f"{uri}: broken record in {origin}: {_say(exc)}")


def _html_charset(record: Any) -> str | None:
    """The charset of an HTTP 200 HTML response ("" if not declared), None for other records."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    mime, _, params = content_type.partition(";")
    if mime.strip().lower() not in HTML_TYPES:
        return None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'")
    return ""


def _say(exc: Exception) -> str:
    return " ".join(f"{type(exc).__name__}: {exc}".split())
