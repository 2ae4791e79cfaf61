from __future__ import annotations

import json

import pytest
from ingest_samples import ARABIC, ENGLISH, FRENCH, page, paragraphs

from eventdesk.errors import FormatError
from eventdesk.ingest.html import article_text, extract_page, fragment_text, read_html
from eventdesk.ingest.htmlmeta import declared_charset, host_of, page_metadata

META = (
    '<meta property="og:site_name" content="The Norrick Courier">'
    '<meta property="og:title" content="Dockers clash with police in Norrick">'
    '<meta property="og:url" content="https://www.norrickcourier.example/2024/03/clash">'
    '<meta property="article:published_time" content="2024-03-04T18:30:00+00:00">'
)


def test_page_text_and_metadata() -> None:
    doc = read_html(
        page(paragraphs(ENGLISH), head=META).encode(), id="clash.html", origin="c/clash.html"
    )
    assert "two people were injured" in doc.text
    assert "Home" not in doc.text and "All rights reserved" not in doc.text
    assert (doc.id, doc.origin, doc.format) == ("clash.html", "c/clash.html", "html")
    assert doc.title == "Dockers clash with police in Norrick"
    assert doc.source == "The Norrick Courier"
    assert doc.url == "https://www.norrickcourier.example/2024/03/clash"
    assert doc.published == "2024-03-04"
    assert doc.language is None


def test_page_without_metadata_keeps_none() -> None:
    doc = read_html(page(paragraphs(ENGLISH)).encode(), id="a.html", origin="a.html")
    assert doc.url is None and doc.source is None and doc.published is None
    assert doc.title == "Norrick dockers clash with police"  # from <title>


def test_outlet_from_application_name_then_json_ld_then_host() -> None:
    app = '<meta name="application-name" content="Radio Valmont">'
    assert page_metadata(page("<p>x</p>", head=app)).site_name == "Radio Valmont"
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "NewsArticle",
                "publisher": {"@type": "Organization", "name": "Le Courrier du Nord"},
            }
        ],
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert page_metadata(page("<p>x</p>", head=head)).site_name == "Le Courrier du Nord"
    canonical = '<link rel="canonical" href="https://www.valmont-info.example/a/1">'
    meta = page_metadata(page("<p>x</p>", head=canonical))
    assert (meta.site_name, meta.url) == (
        "valmont-info.example",
        "https://www.valmont-info.example/a/1",
    )


def test_relative_canonical_is_resolved_against_the_given_url() -> None:
    head = '<link rel="canonical" href="/news/42">'
    meta = page_metadata(page("<p>x</p>", head=head), url="https://news.example/x?y=1")
    assert meta.url == "https://news.example/news/42"
    assert page_metadata(page("<p>x</p>", head=head)).url is None


def test_given_url_is_kept_over_the_canonical_link() -> None:
    doc = extract_page(
        page(paragraphs(ENGLISH), head=META), id="u", origin="u", url="https://mirror.example/clash"
    )
    assert doc.url == "https://mirror.example/clash"
    assert doc.source == "The Norrick Courier"


def test_french_page() -> None:
    html = page(paragraphs(FRENCH), lang="fr", title="Heurts à Saint-Aubin")
    doc = read_html(html.encode("utf-8"), id="fr.html", origin="fr.html")
    assert "deux gendarmes ont été légèrement blessés" in doc.text


def test_arabic_page_in_windows_1256_declared_by_meta() -> None:
    html = page(paragraphs(ARABIC), lang="ar", title="اشتباكات في الوادي الأخضر")
    html = html.replace('charset="utf-8"', 'charset="windows-1256"')
    doc = read_html(html.encode("cp1256"), id="ar.html", origin="ar.html")
    assert "أصيبوا بجروح طفيفة" in doc.text
    assert doc.title == "اشتباكات في الوادي الأخضر"


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>Le",
        "<html><head><title>Nothing</title></head><body></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
    ],
)
def test_pages_without_article_text_raise_format_error(html: str) -> None:
    with pytest.raises(FormatError, match="no article text found") as info:
        read_html(html.encode(), id="t.html", origin="t.html")
    assert info.value.reason == "bad-format"


def test_truncated_page_message_says_truncated() -> None:
    with pytest.raises(FormatError, match="truncated"):
        article_text("<html><body><p>Le")


def test_fragment_text_of_a_short_feed_summary() -> None:
    text = fragment_text("<p>Two hurt in <b>Norrick</b> clash.</p><p>Strike goes on.</p>")
    assert text.splitlines() == ["Two hurt in Norrick clash.", "Strike goes on."]


def test_declared_charset_and_host() -> None:
    assert (
        declared_charset(
            b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        )
        == "ISO-8859-1"
    )
    assert declared_charset(b"<html><body>") is None
    assert host_of("https://www.example.org/a") == "example.org"
    assert host_of("article.html") is None


@pytest.mark.parametrize(
    ("head", "body", "published"),
    [
        ("", "<p>Police said on 2024-03-05 that two people were hurt in the clash.</p>", None),
        ("", '<p>By staff, <time datetime="2024-03-04T09:00">4 March</time></p>', "2024-03-04"),
        (
            "",
            '<script type="application/ld+json">{"@type": "NewsArticle",'
            ' "datePublished": "2024-02-28T16:00:00+01:00"}</script>',
            "2024-02-28",
        ),
        (
            '<meta name="date" content="2024-01-15">',
            "<p>On 2024-03-05 two were hurt.</p>",
            "2024-01-15",
        ),
        ('<link rel="canonical" href="https://n.example/2024/03/02/clash">', "", "2024-03-02"),
    ],
)
def test_published_comes_from_metadata_never_from_the_text(
    head: str, body: str, published: str | None
) -> None:
    html = page(body + paragraphs(ENGLISH), head=head)
    assert page_metadata(html).published == published
