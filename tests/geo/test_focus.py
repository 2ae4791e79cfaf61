"""A collection's focus: names its text leaves in doubt resolved where the collection's sure
places are. Sentences and places chosen for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from eventdesk import pipeline
from eventdesk.geo import Gazetteer, focus
from eventdesk.geo.focus import MIN_DOCS, Learner, Prior, unsure
from eventdesk.records import Document

pytestmark = pytest.mark.slow

# towns of Donetsk oblast with one name in the gazetteer's Ukraine, then a village name
# Ukraine has in many oblasts (its most populous namesake lies in Kharkiv oblast)
SURE = ["Kramatorsk", "Bakhmut", "Druzhkivka", "Volnovakha", "Myrnohrad"]
DOUBT = "Shelling was reported near Andriivka."


def test_the_learner_counts_each_document_once_and_needs_enough_of_them(gaz: Gazetteer) -> None:
    learner = Learner()
    for _ in range(MIN_DOCS - 1):
        learner.add(gaz.find_places("Shelling hit Kramatorsk and Kramatorsk again."))
    assert learner.prior() is None  # too few documents to say where the collection is
    learner.add(gaz.find_places("Shelling hit Kramatorsk."))
    prior = learner.prior()
    assert prior is not None and learner.admin1["UA-14"] == MIN_DOCS
    assert prior.weight("UKR", "UA-14") > prior.weight("UKR", "UA-63") > 0.0
    assert prior.weight("IRQ", None) == 0.0


def test_a_doubtful_name_is_resolved_in_the_collection_s_province(gaz: Gazetteer) -> None:
    alone = gaz.find_places(DOUBT)
    assert alone and alone[0].place.admin1_code != "UA-14" and unsure(alone)
    prior = Prior({"UA-14": 2.0}, {"UKR": 1.0})
    placed = gaz.find_places(DOUBT, focus=prior)
    assert placed[0].place.admin1_code == "UA-14"
    # the text's own word still wins over the collection's
    told = gaz.find_places("Shelling was reported near Andriivka, Kharkiv oblast.", focus=prior)
    assert told[0].place.admin1_code == "UA-63"


def _doc(n: int, text: str) -> Document:
    return Document(
        id=f"d{n}", text=text, clean=text, offsets=((0, 0, len(text)),), content_hash=f"h{n}",
        published="2024-03-05", language="en",
    )  # fmt: skip


def test_a_collection_codes_its_doubtful_documents_last_with_its_focus(
    gaz: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = [_doc(0, "On 4 March 2024, " + DOUBT)]
    docs += [
        _doc(n + 1, f"On 4 March 2024, shelling was reported in {SURE[n % len(SURE)]}.")
        for n in range(MIN_DOCS + 5)
    ]
    today = dt.date(2024, 3, 6)
    coded = list(pipeline.code_collection(docs, gaz, today))
    order = [d.id for d, _ in coded]
    # held back (with the documents that only their towns' names place) until the others
    # were read, then coded with their focus
    assert order.index("d0") > 0
    assert len(coded) == len(docs)
    event = coded[order.index("d0")][1].events[0]
    assert (event.country_iso3, event.admin1_code) == ("UKR", "UA-14")
    # with no room to wait, a doubtful document is coded at once with the focus so far
    monkeypatch.setattr(pipeline, "MAX_DEFERRED", 0)
    coded = list(pipeline.code_collection(docs, gaz, today))
    assert [d.id for d, _ in coded] == [d.id for d in docs]
    assert coded[0][1].events[0].admin1_code != "UA-14"


def test_an_event_whose_province_was_a_toss_up_is_less_sure() -> None:
    from eventdesk.code.events import _confidence

    sure = _confidence(0.8, 1, False, 2, 1, place_sure=1.0)
    doubtful = _confidence(0.8, 1, False, 2, 1, place_sure=0.3)
    assert doubtful < sure


def test_a_regional_collection_is_a_stranger_to_countries_its_texts_do_not_vouch_for(
    gaz: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = Learner()
    for n in range(MIN_DOCS + 10):
        small.add(gaz.find_places(f"Shelling hit {['Aleppo', 'Homs', 'Mosul'][n % 3]}."))
    assert small.prior() is not None and not small.prior().regional  # too few to know
    monkeypatch.setattr(focus, "STRANGER_DOCS", MIN_DOCS)
    learner = Learner()
    for n in range(MIN_DOCS + 10):  # a desk's notes from one region, its cities sure
        learner.add(gaz.find_places(f"Shelling hit {['Aleppo', 'Homs', 'Mosul'][n % 3]}."))
    # a village abroad named once, with nothing else in the text to say its country
    learner.add(gaz.find_places("Shelling hit Foix."))
    prior = learner.prior()
    assert prior is not None and prior.regional
    assert learner.vouched["SYR"] > 0 and "FRA" not in learner.vouched
    assert prior.stranger("FRA") and not prior.stranger("SYR") and not prior.stranger("IRQ")
    # documents from the whole world: no country is a stranger
    world = Learner()
    for n in range(2 * len(WORLD)):
        world.add(gaz.find_places(f"Shelling hit {WORLD[n % len(WORLD)]}."))
    spread = world.prior()
    assert spread is not None and not spread.regional and not spread.stranger("FRA")


# cities in twenty countries: no ten of them hold 85% of the documents
WORLD = ["Lagos", "Lima", "Manila", "Karachi", "Kabul", "Bogota", "Nairobi", "Dhaka", "Quito",
         "Hanoi", "Accra", "Tunis", "Caracas", "Khartoum", "Kinshasa", "Luanda", "Harare",
         "Yangon", "Kathmandu", "Tashkent"]  # fmt: skip


def test_a_collection_recodes_a_village_abroad_with_its_focus(
    gaz: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(focus, "STRANGER_DOCS", MIN_DOCS)
    docs = [
        _doc(n + 1, f"On 4 March 2024, shelling hit {['Aleppo', 'Homs', 'Hama'][n % 3]}.")
        for n in range(MIN_DOCS + 5)
    ]
    text = "On 4 March 2024, shelling hit Foix."  # a village of Ariège, in a collection from Syria
    today = dt.date(2024, 3, 6)
    alone = list(pipeline.code_collection([_doc(0, text)], gaz, today))
    assert [e.country_iso3 for e in alone[0][1].events] == ["FRA"]
    by_id = {d.id: c for d, c in pipeline.code_collection([*docs, _doc(0, text)], gaz, today)}
    assert by_id["d0"].events == []  # the village the text means is not in the gazetteer
    # the text that says its country keeps it
    said = _doc(0, "On 4 March 2024, shelling hit Foix, France.")
    by_id = {d.id: c for d, c in pipeline.code_collection([*docs, said], gaz, today)}
    assert [e.country_iso3 for e in by_id["d0"].events] == ["FRA"]


def test_a_generic_phrase_its_collection_uses_of_one_country_names_that_country() -> None:
    learner = Learner()
    gaz = Gazetteer.open()
    for n in range(focus.PHRASE_DOCS + 5):
        town = ["Aleppo", "Homs", "Hama"][n % 3]
        learner.add(gaz.find_places(f"Shelling hit {town}."), ["regime forces", "gunmen"])
        learner.add(gaz.find_places("Shelling hit Mosul."), ["gunmen"])
    prior = learner.prior()
    assert prior is not None and prior.phrases == {"regime forces": "SYR"}  # gunmen: anywhere
    assert focus.phrase_key("The regime  forces") == "regime forces"


def _after_a_syrian_desk(gaz: Gazetteer, text: str) -> list[str]:
    """The countries of the events of `text`, coded last in a collection of notes that say
    "regime forces" of Syria's army."""
    towns = ["Aleppo", "Homs", "Hama", "Idlib"]
    docs = [
        _doc(n, f"On 4 March 2024, regime forces shelled {towns[n % 4]} city.")
        for n in range(focus.PHRASE_DOCS + 5)
    ]
    docs.append(_doc(99, text))
    coded = dict(pipeline.code_collection(docs, gaz, dt.date(2024, 3, 6)))
    last = next(c for d, c in coded.items() if d.id == "d99")
    return [e.country_iso3 for e in last.events]


