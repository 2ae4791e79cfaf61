"""What an HTML page says about itself: title, outlet, canonical URL, publication date.

Only metadata is read (meta tags, <link rel=canonical>, JSON-LD, <title>, <time>); a field the
page does not state stays None. Nothing is taken from the article text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import htmldate
from lxml.html import Element, HtmlElement, tostring
from trafilatura.utils import load_html

CHARSET_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
MAX_JSON_LD_DEPTH = 6


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str | None = None
    site_name: str | None = None
    url: str | None = None
    published: str | None = None  # "YYYY-MM-DD"


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag within its first 4 KB, if any."""
    match = CHARSET_META.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def page_metadata(html: str, *, url: str | None = None) -> PageMeta:
    """Title, site name, canonical URL and publication date that `html` states.

    `url` is where the page came from (a WARC target URI): it resolves a relative canonical link
    and, when the page names no site, its host is the outlet.
    """
    tree = load_html(html)
    if tree is None:
        return PageMeta(url=url, site_name=host_of(url))
    page_url = _canonical_url(tree, url) or url
    site = _meta(tree, "og:site_name", "application-name") or _json_ld_publisher(tree)
    return PageMeta(
        title=_meta(tree, "og:title", "twitter:title") or _title(tree),
        site_name=site or host_of(page_url),
        url=page_url,
        published=published_date(tree),
    )


def published_date(tree: HtmlElement) -> str | None:
    """The publication day the page's metadata states, by htmldate, as YYYY-MM-DD.

    htmldate also searches the visible text for dates, even in its fast mode; an incident date in
    the article is not a publication date, so it is given only the metadata: the <head>, JSON-LD,
    <time> elements and microdata date properties (their attributes, not their text).
    """
    found = htmldate.find_date(_metadata_only(tree), extensive_search=False, original_date=True)
    return found if isinstance(found, str) else None


def _metadata_only(tree: HtmlElement) -> str:
    """A page holding only the metadata of `tree`."""
    head = tree.find(".//head")
    parts = [tostring(head, encoding="unicode", with_tail=False)] if head is not None else []
    body = tree.find(".//body")
    for node in body.iter() if body is not None else ():
        if not isinstance(node.tag, str):
            continue  # comments, processing instructions
        if node.tag == "script" and _is_json_ld(node):
            parts.append(tostring(node, encoding="unicode", with_tail=False))
        elif node.tag == "time" or "date" in (node.get("itemprop") or "").lower():
            parts.append(tostring(Element(node.tag, dict(node.attrib)), encoding="unicode"))
    return f"<html>{''.join(parts)}</html>"


def host_of(url: str | None) -> str | None:
    """The host of an http(s) URL without a leading "www.", or None."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname.removeprefix("www.")


def _meta(tree: HtmlElement, *names: str) -> str | None:
    """The content of the first <meta property|name=NAME> present, in the order of `names`."""
    for name in names:
        for node in tree.iter("meta"):
            if name in (node.get("property"), node.get("name")):
                value = _clean(node.get("content"))
                if value:
                    return value
    return None


def _title(tree: HtmlElement) -> str | None:
    node = tree.find(".//head/title")
    return _clean(node.text_content()) if node is not None else None


def _canonical_url(tree: HtmlElement, base: str | None) -> str | None:
    """og:url or <link rel=canonical>, made absolute against `base`; None if not http(s)."""
    links = [n.get("href") for n in tree.iter("link") if "canonical" in (n.get("rel") or "")]
    for candidate in [_meta(tree, "og:url"), *links]:
        if candidate:
            absolute = urljoin(base, candidate.strip()) if base else candidate.strip()
            if host_of(absolute):
                return absolute
    return None


def _json_ld_publisher(tree: HtmlElement) -> str | None:
    """The publisher's name in the page's JSON-LD blocks, if one is given."""
    for node in tree.iter("script"):
        if not _is_json_ld(node):
            continue
        try:
            data = json.loads(node.text_content())
        except ValueError:
            continue
        name = _find_publisher(data, MAX_JSON_LD_DEPTH)
        if name:
            return name
    return None


def _is_json_ld(node: HtmlElement) -> bool:
    return (node.get("type") or "").strip().lower() == "application/ld+json"


def _find_publisher(data: Any, depth: int) -> str | None:
    if depth <= 0:
        return None
    if isinstance(data, list):
        return next((n for d in data if (n := _find_publisher(d, depth - 1))), None)
    if not isinstance(data, dict):
        return None
    publisher = data.get("publisher")
    if isinstance(publisher, str):
        return _clean(publisher)
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        return _clean(publisher["name"])
    return _find_publisher(data.get("@graph") or data.get("mainEntity"), depth - 1)


def _clean(value: str | None) -> str | None:
    """`value` with runs of whitespace collapsed, or None if nothing is left."""
    if value is None:
        return None
    return " ".join(value.split()) or None
