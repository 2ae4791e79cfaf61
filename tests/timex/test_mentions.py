"""find_dates: the dates a text states, with the parts it gives and nothing inferred."""

from __future__ import annotations

import time
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventdesk.timex import DateMention, MentionKind, find_dates
from eventdesk.timex.lexicon import fold, months, weekdays


def parts(text: str) -> list[tuple[str, int | None, int | None, int | None, int | None]]:
    return [(m.text, m.day, m.month, m.year, m.weekday) for m in find_dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # full dates
        ("Il est mort le 3 août 2021 à Ali Al Salem.", [("3 août 2021", 3, 8, 2021, None)]),
        ("Décès survenu le mardi 3 août 2021.", [("mardi 3 août 2021", 3, 8, 2021, 1)]),
        ("seen on March 08, 2019 in Washington", [("March 08, 2019", 8, 3, 2019, None)]),
        ("signed on 8 March 2019, then", [("8 March 2019", 8, 3, 2019, None)]),
        ("Tuesday, August 3, 2021", [("Tuesday, August 3, 2021", 3, 8, 2021, 1)]),
        ("the 2nd of June 2020", [("2nd of June 2020", 2, 6, 2020, None)]),
        ("le 12 janv. 2020 au soir", [("12 janv. 2020", 12, 1, 2020, None)]),
        ("on 3 Aug. 2021", [("3 Aug. 2021", 3, 8, 2021, None)]),
        ("ISO 2021-08-03T10:00", [("2021-08-03", 3, 8, 2021, None)]),
        ("daté du 03/08/2021", [("03/08/2021", 3, 8, 2021, None)]),
        ("daté du 03.08.2021", [("03.08.2021", 3, 8, 2021, None)]),
        ("US style 08/23/2021", [("08/23/2021", 23, 8, 2021, None)]),
        ("في 5 آب 2021 قصف", [("5 آب 2021", 5, 8, 2021, None)]),
        ("في ٥ آب ٢٠٢١ قصف", [("٥ آب ٢٠٢١", 5, 8, 2021, None)]),
        ("في 5 آب/أغسطس 2021 قصف", [("5 آب/أغسطس 2021", 5, 8, 2021, None)]),
        ("يوم 15 تشرين الاول 2020", [("15 تشرين الاول 2020", 15, 10, 2020, None)]),
        ("في 3 يوليه 2019", [("3 يوليه 2019", 3, 7, 2019, None)]),
        # day + month
        ("Le 5 août, deux convois", [("5 août", 5, 8, None, None)]),
        ("le 5 AOUT et le 6 aout", [("5 AOUT", 5, 8, None, None), ("6 aout", 6, 8, None, None)]),
        ("lundi 21 septembre tard", [("lundi 21 septembre", 21, 9, None, 0)]),
        ("killed on 9 May near", [("9 May", 9, 5, None, None)]),
        ("on May 9 the army", [("May 9", 9, 5, None, None)]),
        ("on May 9th the army", [("May 9th", 9, 5, None, None)]),
        ("le 1er mars", [("1er mars", 1, 3, None, None)]),
        ("on the 1st May", [("1st May", 1, 5, None, None)]),
        ("Sept 9 attack", [("Sept 9", 9, 9, None, None)]),
        ("le 29 février", [("29 février", 29, 2, None, None)]),
        ("الثلاثاء، 3 آب", [("الثلاثاء، 3 آب", 3, 8, None, 1)]),
        ("يوم الإثنين 21 أيلول", [("الإثنين 21 أيلول", 21, 9, None, 0)]),
        # month + year
        ("en janvier 2020, le Parlement", [("janvier 2020", None, 1, 2020, None)]),
        ("in December 2019 the strikes", [("December 2019", None, 12, 2019, None)]),
        ("comme en décembre 2019", [("décembre 2019", None, 12, 2019, None)]),
        ("in may 2019", [("may 2019", None, 5, 2019, None)]),
        # bare weekdays
        ("liquidé au Koweït jeudi lors", [("jeudi", None, None, None, 3)]),
        ("on Tuesday, officials said", [("Tuesday", None, None, None, 1)]),
        ("mardi soir", [("mardi", None, None, None, 1)]),
        ("صلاة الجمعة", [("الجمعة", None, None, None, 4)]),
    ],
)
def test_finds(text: str, expected: list[tuple]) -> None:
    assert parts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "They may 9 times refuse.",  # the modal verb, lowercase, no year
        "the march 3 times longer",
        "May I?",  # a month needs a day or a year next to it
        "en mars, puis en avril",
        "en mars 12 personnes ont été tuées",  # French never puts the day after the month
        "31 février",
        "le 31 février 2021",
        "29 February 2021",  # 2021 is no leap year
        "le 31 avril",
        "45/13/2021",
        "2021-13-01",
        "le 5 mai 3000",  # no year 3000: "5 mai" stays, the number is no year
        "H.R. 1, or the People Act",
        "2 500 soldats",
        "Jean-Claude Vendredis",
    ],
)
def test_rejects(text: str) -> None:
    found = find_dates(text)
    assert all(m.year is None or 1900 <= m.year <= 2099 for m in found)
    if text == "le 5 mai 3000":
        assert parts(text) == [("5 mai", 5, 5, None, None)]
    else:
        assert found == []


