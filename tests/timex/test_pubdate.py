"""infer_published: the publication date an article's text gives (dateline) or implies."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventdesk.records import DateMethod, DatePrecision
from eventdesk.timex import PublishedGuess, find_dates, infer_published, resolve_mention
from eventdesk.timex.pubdate import count_inversions

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

# A stale English caption near the top, a full date with its weekday retold, then a run of
# yearless dates told newest first.
KUWAIT = """Actualités

Koweït : un militaire américain meurt sur une base

Photo d'illustration : a convoy crosses the border on March 08, 2019 near Safwan. (archives)

Un sous-officier de l'armée américaine est mort le 3 août 2021 sur une base du nord du Koweït, \
selon un communiqué publié jeudi par le Pentagone.
« Il a perdu la vie le mardi 3 août au cours d'un exercice », précise le texte.

Les attaques contre la logistique se multiplient. Le 5 août, un convoi de camions a été visé \
près de Nassiriya. Le 4 août, une charge a explosé au passage d'un autre convoi à Hilla.
Le 30 juillet, deux camions ont brûlé près de Diwaniya, et le 29 juillet, trois convois ont \
été touchés dans le sud du pays.
"""

# A yearless caption, yearless incidents (one with its weekday), then background with years.
CONVOYS = """Irak

Nouvelle attaque contre la logistique américaine

Un camion de ravitaillement a été incendié le 18 janvier sur l'autoroute du sud. (Photo d'archives)

Selon des sources locales, l'explosion a eu lieu en fin de matinée près de Samawa.

Le 20 décembre, un autre convoi avait été visé à la sortie de Nassiriya. Une première attaque de \
ce type avait eu lieu lundi 21 septembre dans la province de Salaheddine.

