"""A wire story's lead and what follows it: the day the story was told is not the incident's,
the doers said again give the day the lead left out, and a sentence that points back to the
incident ("confirmed the abduction", "this attack") tells no other one (sentences written for
the tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventdesk.code import code_document
from eventdesk.geo import Gazetteer
from eventdesk.records import Document

pytestmark = pytest.mark.slow

LEAD = (
    "Gunmen kidnapped 12 farmers in a raid on a village near Kaura Namoda, police said on Tuesday."
)


def _events(text: str) -> list[tuple[str, str | None]]:
    doc = Document(id="t", text=text, clean=text, offsets=((0, 0, len(text)),),
                   content_hash="t", published="2024-03-06", language="en")  # fmt: skip
    coded = code_document(doc, Gazetteer.open(), dt.date(2024, 3, 7))
    return [(str(e.event_date), e.location) for e in coded.events]


def test_the_doers_said_again_give_the_lead_its_day() -> None:
    text = LEAD + "\n\nThe attackers arrived late on Sunday and went from house to house, firing."
    assert _events(text) == [("2024-03-03", "Kaura Namoda")]


def test_the_day_it_was_told_is_not_the_incident_s() -> None:
    # no day of its own: the lead's incident is dated as of the story, not of the police's words
    assert _events(LEAD) == [("2024-03-06", "Kaura Namoda")]


@pytest.mark.parametrize(
    "after",
    [
        "A police spokesman in Gusau confirmed the abduction and said a rescue team was sent.",
        "This raid was the third in the area this month, a police spokesman in Gusau said.",
    ],
)
def test_a_sentence_that_points_back_tells_no_other_incident(after: str) -> None:
    assert _events(LEAD + "\n\n" + after) == [("2024-03-06", "Kaura Namoda")]


def test_a_dated_attack_told_before_its_place_takes_the_place_its_paragraph_gives() -> None:
    text = (
        "On 4 March 2024, police beat traders who refused to close their stalls. "
        "The traders sell fruit in Kano city."
    )
    assert _events(text) == [("2024-03-04", "Kano")]


def test_a_month_in_background_gives_no_day_of_its_own() -> None:
    text = "The army has attacked its critics since July 2023. Its headquarters stand in Niamey."
    assert _events(text) == []


def _coded(text: str):  # type: ignore[no-untyped-def]
    doc = Document(id="t", text=text, clean=text, offsets=((0, 0, len(text)),),
                   content_hash="t", published="2024-03-06", language="en")  # fmt: skip
    return code_document(doc, Gazetteer.open(), dt.date(2024, 3, 7)).events


def test_the_forces_of_an_operation_told_before_initiate_what_it_met() -> None:
    text = (
        "On 4 March 2024, in Niteroi, Rio de Janeiro, the Military Police launched a raid on a "
        "hillside community. Gunfire broke out and one suspect was killed."
    )
    events = _coded(text)
    assert [(e.location, e.actor1) for e in events] == [
        ("Niteroi", "Military Forces of Brazil (2023-) Military Police")
    ]
    # a sentence that tells no operation lends no doer
    calm = text.replace("launched a raid on", "were seen in")
    assert [e.actor1 for e in _coded(calm)] == ["Unidentified Armed Group (Brazil)"]


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("On 4 March 2024, some 50 nurses held a rally in Gomel in solidarity with the doctors' "
         "protest in Grodno.", "en", "Homyel"),
        ("Le 4 mars 2024, des étudiants ont manifesté à Sfax en solidarité avec la manifestation "
         "des mineurs à Gafsa.", "fr", "Sfax"),
    ],
)  # fmt: skip
def test_a_protest_in_solidarity_with_another_tells_only_its_own(
    text: str, lang: str, place: str
) -> None:
    doc = Document(id="t", text=text, clean=text, offsets=((0, 0, len(text)),),
                   content_hash="t", published="2024-03-06", language=lang)  # fmt: skip
    events = code_document(doc, Gazetteer.open(), dt.date(2024, 3, 7)).events
    assert [e.location for e in events] == [place]


def test_a_protest_going_on_since_a_day_is_the_one_told() -> None:
    text = (
        "On 4 March 2024, about 40 bus drivers protested outside their depot in Sfax city, "
        "demanding unpaid wages. The drivers have staged daily sit-ins since last week."
    )
    assert [(str(e.event_date), e.location) for e in _coded(text)] == [("2024-03-04", "Sfax")]


def test_an_incident_dated_by_a_month_long_past_is_history() -> None:
    text = (
        "On 4 March 2024, students protested in Sfax city for a jailed poet. The poet was "
        "detained after reading at a rally in Tunis in September 2023."
    )
    assert [(str(e.event_date), e.location) for e in _coded(text)] == [("2024-03-04", "Sfax")]