def test_a_bad_day_keeps_its_weekday() -> None:
    assert parts("mardi 31 février") == [("mardi", None, None, None, 1)]


def test_leap_day_in_a_leap_year() -> None:
    assert parts("le 29 février 2020") == [("29 février 2020", 29, 2, 2020, None)]


def test_spans_point_into_the_text_in_order() -> None:
    text = (
        "Le 5 août, un convoi. Le 4 août, un autre. Lundi 2 août 2021, rien.\n"
        "Publié le 06/08/2021 — mis à jour en août 2021. وفي 7 آب ٢٠٢١"
    )
    found = find_dates(text)
    assert [m.kind for m in found] == [
        MentionKind.DAY_MONTH,
        MentionKind.DAY_MONTH,
        MentionKind.FULL,
        MentionKind.FULL,
        MentionKind.MONTH_YEAR,
        MentionKind.FULL,
    ]
    for m in found:
        assert text[m.start : m.end] == m.text
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_mentions_are_frozen() -> None:
    m = find_dates("le 3 août 2021")[0]
    assert isinstance(m, DateMention)
    with pytest.raises(AttributeError):
        m.day = 4  # type: ignore[misc]


# -- the word lists ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["months.tsv", "weekdays.tsv", "pubcues.tsv"])
def test_word_lists_are_sorted_unique_and_well_formed(name: str) -> None:
    text = resources.files("eventdesk.data").joinpath("timex", name).read_text("utf-8")
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert rows == sorted(rows), f"{name} is not sorted"
    assert len(rows) == len(set(rows)), f"{name} has duplicate rows"
    width = 2 if name == "pubcues.tsv" else 3
    for row in rows:
        cells = row.split("\t")
        assert len(cells) == width, row
        assert cells[-1] in {"fr", "en", "ar"}, row


@pytest.mark.parametrize(
    ("form", "number"),
    [
        ("janvier", 1),
        ("janv.", 1),
        ("January", 1),
        ("Jan", 1),
        ("Sept", 9),
        ("août", 8),
        ("aout", 8),
        ("كانون الثاني", 1),
        ("شباط", 2),
        ("آذار", 3),
        ("نيسان", 4),
        ("أيار", 5),
        ("حزيران", 6),
        ("تموز", 7),
        ("آب", 8),
        ("أيلول", 9),
        ("تشرين الأول", 10),
        ("تشرين الثاني", 11),
        ("كانون الأول", 12),
        ("يناير", 1),
        ("فبراير", 2),
        ("مارس", 3),
        ("أبريل", 4),
        ("ابريل", 4),
        ("مايو", 5),
        ("يونيو", 6),
        ("يونيه", 6),
        ("يوليو", 7),
        ("يوليه", 7),
        ("أغسطس", 8),
        ("سبتمبر", 9),
        ("أكتوبر", 10),
        ("نوفمبر", 11),
        ("ديسمبر", 12),
    ],
)
def test_months_know(form: str, number: int) -> None:
    assert months()[fold(form)].number == number


@pytest.mark.parametrize(
    ("form", "number"),
    [("lundi", 0), ("Monday", 0), ("الاثنين", 0), ("الإثنين", 0), ("dimanche", 6), ("Sunday", 6)],
)
def test_weekdays_know(form: str, number: int) -> None:
    assert weekdays()[fold(form)].number == number


def test_every_month_and_weekday_in_every_language() -> None:
    for lang in ("fr", "en", "ar"):
        assert {w.number for w in months().values() if lang in w.langs} == set(range(1, 13))
        assert {w.number for w in weekdays().values() if lang in w.langs} == set(range(7))


# -- robustness and speed ----------------------------------------------------------------------

_DATEY = st.sampled_from(
    ["le", "5", "31", "1er", "août", "aout", "May", "may", "2021", "٢٠٢١", "آب", "/", "-", ".",
     "mardi", "Tuesday", "الثلاثاء", "،", ",", "\n", " ", "29", "février", "(", ")", "of", "0"]
)  # fmt: skip


@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    for m in find_dates(text):
        assert text[m.start : m.end] == m.text


@settings(max_examples=300)
@given(st.lists(_DATEY, max_size=30).map(" ".join) | st.lists(_DATEY, max_size=30).map("".join))
def test_never_raises_on_date_like_text(text: str) -> None:
    found = find_dates(text)
    ends = [0]
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.start >= ends[-1], "mentions overlap or go backwards"
        ends.append(m.end)
        assert m.month is None or 1 <= m.month <= 12
        assert m.weekday is None or 0 <= m.weekday <= 6
        assert m.day is None or 1 <= m.day <= 31


def test_fast_on_a_long_article() -> None:
    paragraph = (
        "Le 5 août, deux convois logistiques ont été attaqués dans la province de Babylone, "
        "a-t-on appris mardi soir. Le Parlement avait voté en janvier 2020 une loi exigeant le "
        "départ des troupes étrangères; la sergente est morte le 3 août 2021 à la base. "
    )
    text = (paragraph * (5000 // len(paragraph) + 1))[:5000]
    find_dates(text)  # compile the patterns once
    best = min(_timed(find_dates, text) for _ in range(5))
    assert best < 0.005, f"find_dates took {best * 1000:.2f} ms on 5,000 characters"


def _timed(function, text: str) -> float:
    start = time.perf_counter()
    function(text)
    return time.perf_counter() - start
