"""What ingest yields: a RawDocument for each input read, a Rejected for each that could not be."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input as read, before cleaning.

    `text` is the document's original text: the decoded file, the JSONL `text`, or for HTML (pages,
    feed entries, WARC responses) the main text extracted by trafilatura. Every offset eventdesk
    reports later points into this string.
    """

    id: str
    text: str
    origin: str  # path, "path:LINE" for JSONL, WARC target URI, feed entry link
    format: str  # "text" | "html" | "feed" | "warc" | "jsonl"
    url: str | None = None
    source: str | None = None  # the outlet, when the input says it
    title: str | None = None
    published: str | None = None  # from metadata only: "YYYY-MM-DD" or "YYYY-MM"
    language: str | None = None  # from the input only (it takes precedence over detection)
    group: str | None = None  # where it came from (directory, feed, site) when no outlet is known


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be read. `reason` is a short stable code (see errors.InputError)."""

    origin: str
    reason: str
    message: str
    line: int | None = None
    sample: bytes = b""  # the first bytes, kept in quarantine so a user can see what it was
