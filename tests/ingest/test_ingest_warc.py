from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from ingest_samples import ARABIC, ENGLISH, FRENCH, docs, page, paragraphs, read, rejects
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventdesk.ingest import Rejected
from eventdesk.ingest.warc import read_warc

CRAWL_DATE = "2024-05-01T12:00:00Z"
SITE = '<meta property="og:site_name" content="Le Courrier du Nord">'


def _record(
    writer: WARCWriter,
    uri: str,
    body: bytes,
    *,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
    kind: str = "response",
) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        kind,
        payload=io.BytesIO(body),
        http_headers=http if kind == "response" else None,
        warc_headers_dict={"WARC-Date": CRAWL_DATE},
    )
    writer.write_record(record)


def _crawl(path: Path, *, gzip: bool) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        _record(writer, "https://www.norrick.example/clash", page(paragraphs(ENGLISH)).encode())
        _record(writer, "https://www.norrick.example/robots.txt", b"User-agent: *", kind="metadata")
        _record(
            writer, "https://www.norrick.example/gone", b"<html>gone</html>", status="404 Not Found"
        )
        _record(
            writer,
            "https://www.norrick.example/logo.jpg",
            b"\xff\xd8\xff\xe0",
            content_type="image/jpeg",
        )
        arabic = page(paragraphs(ARABIC), lang="ar").replace('charset="utf-8"', "")
        _record(
            writer,
            "https://wadi.example/ar/1",
            arabic.encode("cp1256"),
            content_type="text/html; charset=windows-1256",
        )
        _record(
            writer,
            "https://courrier-nord.example/fr/2",
            page(paragraphs(FRENCH), head=SITE, lang="fr").encode(),
        )
        _record(
            writer,
            "https://www.norrick.example/empty",
            b"<html><body><nav>Home</nav></body></html>",
        )
    return path


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_become_documents(tmp_path: Path, gzip: bool) -> None:
    name = "crawl.warc.gz" if gzip else "crawl.warc"
    items = read([_crawl(tmp_path / name, gzip=gzip)])
    english, arabic, french = docs(items)
    assert english.id == english.url == english.origin == "https://www.norrick.example/clash"
    assert english.format == "warc" and english.source == "norrick.example"
    assert "two people were injured" in english.text
    assert english.published is None  # WARC-Date is the crawl date, not the publication date
    assert arabic.id == "https://wadi.example/ar/1" and "حظر تجول ليلي" in arabic.text
    assert french.source == "Le Courrier du Nord"
    assert english.group == str(tmp_path / name)
    [rejected] = rejects(items)
    assert rejected.origin == "https://www.norrick.example/empty"
    assert rejected.reason == "bad-format" and "no article text" in rejected.message


def test_page_over_the_limit_is_rejected_with_its_uri(tmp_path: Path) -> None:
    path = _crawl(tmp_path / "crawl.warc", gzip=False)
    items = list(read_warc(path.open("rb"), origin=str(path), max_bytes=200))
    assert all(isinstance(i, Rejected) and i.reason in ("too-large", "bad-format") for i in items)
    assert "https://wadi.example/ar/1" in [i.origin for i in items if i.reason == "too-large"]


@pytest.mark.parametrize(
    ("gzip", "cut_at", "problem"),
    [
        (True, b"\x1f\x8b", "truncated"),  # inside the 2nd gzip member
        (False, b"WARC-Target-URI: https://www.norrick.example/gone", "truncated"),
        (False, b"WARC-Payload-Digest", "no complete WARC record"),  # in the 1st record
        (False, "إشعار".encode("cp1256"), "truncated"),  # inside the Arabic page
    ],
)
def test_broken_archive_keeps_pages_before_the_break(
    tmp_path: Path, gzip: bool, cut_at: bytes, problem: str
) -> None:
    path = _crawl(tmp_path / ("c.warc.gz" if gzip else "c.warc"), gzip=gzip)
    data = path.read_bytes()
    path.write_bytes(data[: data.index(cut_at, 100) + 30])
    items = read([path])
    if problem != "no complete WARC record":
        assert docs(items)[0].id == "https://www.norrick.example/clash"
    broken = rejects(items)[-1]
    assert broken.reason == "bad-format"
    assert "broken WARC record" in broken.message and problem in broken.message
    assert str(path) in broken.message


def test_record_without_content_length_stops_the_archive(tmp_path: Path) -> None:
    path = _crawl(tmp_path / "c.warc", gzip=False)
    data = path.read_bytes()
    start = data.index(b"WARC-Target-URI: https://wadi.example/ar/1")
    length = data.index(b"Content-Length:", start)
    path.write_bytes(data[:length] + data[data.index(b"\r\n", length) + 2 :])
    items = read([path])
    assert [d.id for d in docs(items)] == ["https://www.norrick.example/clash"]
    assert "https://wadi.example/ar/1 has no Content-Length" in rejects(items)[-1].message


def test_wrong_content_length_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _crawl(tmp_path / "c.warc", gzip=False)
    data = path.read_bytes()
    length = re.search(rb"Content-Length: (\d+)", data)
    assert length is not None
    shorter = str(int(length.group(1)) - 10).encode()
    path.write_bytes(data[: length.start(1)] + shorter + data[length.end(1) :])
    items = read([path])
    assert [d.id for d in docs(items)][1:] == [
        "https://wadi.example/ar/1",
        "https://courrier-nord.example/fr/2",
    ]
    assert "clash is followed by bytes that are no WARC record" in rejects(items)[0].message
    assert capsys.readouterr().err == ""  # warcio's own warning is silenced


def test_junk_between_records_is_reported(tmp_path: Path) -> None:
    path = _crawl(tmp_path / "c.warc", gzip=False)
    path.write_bytes(path.read_bytes() + b"junk that is no record\r\n")
    items = read([path])
    assert len(docs(items)) == 3
    assert "junk that is no record" in rejects(items)[-1].message


def test_a_file_named_warc_that_is_not_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"just some text, no WARC header\n" * 5)
    [rejected] = read([path])
    assert isinstance(rejected, Rejected) and rejected.reason == "bad-format"
    assert str(path) in rejected.message
