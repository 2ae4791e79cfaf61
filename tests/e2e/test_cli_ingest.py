"""The CLI on real files: bad inputs never stop a batch, re-runs are no-ops, a killed run resumes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from eventdesk.cli import main
from tests.conftest import REPO, SAMPLES

EVENTDESK = [sys.executable, "-m", "eventdesk.cli"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*EVENTDESK, *args], input=stdin.decode() if stdin else None, capture_output=True,
        text=True, cwd=REPO, timeout=300,
    )  # fmt: skip


def _bad_corpus(root: Path) -> dict[str, str]:
    """Writes one input of each kind of trouble; returns {name: expected quarantine reason}."""
    (root / "good.txt").write_text(
        "Gao, 3 mars 2024 - Une patrouille a été attaquée près de Gao, faisant deux morts.\n",
        encoding="utf-8",
    )
    (root / "latin1.txt").write_bytes(
        "Niamey, 4 mars 2024 - Des élèves et des enseignants ont manifesté à Niamey contre la "
        "fermeture des écoles de la région de Tillabéri, a-t-on appris de sources locales.\n".encode(
            "latin-1"
        )
    )
    (root / "arabic_cp1256.txt").write_bytes(
        "قتل ثلاثة جنود وأصيب خمسة آخرون في هجوم شنه مسلحون مجهولون على نقطة تفتيش في محافظة "
        "ديالى شرقي العراق، بحسب مصدر أمني. وقال المصدر إن المهاجمين فروا إلى جهة مجهولة.\n".encode(
            "cp1256"
        )
    )
    (root / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (root / "empty.txt").write_bytes(b"")
    (root / "truncated.html").write_text(
        "<html><head><title>x</title></head><body><div><p>Le", encoding="utf-8"
    )
    page = (SAMPLES / "html" / "fr_mali_page.html").read_bytes()
    (root / "cut_article.html").write_bytes(page[: len(page) * 6 // 10])  # cut mid-article
    big = root / "huge.txt"
    with big.open("wb") as f:
        f.write(b"Gao, 3 mars 2024 - ")
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB that must not be read (default limit 20 MB)
    (root / "docs.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Kidal, 5 mars 2024 - Un convoi a sauté sur une mine près de Kidal."}) + "\n"
        + "{this is not json\n"
        + json.dumps({"id": "j2", "text": "Mopti, 6 mars 2024 - Des tirs ont visé un camp militaire près de Mopti."}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    (root / "slides.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    return {
        "binary.txt": "undecodable", "empty.txt": "empty", "truncated.html": "bad-format",
        "huge.txt": "too-large", "docs.jsonl:2": "bad-format", "slides.pdf": "unknown-format",
        "missing.txt": "missing",
    }  # fmt: skip


def test_bad_inputs_are_quarantined_and_the_batch_goes_on(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    expected = _bad_corpus(corpus)
    db = str(tmp_path / "q.db")
    res = run("ingest", str(corpus), str(corpus / "missing.txt"), "--db", db)
    assert res.returncode == 1, res.stderr  # something was quarantined
    report = json.loads(res.stdout)
    assert report["stored"] == 6  # good, latin1, arabic, j1, j2, and what the cut page had
    assert report["quarantined"] == len(expected)
    rows = [json.loads(line) for line in run("quarantine", "--db", db).stdout.splitlines()]
    got = {}
    for row in rows:
        name = (
            Path(row["origin"].split(":")[0]).name
            if row["line"] is None
            else (Path(row["origin"].rsplit(":", 1)[0]).name + f":{row['line']}")
        )
        got[name] = row["reason"]
    assert got == expected
    docs = {
        json.loads(line)["id"]: json.loads(line)
        for line in run("docs", "--db", db).stdout.splitlines()
    }
    assert docs["latin1.txt"]["language"] == "fr"
    assert docs["arabic_cp1256.txt"]["language"] == "ar"
    full = run("docs", "--db", db, "--full").stdout
    assert "élèves" in full and "ديالى" in full
    assert "douze soldats tués" in full  # the text of the cut page, up to the cut
    messages = [line for line in res.stderr.splitlines() if line.startswith("  quarantined")]
    assert len(messages) == len(expected)  # one line each, saying what and why
    for line in messages:
        assert len(line) < 400
    again = run("ingest", str(corpus), str(corpus / "missing.txt"), "--db", db)
    assert again.returncode == 1 and json.loads(again.stdout)["stored"] == 0
    assert len(run("quarantine", "--db", db).stdout.splitlines()) == len(rows)  # no new rows


def test_a_directory_of_ten_thousand_files(tmp_path):
    corpus = tmp_path / "wire"
    for n in range(10_000):
        folder = corpus / f"{n // 1000:02d}"  # ten folders of a thousand
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"brief_{n:05d}.txt").write_text(
            f"Brief {n}: gunmen attacked checkpoint {n} near Gao on 3 March 2024.\n"
        )
    (corpus / "05" / "brief_05000.txt").write_bytes(b"\x00\x01binary\x00")
    db = str(tmp_path / "ten.db")
    res = CliRunner().invoke(main, ["ingest", str(corpus), "--db", db])
    assert res.exit_code == 1  # one input quarantined
    report = json.loads(res.stdout)
    assert (report["read"], report["stored"], report["quarantined"]) == (9_999, 9_999, 1)
    assert "brief_05000.txt: binary data" in res.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(DISTINCT doc_id) FROM documents").fetchone() == (9_999,)
    assert con.execute("SELECT origin, reason FROM quarantine").fetchall() == [
        (str(corpus / "05" / "brief_05000.txt"), "undecodable")
    ]


def test_reingesting_is_a_no_op(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for n in range(5):
        (corpus / f"{n}.txt").write_text(
            f"Texte numéro {n}: une attaque a eu lieu à Gao le {n + 1} mars 2024.", encoding="utf-8"
        )
    db = str(tmp_path / "n.db")
    first = run("ingest", str(corpus), "--db", db)
    before = _dump(Path(db))
    second = run("ingest", str(corpus), "--db", db)
    assert first.returncode == second.returncode == 0  # nothing quarantined
    assert json.loads(first.stdout)["stored"] == 5
    assert json.loads(second.stdout) | {"quarantine_reasons": {}} == {
        "read": 5, "stored": 0, "duplicates": 5, "quarantined": 0, "refreshed": 0,
        "quarantine_reasons": {},
    }  # fmt: skip
    assert _dump(Path(db)) == before


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables that hold documents and what was learned from them."""
    con = sqlite3.connect(db)
    try:
        return {
            table: sorted(con.execute(f"SELECT * FROM {table}").fetchall())
            for table in ("documents", "boilerplate", "quarantine")
        }
    finally:
        con.close()