Le Parlement avait voté en janvier 2020 une résolution demandant le départ des troupes \
étrangères, quelques semaines après les frappes de décembre 2019.
"""


def guess(date: str, precision: DatePrecision, method: DateMethod, evidence: str) -> PublishedGuess:
    return PublishedGuess(date, precision, method, evidence)


# -- INFERRED ----------------------------------------------------------------------------------


def test_latest_incident_told_newest_first() -> None:
    assert infer_published(KUWAIT) == guess(
        "2021-08-05", DatePrecision.WEEK, DateMethod.INFERRED, "5 août"
    )


def test_weekday_and_order_place_yearless_dates() -> None:
    assert infer_published(CONVOYS) == guess(
        "2021-01-18", DatePrecision.WEEK, DateMethod.INFERRED, "18 janvier"
    )


def test_candidates_that_lose() -> None:
    mentions = find_dates(CONVOYS)
    chosen = count_inversions(mentions, dt.date(2021, 1, 18))
    assert chosen == 0  # 18 Jan 2021, 20 Dec 2020, 21 Sep 2020, Jan 2020, Dec 2019
    # 2020-09-21 was a Monday, so this candidate passes the weekday check, but reads the story
    # out of order: 18 Jan 2020 and 20 Dec 2019 are told before 21 Sep 2020.
    monday = count_inversions(mentions, dt.date(2020, 9, 21))
    assert monday is not None and monday > chosen
    assert count_inversions(mentions, dt.date(2020, 12, 20)) not in (None, 0)
    # From 2022-01-18, "lundi 21 septembre" would be 2021-09-21, a Tuesday.
    assert count_inversions(mentions, dt.date(2022, 1, 18)) is None
    # From 2020-01-18, it would be 2019-09-21, a Saturday.
    assert count_inversions(mentions, dt.date(2020, 1, 18)) is None


def test_a_contradicted_weekday_rules_a_year_out() -> None:
    # 21 September was a Monday in 2020, a Tuesday in 2021.
    text = (
        "Le 25 septembre, une roquette. Lundi 21 septembre, une autre. En mars 2020, le couvre-feu."
    )
    found = infer_published(text)
    assert found is not None and found.date == "2020-09-25"
    found = infer_published(text.replace("Lundi", "Mardi"))
    assert found is not None and found.date == "2021-09-25"
    found = infer_published(text.replace("Lundi", "Dimanche"))
    assert found is None  # no year from 2020 to 2022 has a Sunday 21 September


def test_ties_go_to_the_most_recent_reading() -> None:
    # Read from 2021-08-03, "Le 5 août" and "Le 4 août" would be a year old, and the story would
    # read as much out of order; yearless dates in news are recent ones, so 2021-08-05 wins.
    mentions = find_dates(KUWAIT)
    assert count_inversions(mentions, dt.date(2021, 8, 3)) == count_inversions(
        mentions, dt.date(2021, 8, 5)
    )
    found = infer_published(KUWAIT)
    assert found is not None and found.date == "2021-08-05"


def test_no_year_no_guess() -> None:
    assert infer_published("Le 5 août, un convoi. Le 4 août, un autre. Jeudi, rien.") is None
    assert infer_published("") is None
    assert infer_published("Aucune date ici.") is None


def test_a_full_date_alone_is_a_candidate() -> None:
    text = "Des combats ont éclaté à Deir ez-Zor.\nSelon l'OSDH, ils ont fait 12 morts.\n\n" + (
        "Le bilan a été publié après les affrontements du 14 mars 2022 dans la région."
    )
    assert infer_published(text) == guess(
        "2022-03-14", DatePrecision.WEEK, DateMethod.INFERRED, "14 mars 2022"
    )


def test_publication_is_not_before_a_stated_month() -> None:
    text = "Titre\n\nLe 3 mai, une attaque.\n\nUn accord avait été signé en juin 2020."
    found = infer_published(text)
    assert found is not None and found.date == "2021-05-03"


# -- DATELINE ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "evidence"),
    [
        (
            "Irak: une attaque\n\nLe 5 août, un convoi.\n\nPublié le 06/08/2021 à 10h05\n",
            "2021-08-06",
            "Publié le 06/08/2021",
        ),
        (
            "Iraq attack\nBy A. Reporter | Posted on Tuesday, August 3, 2021\nOn Monday, a convoy...",
            "2021-08-03",
            "Posted on Tuesday, August 3, 2021",
        ),
        (
            "هجوم على رتل\nنشر في 5 آب/أغسطس 2021\nاستهدف رتل يوم الأربعاء...",
            "2021-08-05",
            "نشر في 5 آب/أغسطس 2021",
        ),
        ("Updated: 4 May 2021\n\nOn 2 May, ...", "2021-05-04", "Updated: 4 May 2021"),
    ],
)
def test_dateline_after_a_cue(text: str, date: str, evidence: str) -> None:
    assert infer_published(text) == guess(date, DatePrecision.DAY, DateMethod.DATELINE, evidence)


def test_the_first_cue_wins_over_related_articles() -> None:
    text = (
        "Titre\nMis à jour le 12 février 2021\n\nLe 10 février, une attaque.\n\n"
        "Lire aussi\nPublié le 3 mars 2019\n"
    )
    found = infer_published(text)
    assert found is not None and (found.date, found.method) == ("2021-02-12", DateMethod.DATELINE)


def test_a_cue_in_a_sentence_is_no_dateline() -> None:
    text = (
        "Titre\n\nLe 10 février, une attaque.\n\nDes soldats postés sur la base, la vidéo "
        "published on 3 March 2019 by a channel was deleted."
    )
    found = infer_published(text)
    assert found is not None and found.method is DateMethod.INFERRED


@pytest.mark.parametrize(
    "line",
    ["03/08/2021", "Mardi 3 août 2021 - 10:45", "BAGDAD, 3 août 2021 (AFP) - Un convoi logistique "
     "de la coalition a été visé par une bombe artisanale au sud de la capitale irakienne.",
     "Bagdad, le 3 août 2021", "BAGHDAD, on August 3, 2021 - A convoy was hit."],
)  # fmt: skip
def test_dateline_at_the_top(line: str) -> None:
    text = f"Irak\n{line}\nLe 2 août, un autre convoi avait été visé.\n"
    found = infer_published(text)
    assert found is not None and found.evidence in line
    assert found == guess("2021-08-03", DatePrecision.DAY, DateMethod.DATELINE, found.evidence)


def test_a_date_in_a_lede_sentence_is_no_dateline() -> None:
    text = (
        "Irak\n\nLe 3 août 2021, des hommes armés ont attaqué un convoi logistique de la coalition "
        "près de Nassiriya, a indiqué une source sécuritaire."
    )
    found = infer_published(text)
    assert found is not None and found.method is DateMethod.INFERRED


def test_a_stale_date_at_the_top_is_no_dateline() -> None:
    # The caption line is short and at the top, but the text tells a later full date.
    text = "Photo: March 08, 2019\n\nLe soldat est mort le 3 août 2021 au Koweït."
    assert infer_published(text) == guess(
        "2021-08-03", DatePrecision.WEEK, DateMethod.INFERRED, "3 août 2021"
    )


# -- resolve_mention ---------------------------------------------------------------------------


def one(text: str):
    (m,) = find_dates(text)
    return m


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("le 5 août", dt.date(2021, 8, 5), dt.date(2021, 8, 5)),
        ("le 5 août", dt.date(2021, 8, 4), dt.date(2020, 8, 5)),
        ("le 20 décembre", dt.date(2021, 1, 18), dt.date(2020, 12, 20)),
        ("le 29 février", dt.date(2023, 3, 1), dt.date(2020, 2, 29)),
        ("le 3 août 2021", dt.date(2019, 1, 1), dt.date(2021, 8, 3)),
        ("en janvier 2020", dt.date(2021, 1, 18), dt.date(2020, 1, 1)),
        ("jeudi", dt.date(2021, 8, 5), dt.date(2021, 8, 5)),  # a Thursday
        ("mercredi", dt.date(2021, 8, 5), dt.date(2021, 8, 4)),
        ("vendredi", dt.date(2021, 8, 5), dt.date(2021, 7, 30)),
    ],
)
def test_resolve_mention(text: str, published: dt.date, expected: dt.date) -> None:
    assert resolve_mention(one(text), published) == expected


# -- seeds and robustness ----------------------------------------------------------------------


@pytest.mark.shared
@pytest.mark.parametrize(("prefix", "date"), [("000", "2021-08-05"), ("001", "2021-01-18")])
def test_seed_documents(prefix: str, date: str) -> None:
    if not SEEDS.is_dir():
        pytest.skip(
            f"needs {SEEDS} (the project's shared/ folder beside the repository); not present"
        )
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    found = infer_published(path.read_text("utf-8"))
    assert found is not None and found.date == date, found


_DATEY = st.sampled_from(
    ["Le", "5", "31", "1er", "août", "juillet", "May", "2021", "2019", "٢٠٢٠", "آب", "/", "-",
     "mardi", "lundi", "Tuesday", "الثلاثاء", "Publié le", "نشر في", ",", "\n", " ", "29",
     "février", "janvier", "décembre", "en", "(", "BAGDAD,"]
)  # fmt: skip


@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    infer_published(text)


@settings(max_examples=300)
@given(st.lists(_DATEY, max_size=40).map(" ".join))
def test_never_raises_on_date_like_text(text: str) -> None:
    found = infer_published(text)
    if found is not None:
        assert dt.date.fromisoformat(found.date)
        assert found.evidence in text


def test_no_year_stated_weekdays_place_it_in_the_latest_year_they_fit() -> None:
    text = "Lundi 4 mars, des manifestants ont bloqué la route. Mardi 5 mars, la police est intervenue."
    guess = infer_published(text, dt.date(2026, 11, 30))
    assert guess is not None and guess.date == "2024-03-05"  # 4 March 2024 is a Monday
    assert guess.precision == DatePrecision.WEEK and guess.method == DateMethod.INFERRED
    assert infer_published(text) is None  # without the processing day: no guess


def test_no_year_stated_a_named_year_is_a_floor_and_today_a_ceiling() -> None:
    text = "On Sunday, Jan. 14, hundreds rallied. The dispute dates from late 2023."
    assert infer_published(text, dt.date(2026, 11, 30)).date == "2024-01-14"  # type: ignore[union-attr]
    # the only fitting year before 2018 is 2007: the named year 2018 excludes it
    assert (
        infer_published("Sunday, Jan. 14: protests. Since 2018 ...", dt.date(2018, 1, 10)) is None
    )


def test_a_story_that_ends_with_bare_weekdays_was_published_after_them() -> None:
    text = (
        "Lundi 4 mars, des jeunes ont manifesté. Mardi 5 mars, la police a dispersé une marche. "
        "Mercredi, trente personnes ont été interpellées. Ce jeudi, la ville était calme."
    )
    guess = infer_published(text, dt.date(2026, 11, 30))
    assert guess is not None and guess.date == "2024-03-07"


def test_bare_weekdays_before_a_later_dated_mention_do_not_move_the_date() -> None:
    text = "Mardi 5 mars, une marche a été dispersée. Mercredi, le calme est revenu. Le 4 mars, des jeunes avaient manifesté."
    guess = infer_published(text, dt.date(2026, 11, 30))
    assert guess is not None and guess.date == "2024-03-05"
