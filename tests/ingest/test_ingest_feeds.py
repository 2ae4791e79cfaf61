from __future__ import annotations

from pathlib import Path

import pytest
from ingest_samples import ENGLISH, FRENCH, docs, page, paragraphs, read, rejects

from eventdesk.ingest import RawDocument, Rejected
from eventdesk.ingest.feeds import read_feed

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Le Courrier du Nord</title>
  <link>https://courrier-nord.example/</link>
  <language>fr</language>
  <item>
    <title>Heurts à Saint-Aubin</title>
    <link>https://courrier-nord.example/2024/03/heurts</link>
    <guid>urn:courrier:1001</guid>
    <pubDate>Thu, 07 Mar 2024 21:10:00 +0100</pubDate>
    <content:encoded><![CDATA[<p>Des heurts ont opposé <b>jeudi soir</b> des manifestants
      aux gendarmes.</p><p>Onze personnes ont été interpellées.</p>]]></content:encoded>
  </item>
  <item>
    <title>Grève au port</title>
    <guid isPermaLink="false">urn:courrier:1002</guid>
    <description>Les dockers de Norrick entament leur quatrième semaine de grève.</description>
  </item>
  <item>
    <title>Sans texte</title>
    <link>https://courrier-nord.example/2024/03/vide</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Norrick Courier</title>
  <id>urn:norrick:feed</id>
  <updated>2024-03-05T08:00:00Z</updated>
  <entry>
    <title>Dockers clash with police</title>
    <id>urn:norrick:42</id>
    <link href="https://norrick.example/42"/>
    <updated>2024-03-05T07:55:00Z</updated>
    <summary type="html">&lt;p&gt;Two people were hurt outside the harbour office.&lt;/p&gt;</summary>
  </entry>
</feed>
"""


def _feed(text: str) -> list[RawDocument | Rejected]:
    return list(read_feed(text.encode(), origin="feeds/nord.xml"))


def test_rss_entries_become_documents() -> None:
    items = _feed(RSS)
    first, second = docs(items)
    assert first.id == "https://courrier-nord.example/2024/03/heurts"
    assert first.url == first.id and first.origin == first.id
    assert first.text.splitlines() == [
        "Des heurts ont opposé jeudi soir des manifestants aux gendarmes.",
        "Onze personnes ont été interpellées.",
    ]
    assert (first.title, first.source, first.format) == (
        "Heurts à Saint-Aubin",
        "Le Courrier du Nord",
        "feed",
    )
    assert first.published == "2024-03-07"
    assert first.group == "feeds/nord.xml"
    assert second.id == "urn:courrier:1002" and second.url is None
    assert second.text == "Les dockers de Norrick entament leur quatrième semaine de grève."
    assert second.published is None


def test_entry_without_text_is_rejected_not_dropped() -> None:
    [rejected] = rejects(_feed(RSS))
    assert rejected.reason == "empty"
    assert rejected.origin == "https://courrier-nord.example/2024/03/vide"
    assert "entry 3 of feeds/nord.xml" in rejected.message


def test_atom_entry() -> None:
    [doc] = _feed(ATOM)
    assert isinstance(doc, RawDocument)
    assert doc.id == "https://norrick.example/42"
    assert doc.text == "Two people were hurt outside the harbour office."
    assert (doc.source, doc.published) == ("Norrick Courier", "2024-03-05")


def test_feed_without_entries_is_empty(tmp_path: Path) -> None:
    items = read([_write_feed_dir(tmp_path, RSS.split("<item>")[0] + "</channel></rss>")])
    assert [r.reason for r in rejects(items)] == ["empty"]


def test_broken_feed_keeps_entries_read_and_reports_the_break(tmp_path: Path) -> None:
    cut = RSS[: RSS.index("<item>", RSS.index("</item>"))] + "<item><title>Coupé"
    items = read([_write_feed_dir(tmp_path, cut)])
    assert [d.title for d in docs(items)] == ["Heurts à Saint-Aubin"]
    # the cut entry has a title but no text; then the break itself is reported
    assert [r.reason for r in rejects(items)] == ["empty", "bad-format"]
    assert "feed is malformed" in rejects(items)[1].message


def test_garbage_feed_is_bad_format(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>Nothing <<< here")
    [rejected] = read([path])
    assert isinstance(rejected, Rejected) and rejected.reason == "bad-format"
    assert str(path) in rejected.message


def test_local_page_linked_from_the_feed_is_read_instead(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    (tmp_path / "feeds").mkdir()
    head = (
        '<meta property="og:site_name" content="Radio Morbihan Sud">'
        '<link rel="canonical" href="https://radio-morbihan.example/heurts">'
    )
    article = page(paragraphs(FRENCH), head=head, lang="fr", title="Heurts (page)")
    (tmp_path / "html" / "heurts.html").write_text(article, encoding="utf-8")
    feed = RSS.replace("https://courrier-nord.example/2024/03/heurts", "../html/heurts.html")
    [first, *_] = docs(read([_write_feed_dir(tmp_path / "feeds", feed)]))
    assert first.id == first.origin == "../html/heurts.html"
    assert "deux gendarmes ont été légèrement blessés" in first.text  # only the page says this
    assert first.url == "https://radio-morbihan.example/heurts"
    assert first.source == "Radio Morbihan Sud"
    assert (first.title, first.published) == ("Heurts à Saint-Aubin", "2024-03-07")  # the entry's


@pytest.mark.parametrize("link", ["../notes.txt", "missing.html", "https://example.org/a.html"])
def test_links_that_are_no_local_html_page_are_not_read(tmp_path: Path, link: str) -> None:
    (tmp_path / "notes.txt").write_text(ENGLISH)
    (tmp_path / "feeds").mkdir()
    feed = RSS.replace("https://courrier-nord.example/2024/03/heurts", link)
    [first, *_] = docs(read([_write_feed_dir(tmp_path / "feeds", feed)]))
    assert first.text.startswith("Des heurts ont opposé jeudi soir")
    assert first.url == link and first.source == "Le Courrier du Nord"


def _write_feed_dir(directory: Path, text: str) -> Path:
    path = directory / "nord.xml"
    path.write_text(text, encoding="utf-8")
    return path
