import datetime as dt

import pytest

from eventdesk.code.assemble import _in_brackets
from eventdesk.code.dates import in_sentence


def test_a_day_just_after_the_reference_date_is_not_a_year_earlier() -> None:
    whens = in_sentence("Clashes went on until 7 May.", dt.date(2020, 5, 6), False)
    assert [w.date for w in whens] == [dt.date(2020, 5, 7)]


def test_a_day_well_after_the_reference_date_is_the_year_before() -> None:
    whens = in_sentence("The attack of 20 May was recalled.", dt.date(2020, 5, 6), False)
    assert [w.date for w in whens] == [dt.date(2019, 5, 20)]


def test_new_year_turn() -> None:
    whens = in_sentence("Fighting resumed on 2 January.", dt.date(2020, 12, 30), False)
    assert [w.date for w in whens] == [dt.date(2021, 1, 2)]


def test_dates_inside_brackets_are_ranges_not_the_coded_day() -> None:
    text = "Around 4 May 2020 (from 3 May to 4 May), two groups clashed."
    assert not _in_brackets(text, text.index("4 May 2020"))
    assert _in_brackets(text, text.index("3 May"))


def test_last_month_is_the_month_before_unless_a_day_is_named() -> None:
    import datetime as dt

    from eventdesk.code.dates import in_sentence
    from eventdesk.records import TimePrecision

    published = dt.date(2024, 3, 6)
    [when] = in_sentence("Last month, nine people were killed in the town.", published, False)
    assert (when.date, when.precision) == (dt.date(2024, 2, 1), TimePrecision.MONTH)
    [when] = in_sentence("Le mois dernier, neuf personnes ont été tuées.", published, False)
    assert (when.date, when.precision) == (dt.date(2024, 2, 1), TimePrecision.MONTH)
    told = in_sentence("A man wanted since last month was shot on Tuesday.", published, False)
    assert [w.precision for w in told] == [TimePrecision.DAY]


def test_earlier_this_month_is_this_month() -> None:
    import datetime as dt

    from eventdesk.code.dates import in_sentence
    from eventdesk.records import TimePrecision

    published = dt.date(2024, 3, 20)
    for sentence in (
        "Earlier this month, rebels overran an army post near the border.",
        "Des rebelles ont pris un poste de l'armée au début du mois.",
        "Plus tôt ce mois-ci, des rebelles ont pris un poste de l'armée.",
    ):
        [when] = in_sentence(sentence, published, False)
        assert (when.date, when.precision) == (dt.date(2024, 3, 1), TimePrecision.MONTH), sentence


@pytest.mark.parametrize(
    ("sentence", "published", "saturday"),
    [
        ("Gunmen raided the village over the weekend.", "2024-03-14", "2024-03-09"),
        ("Des hommes armés ont attaqué le village le week-end dernier.", "2024-03-11", "2024-03-09"),
        ("Rebels shelled the town this weekend.", "2024-03-10", "2024-03-09"),
    ],
)  # fmt: skip
def test_the_weekend_is_its_saturday_week_precise(
    sentence: str, published: str, saturday: str
) -> None:
    import datetime as dt

    from eventdesk.code.dates import in_sentence
    from eventdesk.records import TimePrecision

    [when] = in_sentence(sentence, dt.date.fromisoformat(published), False)
    assert (when.date.isoformat(), when.precision) == (saturday, TimePrecision.WEEK)


def test_earlier_this_week_is_the_middle_of_the_days_before_in_the_same_week() -> None:
    import datetime as dt

    from eventdesk.code.dates import in_sentence
    from eventdesk.records import TimePrecision

    thursday = dt.date(2024, 3, 21)  # Monday 18 to Wednesday 20: the 19th
    for sentence in (
        "Earlier this week, gunmen burned a clinic near the border.",
        "Des hommes armés ont incendié un dispensaire en début de semaine.",
    ):
        [when] = in_sentence(sentence, thursday, False)
        assert (when.date, when.precision) == (dt.date(2024, 3, 19), TimePrecision.WEEK), sentence
    # last week is still the week before
    [when] = in_sentence("Last week, gunmen burned a clinic.", thursday, False)
    assert when.date == dt.date(2024, 3, 14)
