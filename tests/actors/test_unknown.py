"""Names the registry does not know are kept verbatim at coding time, listed with counts and
examples (`eventdesk actors unknown`), and resolved once a curator adds them (`actors add`)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventdesk import config, pipeline
from eventdesk.actors import curate, find_actors
from eventdesk.actors.unknown import unknown_names
from eventdesk.cli import main
from eventdesk.errors import ConfigError
from eventdesk.records import Document
from eventdesk.store import open_store

TEXTS = [
    ("u1", "2024-05-07", "Lakurawa militants attacked a village in Kebbi state on Monday, killing 12 people, police said."),
    ("u2", "2024-05-09", "Fighters of the Lakurawa group killed four farmers near Argungu in Kebbi state on Wednesday."),
    ("u3", "2024-05-09", "Boko Haram fighters attacked Bama in Borno state on Wednesday, killing two soldiers."),
]  # fmt: skip


@pytest.fixture
def user_registry(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTDESK_ACTORS", str(tmp_path / "actors"))
    curate.reload()
    yield tmp_path / "actors"
    monkeypatch.delenv("EVENTDESK_ACTORS")
    curate.reload()


def _doc(doc_id: str, published: str, text: str) -> Document:
    return Document(id=doc_id, text=text, clean=text, offsets=((0, 0, len(text)),),
                    content_hash=doc_id, published=published, language="en")  # fmt: skip


def _code(doc_id: str, published: str, text: str):
    from eventdesk.code import code_document
    from eventdesk.geo import Gazetteer

    return code_document(_doc(doc_id, published, text), Gazetteer.open())


def test_a_group_name_beside_group_words_is_found_unless_the_registry_knows_it() -> None:
    text = (
        "Lakurawa militants attacked. They fled. Boko Haram fighters and members of the Katiba "
        "Serma left. Iran-aligned militias fired."
    )
    found = [u.name for u in unknown_names(text, "en", find_actors(text, lang="en"))]
    assert found == ["Lakurawa", "Katiba Serma"]


def test_the_code_stage_keeps_unknown_names_with_their_sentence(user_registry) -> None:
    coded = _code(*TEXTS[0])
    assert [(u.name, u.sentence) for u in coded.unknown] == [("Lakurawa", TEXTS[0][2])]
    assert coded.events and coded.events[0].actor1 == "Unidentified Armed Group (Nigeria)"
    assert _code(*TEXTS[2]).unknown == []


def test_extract_stores_them_and_actors_unknown_lists_them(tmp_path, db, user_registry) -> None:
    path = tmp_path / "docs.jsonl"
    rows = [{"id": i, "published": p, "language": "en", "text": t} for i, p, t in TEXTS]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    store = open_store(db)
    pipeline.extract([str(path)], store, config.load(None))
    (name,) = store.unknown.names()
    assert (name.name, name.mentions, name.documents) == ("Lakurawa", 2, 2)
    assert name.examples == (TEXTS[0][2], TEXTS[1][2])
    pipeline.extract([str(path)], store, config.load(None))  # coded again: counted once
    assert store.unknown.names()[0].mentions == 2
    out = CliRunner().invoke(main, ["actors", "unknown", "--db", db, "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output.splitlines()[0])["name"] == "Lakurawa"


def test_actors_add_resolves_the_name_from_then_on(user_registry) -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["actors", "add", "Lakurawa", "--lang", "en", "--canonical",
                               "Lakurawa", "--inter", "2", "--country", "NGA"])  # fmt: skip
    assert out.exit_code == 0, out.output
    assert (user_registry / "registry.tsv").read_text().splitlines()[1:] == ["Lakurawa\t2\tNGA\t\t"]
    assert (user_registry / "aliases_en.tsv").read_text().splitlines()[1:] == ["Lakurawa\tLakurawa"]
    coded = _code(*TEXTS[0])
    assert coded.unknown == [] and coded.events[0].actor1 == "Lakurawa"
    # a second alias of the same actor needs no inter code
    out = runner.invoke(main, ["actors", "add", "Lakurawa group", "--lang", "en",
                               "--canonical", "Lakurawa"])  # fmt: skip
    assert out.exit_code == 0, out.output
    assert len((user_registry / "aliases_en.tsv").read_text().splitlines()) == 3


def test_a_new_actor_needs_its_inter_code_and_a_bad_row_is_not_kept(user_registry) -> None:
    with pytest.raises(ConfigError, match="inter code"):
        curate.add("Lakurawa", lang="en", canonical="Lakurawa")
    with pytest.raises(ConfigError):
        curate.add("Lakurawa", lang="en", canonical="Lakurawa", inter=2, country_iso3="XXX")
    assert not (user_registry / "registry.tsv").exists()
    assert not (user_registry / "aliases_en.tsv").exists()
