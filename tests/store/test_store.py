"""The store on a real SQLite file: migrations, WAL, documents read back equal, quarantine rows."""

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventdesk.ingest.base import Rejected
from eventdesk.records import DateMethod, DatePrecision, Document
from eventdesk.store import StoredDocument, open_store


def _doc(text: str = "Un texte.", **over) -> Document:
    fields = dict(
        id="a.txt", text=text, clean=text, offsets=((0, 0, len(text)),), content_hash=str(hash(text)),
        source="Sahel Matin", published="2024-03-12", published_precision=DatePrecision.DAY,
        published_method=DateMethod.METADATA, language="fr", origin="/x/a.txt", format="text",
    )  # fmt: skip
    fields.update(over)
    return Document(**fields)  # type: ignore[arg-type]


def test_open_migrates_and_uses_wal(db):
    store = open_store(db)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        tables = set(sa.inspect(conn).get_table_names())
    assert {"documents", "quarantine", "boilerplate", "runs", "alembic_version"} <= tables
    open_store(db)  # a second open is a no-op migration


def test_document_reads_back_equal(db):
    store = open_store(db)
    doc = _doc()
    store.save([StoredDocument(doc, "outlet:x", ["k1"], ["Un texte."])], [])
    assert list(store.documents()) == [doc]


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1), lang=st.sampled_from(["fr", "en", "ar", None]))
def test_whatever_is_stored_reads_back_equal(tmp_path_factory, text, lang):
    store = open_store(str(tmp_path_factory.mktemp("db") / "p.db"))
    doc = _doc(text, language=lang, content_hash="h" + str(abs(hash(text))))
    store.save([StoredDocument(doc, "outlet:x", [], [])], [])
    assert list(store.documents()) == [doc]


def test_quarantine_keeps_one_row_per_input_and_reason(db):
    store = open_store(db)
    r = Rejected("/x/bad.jsonl:3", "bad-format", "line 3: not JSON", line=3, sample=b"{oops")
    store.save([], [r])
    store.save([], [r])
    rows = store.quarantined()
    assert len(rows) == 1 and rows[0]["reason"] == "bad-format" and rows[0]["line"] == 3


def test_line_counts_add_up_per_outlet(db):
    store = open_store(db)
    a = StoredDocument(_doc("A", content_hash="a"), "outlet:x", ["k1", "k2"], ["one", "two"])
    b = StoredDocument(_doc("B", content_hash="b"), "outlet:x", ["k1"], ["one"])
    c = StoredDocument(_doc("C", content_hash="c"), "outlet:y", ["k1"], ["one"])
    store.save([a], [])
    store.save([b, c], [])
    assert store.line_counts("outlet:x", ["k1", "k2", "k3"]) == {"k1": 2, "k2": 1}
    assert store.line_counts("outlet:y", ["k1"]) == {"k1": 1}
    assert store.unapplied_boilerplate(2) == [("outlet:x", "k1", "one")]
