"""The document pipeline end to end through the library: dedup, boilerplate learning, refresh."""

import dataclasses
from pathlib import Path

from eventdesk import config, pipeline
from eventdesk.records import DateMethod
from eventdesk.store import open_store

SHARED_LINE = "Le ministre lors d'une cérémonie officielle dans la capitale il y a trois ans"


TITLES = [
    "Attaque contre un poste de gendarmerie",
    "Un véhicule militaire sur une mine",
    "Manifestation à Ouagadougou",
]
MORE = (
    "Selon des sources locales, les assaillants sont arrivés à moto en fin de journée et ont pris "
    "la fuite vers le nord après les faits. Les autorités n'ont pas encore communiqué de bilan "
    "officiel et une enquête a été ouverte, a indiqué un responsable administratif de la région."
)


def _article(n: int, body: str) -> str:
    return (
        f"{TITLES[n]}\n\n{SHARED_LINE}\n\n{body}\n\n{MORE.replace('nord', ['nord', 'sud', 'est'][n])}\n\n"
        "Retrouvez toute l'actualité du Sahel chaque matin\n"
    )


BODIES = [
    "Bamako, 12 mars 2024 - Des hommes armés ont attaqué un poste de gendarmerie près de Ségou.",
    "Niamey, 14 mars 2024 - Une mine a frappé un véhicule de l'armée dans la région de Tillabéri.",
    "Ouagadougou, 15 mars 2024 - Des manifestants se sont rassemblés devant le ministère.",
]


def _write(dir: Path, n: int) -> Path:
    path = dir / f"art_{n}.txt"
    path.write_text(_article(n, BODIES[n]), encoding="utf-8")
    return path


def test_lines_shared_by_an_outlets_documents_are_learned_and_removed(tmp_path, db):
    for n in range(2):
        _write(tmp_path, n)
    store = open_store(db)
    report = pipeline.ingest([str(tmp_path)], store, config.load(None))
    assert (report.read, report.stored, report.quarantined) == (2, 2, 0)
    for doc in store.documents():
        assert SHARED_LINE not in doc.clean
        assert "Retrouvez toute" not in doc.clean
        assert doc.clean.startswith(tuple(TITLES))


def test_a_single_document_keeps_its_lines(tmp_path, db):
    _write(tmp_path, 0)
    store = open_store(db)
    pipeline.ingest([str(tmp_path)], store, config.load(None))
    (doc,) = store.documents()
    assert SHARED_LINE in doc.clean


def test_a_later_document_of_a_known_outlet_is_cleaned_and_the_earlier_one_refreshed(tmp_path, db):
    (tmp_path / "a").mkdir()
    first = _write(tmp_path / "a", 0)
    store = open_store(db)
    settings = config.load(None)
    pipeline.ingest([str(first)], store, settings)
    (before,) = store.documents()
    assert SHARED_LINE in before.clean
    second = _write(tmp_path / "a", 1)  # same folder: same outlet group
    report = pipeline.ingest([str(second)], store, settings)
    assert report.refreshed == 1
    docs = list(store.documents())
    assert len(docs) == 2 and all(SHARED_LINE not in d.clean for d in docs)
    after = next(d for d in docs if d.content_hash == before.content_hash)
    assert dataclasses.replace(after, clean=before.clean, offsets=before.offsets) == before


def test_a_refreshed_document_keeps_how_its_date_was_found(tmp_path, db):
    (tmp_path / "a").mkdir()
    undated = _article(0, BODIES[0]).replace("Bamako, 12 mars 2024 - ", "Le 12 mars 2024, ")
    (tmp_path / "a" / "first.txt").write_text(undated, encoding="utf-8")
    store = open_store(db)
    pipeline.ingest([str(tmp_path / "a" / "first.txt")], store, config.load(None))
    (before,) = store.documents()
    assert before.published_method == DateMethod.INFERRED
    _write(tmp_path / "a", 1)
    assert pipeline.ingest([str(tmp_path / "a")], store, config.load(None)).refreshed == 1
    after = next(d for d in store.documents() if d.content_hash == before.content_hash)
    assert SHARED_LINE not in after.clean
    assert (after.published, after.published_precision, after.published_method) == (
        before.published,
        before.published_precision,
        before.published_method,
    )


def test_reprints_do_not_teach_boilerplate(tmp_path, db):
    text = _article(0, BODIES[0])
    (tmp_path / "orig.txt").write_text(text, encoding="utf-8")
    (tmp_path / "reprint.txt").write_text("MIS À JOUR\n\n" + text, encoding="utf-8")
    store = open_store(db)
    pipeline.ingest([str(tmp_path)], store, config.load(None))
    for doc in store.documents():
        assert BODIES[0].split(" - ")[1] in doc.clean


def test_ingesting_twice_changes_nothing(tmp_path, db):
    for n in range(3):
        _write(tmp_path, n)
    store = open_store(db)
    settings = config.load(None)
    pipeline.ingest([str(tmp_path)], store, settings)
    before = list(store.documents())
    again = pipeline.ingest([str(tmp_path)], store, settings)
    assert (again.stored, again.duplicates, again.refreshed) == (0, 3, 0)
    assert list(store.documents()) == before


def test_publication_date_from_a_dateline_and_override(tmp_path, db):
    _write(tmp_path, 0)
    store = open_store(db)
    pipeline.ingest([str(tmp_path)], store, config.load(None))
    (doc,) = store.documents()
    assert doc.published == "2024-03-12" and doc.published_method == DateMethod.DATELINE
    store2 = open_store(str(tmp_path / "other.db"))
    pipeline.ingest(
        [str(tmp_path / "art_0.txt")], store2, config.load(None, published="2024-03-13")
    )
    (doc2,) = store2.documents()
    assert doc2.published == "2024-03-13" and doc2.published_method == DateMethod.OVERRIDE
