"""Which reader an input needs: decided from its name, then from its first bytes.

    sniff_format("a/article_01.txt", head) -> "text"
    sniff_format("", b"<!doctype html>...")  -> "html"     (stdin has no name)
    sniff_format("scan.pdf", head)          -> None       (unknown format)

Formats: "text", "html", "feed", "warc", "jsonl". Content that is a known binary container (PDF,
ZIP/DOCX, images, ...) is unknown whatever its name says. A name with no extension, or stdin, is
sniffed from its content; an extension we do not read is unknown.
"""

from __future__ import annotations

import re
import zlib

TEXT_EXTENSIONS = (".txt", ".text", ".md", ".markdown")
HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
FEED_EXTENSIONS = (".rss", ".atom", ".feed")
XML_EXTENSIONS = (".xml",)  # a feed only if the content says <rss, <feed or <rdf:RDF
WARC_EXTENSIONS = (".warc", ".warc.gz")
JSONL_EXTENSIONS = (".jsonl", ".ndjson")
SUPPORTED_EXTENSIONS = (
    TEXT_EXTENSIONS
    + HTML_EXTENSIONS
    + FEED_EXTENSIONS
    + XML_EXTENSIONS
    + WARC_EXTENSIONS
    + JSONL_EXTENSIONS
)

# Leading bytes of formats that are not text, whatever the file is called.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/ODT/XLSX)"),
    (b"\xd0\xcf\x11\xe0", "an OLE document (DOC/XLS)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP image, WAV, AVI)"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"\x7fELF", "an executable"),
    (b"{\\rtf", "an RTF document"),
)
GZIP_MAGIC = b"\x1f\x8b"

_EXTENSION = re.compile(r"(\.[a-z0-9]*[a-z][a-z0-9]*)$")
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:rdf)[\s>]")
_HTML_START = (b"<!doctype html", b"<html")


def extension_of(name: str) -> str:
    """The lower-cased extension of a file name ("" if none); ".warc.gz" counts as one."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].lower()
    if base.endswith(".warc.gz"):
        return ".warc.gz"
    match = _EXTENSION.search(base)
    if match is None or match.start() == 0:  # ".bashrc" is a name, not an extension
        return ""
    return match.group(1)


def binary_kind(head: bytes) -> str | None:
    """What a known binary format is ("a PDF document"), or None if the head matches none."""
    for signature, kind in BINARY_SIGNATURES:
        if head.startswith(signature):
            return kind
    if head.startswith(GZIP_MAGIC) and not gunzipped_head(head).startswith(b"WARC/"):
        return "a gzip archive"
    return None


def sniff_format(name: str, head: bytes) -> str | None:
    """The format of an input named `name` whose first bytes are `head`; None when unknown."""
    if binary_kind(head) is not None:
        return None
    ext = extension_of(name)
    if ext in TEXT_EXTENSIONS:
        return "text"
    if ext in HTML_EXTENSIONS:
        return "html"
    if ext in FEED_EXTENSIONS:
        return "feed"
    if ext in XML_EXTENSIONS:
        return "feed" if _FEED_ROOT.search(_markup_head(head)) else None
    if ext in WARC_EXTENSIONS:
        return "warc"
    if ext in JSONL_EXTENSIONS:
        return "jsonl"
    if ext:
        return None
    return sniff_content(head)


def sniff_content(head: bytes) -> str | None:
    """The format of a nameless input from its first bytes: plain text when nothing else fits,
    None for XML that is neither a feed nor XHTML."""
    if head.startswith(b"WARC/") or gunzipped_head(head).startswith(b"WARC/"):
        return "warc"
    markup = _markup_head(head)
    if markup.startswith(_HTML_START):
        return "html"
    if markup.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf:rdf", b"<!--")):
        if _FEED_ROOT.search(markup):
            return "feed"
        if b"<html" in markup:
            return "html"
        if markup.startswith(b"<?xml"):
            return None
    if _looks_like_json_object(head):
        return "jsonl"
    return "text"


def describe_unknown(name: str, head: bytes) -> str:
    """Why `sniff_format` found no format, for a Rejected message."""
    kind = binary_kind(head)
    if kind is not None:
        return f"content is {kind}"
    ext = extension_of(name)
    if ext in XML_EXTENSIONS or (not ext and _markup_head(head).startswith(b"<?xml")):
        return "XML that is not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)"
    return f"extension {ext!r} is not read; supported: {', '.join(SUPPORTED_EXTENSIONS)} or none"


def _markup_head(head: bytes) -> bytes:
    """The head lower-cased, without BOM or leading whitespace, for markup checks."""
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()


def gunzipped_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream, or b"" if `head` is not gzip."""
    if not head.startswith(GZIP_MAGIC):
        return b""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error:
        return b""


def _looks_like_json_object(head: bytes) -> bool:
    """True if `head` starts like a JSON object: `{` then a key or `}` (a line may pass 8 KB)."""
    body = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    return body.startswith(b"{") and body[1:].lstrip()[:1] in (b'"', b"}")
