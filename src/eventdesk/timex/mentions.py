"""Finding the dates a text states: "le mardi 3 août 2021", "March 08, 2019", "5 آب 2021",
"2021-08-03", "03/08/2021", "Le 5 août", "May 9", "1er mars", "en janvier 2020", "jeudi".

`find_dates(text)` returns one `DateMention` per date, in text order, with the parts the text
gives (day, month, year, weekday) and nothing inferred. It assigns no publication date and
reads no clock; `timex.pubdate` places the yearless mentions in time.

Rules worth knowing:
- Case- and accent-insensitive ("AOUT", "aout"); Arabic-Indic digits (٠-٩, ۰-۹) count as digits.
- English "May", "March" and "Mar" are read as months only when capitalised or next to a year,
  so "they may 9" is no date; a bare month with neither day nor year is never a mention.
- Numeric dates are day/month/year (the French and Arabic order) unless the second number
  cannot be a month and the first can ("08/23/2021" is August 23); years are 1900..2099.
- A day the month does not have ("31 février", "29 February 2021") is no date.
"""

from __future__ import annotations

import calendar
import enum
import re
from dataclasses import dataclass
from functools import cache

from eventdesk.timex.lexicon import fold, form_pattern, initials, months, weekdays

MIN_YEAR = 1900
MAX_YEAR = 2099
_AMBIGUOUS_EN = frozenset({"may", "march", "mar"})  # English words that are also verbs or nouns

_D = "[0-9\u0660-\u0669\u06f0-\u06f9]"  # ASCII, Arabic-Indic and extended Arabic-Indic digits


class MentionKind(enum.StrEnum):
    FULL = "full"  # day, month and year
    DAY_MONTH = "day_month"  # a day and a month, no year
    MONTH_YEAR = "month_year"  # a month and a year, no day
    WEEKDAY = "weekday"  # a weekday alone ("jeudi", "on Tuesday")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date as the text states it; `text` is `source[start:end]`."""

    start: int
    end: int
    text: str
    day: int | None
    month: int | None
    year: int | None
    weekday: int | None  # 0 = Monday .. 6 = Sunday

    @property
    def kind(self) -> MentionKind:
        if self.month is None:
            return MentionKind.WEEKDAY
        if self.day is None:
            return MentionKind.MONTH_YEAR
        return MentionKind.FULL if self.year is not None else MentionKind.DAY_MONTH


class _Miss(enum.Enum):
    RETRY = "retry"  # the words are no date here ("they may 9"): look again from the next word
    INVALID = "invalid"  # a date with an impossible day, month or year: skip all of it


def _pattern() -> re.Pattern[str]:
    month = form_pattern(months())
    weekday = form_pattern(weekdays())
    first = _D[1:-1] + initials(months()) + initials(weekdays())

    def mon(name: str) -> str:  # a month name, maybe followed by its other name: "آب/أغسطس"
        alt = rf"(?:\s*[/(]\s*{month}\.?(?!\w)(?:\s*\))?)?"
        return rf"(?P<{name}>(?P<{name}n>{month})\.?(?!\w){alt})"

    def day(name: str) -> str:
        return rf"(?P<{name}>(?P<{name}v>{_D}{{1,2}})(?!{_D})(?:er|st|nd|rd|th)?)(?!\w)"

    def year(name: str) -> str:
        return rf"(?P<{name}>{_D}{{4}})(?!{_D})"

    sep = r"(?:\s*[,،]\s*|\s+)"
    # The look-ahead on the first letter lets the engine skip most positions cheaply.
    return re.compile(
        rf"""(?=[{first}])\b(?:
            (?:(?P<wd>{weekday})(?!\w){sep}(?:(?:le|the)\s+)?)?
            (?:
                {day("d1")}(?:\s+of)?\s+{mon("m1")}(?:\s+{year("y1")})?
              | {mon("m2")}\s+(?:the\s+)?{day("d2")}(?:{sep}{year("y2")})?
            )
          | {mon("m3")}\s+{year("y3")}
          | {year("iy")}(?P<isep>[-/.]){_D}{{1,2}}(?P=isep){_D}{{1,2}}(?!{_D})
          | {_D}{{1,2}}(?P<nsep>[-/.]){_D}{{1,2}}(?P=nsep){year("ny")}
          | (?P<wd0>{weekday})(?!\w)
        )""",
        re.IGNORECASE | re.VERBOSE,
    )


