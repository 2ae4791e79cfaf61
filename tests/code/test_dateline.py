"""A wire dateline's date is the day the story was filed: relative dates are told from it and no
incident is dated by it."""

from __future__ import annotations

import datetime as dt

from eventdesk.code import code_document, dateline
from eventdesk.records import Document


def _doc(text: str, published: str, language: str = "en") -> Document:
    return Document(
        id="d", text=text, clean=text, offsets=((0, 0, len(text)),), content_hash="h",
        published=published, language=language,
    )  # fmt: skip


def test_datelines_are_found_with_their_day() -> None:
    found = dateline.find("KANO, Nigeria, May 3 (Reuters) - Gunmen ...", dt.date(2024, 5, 3))
    assert found is not None and found.day == dt.date(2024, 5, 3)
    found = dateline.find("Titre\nNIAMEY, 3 avril 2024 (AFP) - Des ...", None)
    assert found is not None and found.day == dt.date(2024, 4, 3)


def test_a_sentence_opening_with_a_date_is_no_dateline() -> None:
    assert dateline.find("On 3 May - a quiet day - nothing happened.", dt.date(2024, 5, 3)) is None
    assert dateline.find("Le 5 août - rien.", dt.date(2024, 8, 6)) is None


def test_the_weekday_is_resolved_against_the_dateline_not_coded_as_its_day() -> None:
    from eventdesk.geo import Gazetteer

    text = (
        "ABUJA, Nigeria, May 3 (Reuters) - Gunmen on motorbikes shot dead six farmers in Misau "
        "in Bauchi state on Thursday, a police spokesman said."
    )
    # published a day late (a reprint's metadata): the dateline still gives the reference day
    events = code_document(_doc(text, "2024-05-04"), Gazetteer.open()).events
    assert [e.event_date for e in events] == ["2024-05-02"]


def test_a_claim_of_the_incident_told_is_no_incident_of_its_own() -> None:
    from eventdesk.geo import Gazetteer

    text = (
        "A suicide bomber blew himself up at a cattle market in Potiskum in Yobe state on "
        "Thursday, killing nine people, police said. Islamic State West Africa Province claimed "
        "the bombing on Friday."
    )
    events = code_document(_doc(text, "2024-05-04"), Gazetteer.open()).events
    assert [(e.event_date, e.sub_event_type.value) for e in events] == [
        ("2024-05-02", "Suicide bomb")
    ]
    assert events[0].claimed_by is not None


def test_a_quote_on_the_lead_incident_is_that_incident_not_one_of_the_day_of_publication() -> None:
    from eventdesk.geo import Gazetteer

    text = (
        "Neuf gendarmes ont été tués mardi lors d'une embuscade contre leur convoi près "
        "d'Arbinda, ont indiqué mercredi des sources locales.\n"
        "« Les assaillants étaient très nombreux », a déclaré un habitant."
    )
    events = code_document(_doc(text, "2024-04-03", "fr"), Gazetteer.open()).events
    assert [e.event_date for e in events] == ["2024-04-02"]
