"""HTML pages: the main text by trafilatura, plus what the page's metadata says.

A page from which trafilatura extracts no text (or almost none: a truncated page) raises
errors.FormatError; it is never dropped silently.
"""

from __future__ import annotations

import lxml.html
import trafilatura
from lxml.etree import LxmlError

from eventdesk.errors import EmptyDocumentError, FormatError
from eventdesk.ingest.base import RawDocument
from eventdesk.ingest.decode import decode_bytes
from eventdesk.ingest.htmlmeta import declared_charset, page_metadata

MIN_TEXT_CHARS = 20  # fewer non-space characters than this is no article
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def decode_html(data: bytes, *, charset: str | None = None) -> str:
    """The text of an HTML file: `charset` (an HTTP header's) or the page's own <meta charset>."""
    return decode_bytes(data, declared=charset or declared_charset(data))


def read_html(
    data: bytes, *, id: str, origin: str, group: str | None = None, url: str | None = None
) -> RawDocument:
    """A document from the bytes of an HTML page; raises DecodeError, FormatError, EmptyDocument."""
    html = decode_html(data)
    if not html.strip():
        raise EmptyDocumentError(f"only whitespace ({len(data)} bytes)")
    return extract_page(html, id=id, origin=origin, group=group, url=url)


def extract_page(
    html: str,
    *,
    id: str,
    origin: str,
    format: str = "html",
    group: str | None = None,
    url: str | None = None,
) -> RawDocument:
    """A document from an HTML page: trafilatura's main text and the page's metadata.

    `url` is where the page was fetched from (a WARC target URI, a feed link): it is kept as the
    document's URL; without it the page's og:url or canonical link is used.
    """
    text = article_text(html)
    meta = page_metadata(html, url=url)
    return RawDocument(
        id=id,
        text=text,
        origin=origin,
        format=format,
        url=url or meta.url,
        source=meta.site_name,
        title=meta.title,
        published=meta.published,
        group=group,
    )


def article_text(html: str) -> str:
    """The main text of a page by trafilatura, or FormatError saying why there is none."""
    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True
    )
    found = "".join((text or "").split())
    if len(found) < MIN_TEXT_CHARS:
        got = f"only {text!r}" if found else "nothing"
        hint = "; the HTML looks truncated (no closing </html>)" if _truncated(html) else ""
        raise FormatError(f"no article text found: trafilatura extracted {got}{hint}")
    return text or ""


def fragment_text(html: str) -> str:
    """The text of an HTML fragment (a feed entry's content): trafilatura, else all its text."""
    text = trafilatura.extract(
        f"<html><body>{html}</body></html>",
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if text and text.strip():
        return text
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (LxmlError, ValueError):
        return ""
    for node in root.iter(*_BLOCKS):
        node.tail = "\n" + (node.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def _truncated(html: str) -> bool:
    return "</html>" not in html[-4096:].lower()
