"""RSS and Atom feeds: one document per entry.

An entry's text is its content (or summary), HTML reduced to text. When the entry links to a local
HTML page (a relative path from the feed), that page is read instead: its text, canonical URL and
outlet are preferred to the entry's; the entry's title and date are preferred to the page's.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterator
from typing import Any

import feedparser

from eventdesk.errors import EmptyDocumentError, FormatError, InputError
from eventdesk.ingest.base import RawDocument, Rejected
from eventdesk.ingest.html import decode_html, extract_page, fragment_text

# Reads the local page an entry links to: its bytes, or None if the link is not a local file.
LocalLoader = Callable[[str], bytes | None]
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_feed(
    data: bytes, *, origin: str, load_local: LocalLoader | None = None
) -> Iterator[RawDocument | Rejected]:
    """The entries of an RSS/Atom feed, a Rejected for each entry without text.

    Raises FormatError if `data` is no feed, EmptyDocumentError if the feed has no entries. A feed
    broken part-way yields the entries read before the break, then a Rejected "bad-format".
    """
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.entries:
        if problem is not None or not parsed.get("version"):
            raise FormatError(f"not a readable RSS/Atom feed: {problem or 'no <rss> or <feed>'}")
        raise EmptyDocumentError("feed has no entries")
    feed_title = _text(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield _entry_document(entry, number, origin, feed_title, load_local)
        except InputError as exc:
            where = entry.get("link") or entry.get("id") or f"{origin}#{number}"
            yield Rejected(where, exc.reason, f"{where}: {exc} (entry {number} of {origin})")
    if problem is not None and not isinstance(problem, feedparser.CharacterEncodingOverride):
        message = f"{origin}: feed is malformed ({problem}); read {len(parsed.entries)} entries"
        yield Rejected(origin, "bad-format", " ".join(message.split()), sample=data[:200])


def _entry_document(
    entry: Any, number: int, origin: str, feed_title: str | None, load_local: LocalLoader | None
) -> RawDocument:
    link = entry.get("link") or None
    doc_id = link or entry.get("id") or f"{origin}#{number}"
    page = _local_page(link, doc_id, load_local)
    text = page.text if page is not None else _entry_text(entry)
    if not text.strip():
        raise EmptyDocumentError("feed entry has no text (no content, summary or local page)")
    return RawDocument(
        id=doc_id,
        text=text,
        origin=doc_id,
        format="feed",
        url=(page.url if page else None) or link,
        source=(page.source if page else None) or feed_title,
        title=_text(entry.get("title")) or (page.title if page else None),
        published=_entry_day(entry) or (page.published if page else None),
        group=origin,
    )


def _local_page(
    link: str | None, doc_id: str, load_local: LocalLoader | None
) -> RawDocument | None:
    """The local HTML page `link` points to, if there is one and it has text."""
    data = load_local(link) if (link and load_local) else None
    if data is None:
        return None
    try:
        return extract_page(decode_html(data), id=doc_id, origin=doc_id)
    except InputError:
        return None  # the entry's own content is used instead


def _entry_text(entry: Any) -> str:
    """The entry's content, else its summary; HTML reduced to text."""
    contents = entry.get("content") or []
    detail = contents[0] if contents else entry.get("summary_detail") or {}
    value = detail.get("value") or entry.get("summary") or ""
    is_html = detail.get("type", "text/html") in _HTML_TYPES or "<" in value
    return fragment_text(value) if is_html and value.strip() else value


def _entry_day(entry: Any) -> str | None:
    """The entry's publication (else update) day as YYYY-MM-DD."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _text(value: str | None) -> str | None:
    """A feed or entry title with whitespace collapsed (feedparser has already unescaped it)."""
    return " ".join(value.split()) or None if value else None