@cache
def _regex() -> re.Pattern[str]:
    return _pattern()


def find_dates(text: str) -> list[DateMention]:
    """Every date `text` states, in text order (see the module docstring for what counts)."""
    regex = _regex()
    found: list[DateMention] = []
    pos = 0
    while (match := regex.search(text, pos)) is not None:
        read = _read(match)
        if isinstance(read, DateMention):
            found.append(read)
            pos = read.end
            continue
        if match.group("wd"):  # "mardi 31 février": the weekday still stands
            found.append(_weekday_only(match, "wd"))
        pos = match.end() if read is _Miss.INVALID else match.start() + 1
    return found


def _read(match: re.Match[str]) -> DateMention | _Miss:
    if match.group("wd0"):
        return _weekday_only(match, "wd0")
    if match.group("iy"):
        return _numeric(match, order="ymd")
    if match.group("ny"):
        return _numeric(match, order="dmy")
    if match.group("m3"):
        return _month_year(match)
    return _day_month(match, "1" if match.group("m1") else "2")


def _weekday_only(match: re.Match[str], name: str) -> DateMention:
    start, end = match.span(name)
    return DateMention(start, end, match.string[start:end], None, None, None, _weekday(match[name]))


def _numeric(match: re.Match[str], order: str) -> DateMention | _Miss:
    parts = [int(p) for p in re.split(r"[-/.]", match[0])]
    if order == "ymd":
        year, month, day = parts
    else:
        day, month, year = parts
        if month > 12 and day <= 12:  # 08/23/2021: only month/day/year makes sense
            day, month = month, day
    return _make(match.start(), match.end(), match.string, day, month, year, None)


def _month_year(match: re.Match[str]) -> DateMention | _Miss:
    number = _month(match["m3n"])
    return _make(match.start(), match.end(), match.string, None, number, int(match["y3"]), None)


def _day_month(match: re.Match[str], name: str) -> DateMention | _Miss:
    month_text = match[f"m{name}n"]
    word = months().get(fold(month_text))
    if word is None:
        return _Miss.RETRY
    end = max(match.end(f"d{name}"), match.end(f"m{name}"))
    year = None
    if match.group(f"y{name}"):
        year = int(match[f"y{name}"])
        if MIN_YEAR <= year <= MAX_YEAR:
            end = match.end()
        else:  # "le 5 mai 3000 personnes": a day and a month, the number is no year
            year = None
    if year is None and _ambiguous(month_text):
        return _Miss.RETRY
    if name == "2" and year is None and "en" not in word.langs:
        return _Miss.RETRY  # "en mars 12 personnes": only English puts the day after the month
    weekday = _weekday(match["wd"]) if match.group("wd") else None
    day = int(match[f"d{name}v"])
    return _make(match.start(), end, match.string, day, word.number, year, weekday)


def _make(
    start: int,
    end: int,
    source: str,
    day: int | None,
    month: int | None,
    year: int | None,
    weekday: int | None,
) -> DateMention | _Miss:
    if month is None or not 1 <= month <= 12:
        return _Miss.INVALID
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        return _Miss.INVALID
    if day is not None and not 1 <= day <= days_in_month(month, year):
        return _Miss.INVALID
    return DateMention(start, end, source[start:end], day, month, year, weekday)


def days_in_month(month: int, year: int | None) -> int:
    """The days `month` has in `year`; a yearless February has 29."""
    return calendar.monthrange(year if year is not None else 2000, month)[1]


def _ambiguous(month_text: str) -> bool:
    return fold(month_text) in _AMBIGUOUS_EN and not month_text[:1].isupper()


def _month(text: str) -> int | None:
    word = months().get(fold(text))
    return word.number if word else None


def _weekday(text: str) -> int | None:
    word = weekdays().get(fold(text))
    return word.number if word else None
