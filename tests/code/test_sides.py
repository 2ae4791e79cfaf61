"""Who fires at a place (code/sides.py): an exchange or shelling whose initiator no one names
takes the side that the collection's other reports name at that place. Sentences written for
these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from eventdesk import pipeline
from eventdesk.code.sides import MIN_DOCS
from eventdesk.geo import Gazetteer
from eventdesk.records import Document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.open()


ARMY, REBELS = "Military Forces of Ukraine (2019-)", "NAF: United Armed Forces of Novorossiya"


def _doc(n: int, text: str) -> Document:
    return Document(
        id=f"d{n}", text=text, clean=text, offsets=((0, 0, len(text)),), content_hash=f"h{n}",
        published="2020-06-05", language="fr" if text.startswith("Le ") else "en",
    )  # fmt: skip


# a collection: the side of a place is learned from one (MIN_DOCS documents), not from a few
TOWNS = ["Uzhhorod", "Poltava", "Sumy", "Chernihiv", "Rivne"]
OTHERS = [
    f"On 1 June 2020, residents protested in {TOWNS[n % len(TOWNS)]} against a tariff rise."
    for n in range(MIN_DOCS)
]


def _coded(gaz: Gazetteer, texts: list[str], others: list[str] = OTHERS) -> dict[str, list]:
    docs = [_doc(n, t) for n, t in enumerate([*texts, *others])]
    return {d.id: c.events for d, c in pipeline.code_collection(docs, gaz, dt.date(2020, 6, 5))}


NAMED = (
    "On 2 June 2020, Ukrainian forces fired mortars at the positions of the Luhansk People's"
    " Militia near Svatove, Luhansk."
)
UNNAMED = "On 3 June 2020, monitors recorded 14 explosions near Svatove, Luhansk."


def test_unnamed_fire_takes_the_side_the_collection_names_at_that_place(gaz: Gazetteer) -> None:
    alone = _coded(gaz, [UNNAMED])["d0"]
    assert alone and alone[0].actor1.startswith("Unidentified Armed Group")
    events = _coded(gaz, [UNNAMED, NAMED])
    named, unnamed = events["d1"][0], events["d0"][0]
    assert (named.actor1, named.actor2) == (ARMY, REBELS)
    assert unnamed.actor1 == ARMY and "collection" in unnamed.notes
    few = _coded(gaz, [UNNAMED, NAMED], others=[])  # two documents are no collection
    assert few["d0"][0].actor1.startswith("Unidentified Armed Group")


def test_a_side_named_at_another_place_or_a_planted_bomb_stays_unidentified(
    gaz: Gazetteer,
) -> None:
    elsewhere = "On 3 June 2020, monitors recorded 14 explosions near Sievierodonetsk, Luhansk."
    bomb = "On 3 June 2020, a roadside bomb planted by unknown men exploded near Svatove, Luhansk."
    events = _coded(gaz, [elsewhere, bomb, NAMED])
    assert events["d0"][0].actor1.startswith("Unidentified Armed Group")
    assert events["d1"][0].actor1.startswith("Unidentified Armed Group")


def test_a_place_the_sides_share_has_no_side(gaz: Gazetteer) -> None:
    other = (
        "On 1 June 2020, the Luhansk People's Militia fired artillery at Ukrainian forces near"
        " Svatove, Luhansk."
    )
    events = _coded(gaz, [UNNAMED, NAMED, other])
    assert events["d2"][0].actor1 == REBELS
    assert events["d0"][0].actor1.startswith("Unidentified Armed Group")


def test_fire_the_text_says_no_one_knows_the_source_of_stays_unidentified(
    gaz: Gazetteer,
) -> None:
    # "by an unknown party": the text names the initiator as no one; "unknown weapons" does not
    unknown = "On 3 June 2020, shelling by an unknown party hit homes near Svatove, Luhansk."
    weapons = (
        "On 3 June 2020, monitors recorded 9 explosions of unknown weapons near Svatove, Luhansk."
    )
    inconnus = "Le 3 juin 2020, des tirs d'inconnus ont visé des maisons près de Svatove, Louhansk."
    events = _coded(gaz, [unknown, weapons, inconnus, NAMED])
    assert events["d0"][0].actor1.startswith("Unidentified Armed Group")
    assert events["d1"][0].actor1 == ARMY
    assert events["d2"] and events["d2"][0].actor1.startswith("Unidentified Armed Group")