def test_a_village_abroad_named_with_a_phrase_the_collection_uses_at_home_is_no_place(
    gaz: Gazetteer,
) -> None:
    # a village only France has a name for, with nothing else to say its country
    text = "On 4 March 2024, regime forces shelled Karnak village."
    assert "FRA" not in _after_a_syrian_desk(gaz, text)
    alone = pipeline.code_collection([_doc(99, text)], gaz, dt.date(2024, 3, 6))
    assert [e.country_iso3 for _, c in alone for e in c.events] == ["FRA"]  # no collection


def test_a_world_city_named_by_another_of_its_names_is_placed_by_the_collection(
    gaz: Gazetteer,
) -> None:
    # "Saigon" is another name of Ho Chi Minh City: no reason to keep it abroad here
    assert "VNM" not in _after_a_syrian_desk(gaz, "On 4 March 2024, regime forces shelled Saigon.")


def test_the_focus_weighs_a_province_as_it_weighs_a_small_town_of_its_name(
    gaz: Gazetteer,
) -> None:
    # Kebbi is a Nigerian state, and a small town of Sokoto state bears its name: a Nigerian
    # collection's focus is no reason to take the town
    text = "Gunmen attacked a village in Kebbi."
    prior = Prior({}, {"NGA": 2.0})
    placed = gaz.find_places(text, focus=prior)
    assert [(p.place.feature, p.place.admin1_code) for p in placed] == [("admin1", "NG-KE")]
    # a province stays behind its own seat of the same name ("Gombe": the town)
    seat = gaz.find_places("Bandits raided a market in Gombe.", focus=prior)
    assert [(p.place.feature, p.place.admin1_code) for p in seat] == [("city", "NG-GO")]
