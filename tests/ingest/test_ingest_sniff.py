from __future__ import annotations

import gzip

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventdesk.ingest.sniff import describe_unknown, extension_of, sniff_format

RSS = b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel></channel></rss>'
ATOM = b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>'


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("corpus/article_01.txt", b"Some text", "text"),
        ("notes.TEXT", b"Some text", "text"),
        ("README.md", b"# Title", "text"),
        ("corpus/LISEZMOI", b"Du texte sans extension.", "text"),
        ("page.html", b"<div>no doctype</div>", "html"),
        ("page.HTM", b"<html>", "html"),
        ("page", b"  <!DOCTYPE html><html>", "html"),
        ("page", b"\xef\xbb\xbf<html lang='fr'>", "html"),
        ("feed.xml", RSS, "feed"),
        ("feed.xml", ATOM, "feed"),
        ("feed.rss", b"<rss>", "feed"),
        ("news.atom", b"<feed>", "feed"),
        ("x.feed", b"<rss>", "feed"),
        ("feed", RSS, "feed"),
        ("crawl.warc", b"WARC/1.1\r\n", "warc"),
        ("crawl.warc.gz", gzip.compress(b"WARC/1.0\r\n"), "warc"),
        ("crawl", gzip.compress(b"WARC/1.0\r\n"), "warc"),
        ("docs.jsonl", b'{"id": "a"}\n', "jsonl"),
        ("docs.ndjson", b'{"id": "a"}\n', "jsonl"),
        ("", b'{"id": "a", "text": "' + b"x" * 9000, "jsonl"),
        ("", b"Plain words on stdin", "text"),
    ],
)
def test_format_from_name_and_content(name: str, head: bytes, expected: str) -> None:
    assert sniff_format(name, head) == expected


@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("report.pdf", b"%PDF-1.7\n"),
        ("report.docx", b"PK\x03\x04\x14\x00"),
        ("archive.zip", b"PK\x03\x04"),
        ("photo.jpg", b"\xff\xd8\xff\xe0"),
        ("photo.png", b"\x89PNG\r\n\x1a\n"),
        ("renamed.txt", b"%PDF-1.4\n"),  # the content wins over a misleading name
        ("data.csv", b"a,b,c\n"),
        ("sitemap.xml", b'<?xml version="1.0"?><urlset></urlset>'),
        ("archive.gz", gzip.compress(b"plain text")),
    ],
)
def test_unknown_formats(name: str, head: bytes) -> None:
    assert sniff_format(name, head) is None
    assert describe_unknown(name, head)


def test_unknown_format_message_names_the_extension_or_content() -> None:
    assert "'.csv'" in describe_unknown("data.csv", b"a,b")
    assert "PDF" in describe_unknown("x.pdf", b"%PDF-1.7")
    assert "not an RSS or Atom" in describe_unknown("s.xml", b"<urlset/>")


@pytest.mark.parametrize(
    ("name", "ext"),
    [
        ("a/b/article.TXT", ".txt"),
        ("crawl.warc.gz", ".warc.gz"),
        (".bashrc", ""),
        ("no_extension", ""),
        ("dated_2024.03.05", ""),
        ("Mr. Smith", ""),
    ],
)
def test_extension_of(name: str, ext: str) -> None:
    assert extension_of(name) == ext


@given(st.text(max_size=30), st.binary(max_size=300))
def test_sniffing_never_raises(name: str, head: bytes) -> None:
    assert sniff_format(name, head) in (None, "text", "html", "feed", "warc", "jsonl")


def test_nameless_xml_that_is_no_feed_is_unknown() -> None:
    head = b'<?xml version="1.0"?><urlset><url>x</url></urlset>'
    assert sniff_format("", head) is None
    assert "not an RSS or Atom feed" in describe_unknown("", head)