def test_stdin_is_read(tmp_path):
    db = str(tmp_path / "s.db")
    res = run(
        "ingest",
        "-",
        "--db",
        db,
        stdin=b"Kirkuk, March 4, 2024 - Two rockets hit a base near Kirkuk.\n",
    )
    assert json.loads(res.stdout)["stored"] == 1, res.stderr


def test_a_killed_ingest_resumes_without_loss_or_duplicates(tmp_path):
    corpus = tmp_path / "many"
    corpus.mkdir()
    total = 4000
    for n in range(total):
        (corpus / f"doc_{n:05d}.txt").write_text(
            f"Dépêche {n}. Des hommes armés ont attaqué le poste numéro {n} près de Gao le 3 mars 2024.\n\n"
            "Recevez chaque matin notre lettre d'information sur le Sahel\n",  # learned boilerplate
            encoding="utf-8",
        )
    reference = tmp_path / "ref.db"
    assert run("ingest", str(corpus), "--db", str(reference), "--quiet").returncode == 0
    db = tmp_path / "k.db"
    proc = subprocess.Popen([*EVENTDESK, "ingest", str(corpus), "--db", str(db), "--quiet"], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    stored = 0
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        stored = _count(db)
        if stored >= 400:
            break
        time.sleep(0.05)
    assert proc.poll() is None, (
        "the ingest finished before it could be killed: make the corpus larger"
    )
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(db)
    assert 0 < partial < total
    res = run("ingest", str(corpus), "--db", str(db))
    report = json.loads(res.stdout)
    assert report["duplicates"] == partial and report["stored"] == total - partial
    con = sqlite3.connect(db)
    n, distinct = con.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone()
    assert n == distinct == total
    # the same documents, cleaned the same, and every line counted once, as in an unbroken run
    assert _cleaned(db) == _cleaned(reference)
    assert _dump(db)["boilerplate"] == _dump(reference)["boilerplate"]


def _cleaned(db: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return sorted(con.execute("SELECT doc_id, content_hash, clean, published FROM documents"))
    finally:
        con.close()


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(db, timeout=1)
        return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_errors_are_one_clear_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no ./eventdesk.db of the repository
    monkeypatch.delenv("EVENTDESK_DB", raising=False)
    missing = tmp_path / "none.db"
    for command in (["docs"], ["quarantine"], ["clean", str(SAMPLES / "articles")]):
        res = CliRunner().invoke(main, [*command, "--db", str(missing)])
        assert res.exit_code == 1
        assert (
            res.stderr
            == f"error: no database at {missing}; `eventdesk ingest PATH --db {missing}` creates one\n"
        )
    assert not missing.exists()
    res = CliRunner().invoke(main, ["ingest", str(SAMPLES), "--db", str(tmp_path / "no" / "x.db")])
    assert res.exit_code == 1 and res.stderr.count("\n") == 1
    assert res.stderr.startswith(
        f"error: cannot open or migrate the database {tmp_path / 'no' / 'x.db'}: "
    )
    res = CliRunner().invoke(main, ["ingest", str(SAMPLES), "--published", "2024-13-01"])
    assert res.exit_code == 1 and res.stderr.count("\n") == 1 and "'2024-13-01'" in res.stderr
