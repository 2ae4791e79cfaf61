"""Plain text files: the decoded file is the document."""

from __future__ import annotations

from eventdesk.errors import EmptyDocumentError
from eventdesk.ingest.base import RawDocument
from eventdesk.ingest.decode import decode_bytes


def read_text(data: bytes, *, id: str, origin: str, group: str | None = None) -> RawDocument:
    """A text document from the bytes of a file; raises DecodeError or EmptyDocumentError."""
    text = decode_bytes(data)
    if not text.strip():
        raise EmptyDocumentError(f"only whitespace ({len(data)} bytes)")
    return RawDocument(id=id, text=text, origin=origin, format="text", group=group)
