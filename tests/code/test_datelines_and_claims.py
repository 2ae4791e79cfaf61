import pytest

from eventdesk.code import _DATELINE, _DATELINE_HEAD, _denied_claim
from eventdesk.code.lexicon import load


def _dateline(text: str, place: str) -> bool:
    i = text.index(place)
    return bool(_DATELINE_HEAD.match(text[:i]) and _DATELINE.match(text, i + len(place)))


@pytest.mark.parametrize(
    ("text", "place", "expected"),
    [
        ("LAGOS, Nigeria, March 3, 2024 (Reuters) — Gunmen attacked", "LAGOS", True),
        ("ROME/TUNIS, May 2, 2024 — The coast guard", "TUNIS", True),
        ("ROME/TUNIS, May 2, 2024 — The coast guard", "ROME", True),
        ("Niamey (AFP) - Des soldats ont été tués", "Niamey", True),
        ("Mopti, 4 avril 2024 - Une embuscade", "Mopti", True),
        ("In Mopti, 4 soldiers died", "Mopti", False),
        ("Mopti, the regional capital, was calm", "Mopti", False),
    ],
)
def test_a_filing_place_is_not_an_incident_place(text: str, place: str, expected: bool) -> None:
    assert _dateline(text, place) is expected


@pytest.mark.parametrize(
    ("lang", "sentence", "denied"),
    [
        ("fr", "L'embuscade n'a pas été revendiquée, mais les soupçons visent le groupe.", True),
        ("en", "No group has claimed responsibility, though the raid bore its hallmarks.", True),
        ("en", "The group claimed responsibility for the raid on Telegram.", False),
        ("fr", "Le groupe a revendiqué l'embuscade dans un communiqué.", False),
        (
            "fr",
            "Aucune organisation n'a jusqu'à présent revendiqué cette embuscade meurtrière.",
            True,
        ),
        ("en", "No armed group active in the area has so far claimed the ambush.", True),
    ],
)
def test_a_denied_claim_names_no_claimant(lang: str, sentence: str, denied: bool) -> None:
    assert _denied_claim(sentence, load(lang)) is denied


@pytest.mark.parametrize(
    ("before", "bearing"),
    [
        ("Gunmen struck Gwoza, about 40 kilometres south of the state capital ", True),
        ("Les assaillants ont visé Kaya, à 20 km au nord de ", True),
        ("Rockets fell on the base, 30 km (20 miles) west of ", True),
        ("Gunmen struck a market in ", False),
    ],
)
def test_a_bearing_names_a_reference_place(before: str, bearing: bool) -> None:
    from eventdesk.code.assemble import _BEARING

    assert bool(_BEARING.search(before)) is bearing


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # a day makes "repeatedly" and "so far" words of one incident
        ("Jets struck farms near Saraqib repeatedly on Saturday.", 1),
        ("Relatives of the men arrested so far marched in Saraqib on 3 March.", 1),
        # without one, or beside other words of a general statement, the sentence tells none
        ("Jets have repeatedly struck farms near Saraqib.", 0),
        ("Attacks near Saraqib have multiplied and jets struck repeatedly on Saturday.", 0),
    ],
)
def test_a_day_makes_a_repeated_strike_one_incident(text: str, events: int) -> None:
    import datetime as dt

    from eventdesk.code import code_document
    from eventdesk.geo import Gazetteer
    from eventdesk.records import Document

    doc = Document(id="t", text=text, clean=text, offsets=((0, 0, len(text)),),
                   content_hash="t", published="2024-03-05", language="en")  # fmt: skip
    assert len(code_document(doc, Gazetteer.open(), dt.date(2024, 3, 6)).events) == events
