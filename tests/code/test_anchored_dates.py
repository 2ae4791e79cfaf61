"""Days told from the day told before ("two days earlier", "le lendemain"), not from the
publication's."""

import datetime as dt

import pytest

from eventdesk.code.dates import anchor, in_sentence
from tests.code.coding import events


@pytest.mark.parametrize(
    ("sentence", "shift"),
    [
        ("Two days earlier, a mine hit a lorry near the river.", -2),
        ("The day before, rebels raided a market.", -1),
        ("A day later, troops shelled the hills.", 1),
        ("Three days later, a second blast shook the port.", 3),
        ("La veille, un engin explosif avait frappé un convoi.", -1),
        ("Le lendemain, l'armée a bombardé les collines.", 1),
        ("Deux jours plus tôt, des hommes armés avaient pillé un marché.", -2),
        ("L'avant-veille, des tirs avaient visé la base.", -2),
    ],
)
def test_days_counted_from_another_day(sentence: str, shift: int) -> None:
    [when] = in_sentence(sentence, dt.date(2024, 3, 6), False)
    assert when.shift == shift
    last = in_sentence("on Sunday", dt.date(2024, 3, 6), False)[0]  # 3 March
    assert anchor(when, last).date == dt.date(2024, 3, 3) + dt.timedelta(days=shift)


@pytest.mark.parametrize(
    "sentence",
    [
        "On the eve of the vote, the day before the election, crowds gathered.",
        "À la veille des élections, la foule s'est rassemblée.",
        "Le lendemain de l'attaque, la foule s'est rassemblée.",
        "It came two days after the riots at the prison.",
    ],
)
def test_a_day_told_from_a_named_event_is_not_counted_from_the_last(sentence: str) -> None:
    assert all(w.shift is None for w in in_sentence(sentence, dt.date(2024, 3, 6), False))


def test_an_incident_two_days_earlier_is_its_own_on_its_own_day() -> None:
    found = events(
        "On Sunday, gunmen shot dead four herders in Fada N'gourma, a local official said. "
        "Two days earlier, a roadside bomb struck a bus near Djibo, wounding nine passengers.",
        "en",
    )
    days = {e.location: e.event_date for e in found}
    assert days == {"Fada Ngourma": "2024-03-03", "Djibo": "2024-03-01"}


def test_la_veille_in_french() -> None:
    found = events(
        "Lundi, des hommes armés ont tué trois commerçants à Djibo. La veille, un engin "
        "explosif avait visé un camion de l'armée près de Kaya.",
        "fr",
    )
    days = {e.location: e.event_date for e in found}
    assert days == {"Djibo": "2024-03-04", "Kaya": "2024-03-03"}


def test_the_next_day_with_no_place_tells_more_of_the_same_incident() -> None:
    found = events(
        "On Monday, gunmen seized a trader in Kaya, Burkina Faso. The next day his body was found.",
        "en",
    )
    assert [(e.location, e.event_date) for e in found] == [("Kaya", "2024-03-04")]


def test_a_day_a_recalled_deed_was_told_dates_no_incident() -> None:
    found = events(
        "On Monday, the army retook Kaya, Burkina Faso, after losing it to rebels the day before.",
        "en",
    )
    assert [e.event_date for e in found] == ["2024-03-04"]
