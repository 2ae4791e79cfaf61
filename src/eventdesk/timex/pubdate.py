"""When was an article published? Read from its text alone, when nothing else says.

`infer_published(text)` tries, in order:

1. DATELINE (precision day): a full date (day, month, year) right after a publication cue
   ("Publié le", "Posted", "نشر في": data/timex/pubcues.tsv) that starts a line or follows a
   separator; the first such date wins. Failing that, a full date in one of the first three
   non-empty lines, if it starts the line or follows a short place or label ("BAGDAD, 3 août
   2021 (AFP) -") and the text states no later full date or month (else it is a stale caption
   or a quoted date, not the article's own).
2. INFERRED (precision week): an article appears on or after the latest incident it tells.
   The candidates are the full dates and the day+month mentions placed in the years from the
   latest year the text states (Ymax) to Ymax+2, no earlier than any full date or stated month.
   A candidate is dropped when a "weekday + day + month" mention ("lundi 21 septembre") falls on
   another weekday once resolved; among the rest, the one that makes the story read newest
   first (fewest order inversions) wins; on a tie, the one whose yearless dates reach least far
   back (news leaves out the year of recent dates), then the earliest. No year stated: no guess,
   unless the caller gives the processing day and the text ties weekdays to days: then the most
   recent year they fit, no later than that day (`_by_calendar`).

It reads no clock (the processing day is an argument) and returns None rather than guess
without evidence. `resolve_mention` places a
mention in time given a publication date, for the stages that date events.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from eventdesk.records import DateMethod, DatePrecision
from eventdesk.timex.lexicon import form_pattern, pubcues
from eventdesk.timex.mentions import DateMention, MentionKind, find_dates

DATELINE_LINES = 3  # a dateline sits in the first non-empty lines ...
DATELINE_PREFIX = 40  # ... at the start of a line or after a place ("BAGDAD, 3 août 2021 (AFP) -")
CUE_GAP = 30  # at most this many characters between a cue and its date
YEARS_AHEAD = 2  # the publication year is Ymax .. Ymax + YEARS_AHEAD


_LINE = re.compile(r"[^\n]*\S[^\n]*")


@dataclass(frozen=True, slots=True)
class PublishedGuess:
    """A publication date read from the text, with the words that gave it."""

    date: str  # YYYY-MM-DD
    precision: DatePrecision
    method: DateMethod
    evidence: str


def infer_published(text: str, today: dt.date | None = None) -> PublishedGuess | None:
    """The publication date `text` gives or implies, or None when it gives no year at all.

    With `today` (the processing day, passed in: no clock is read here), a text that states no
    year but ties weekdays to days ("lundi 4 mars") is placed in the most recent year those
    weekdays fit, not after `today` and not before any year the text names ("fin 2023")."""
    mentions = find_dates(text)
    return (
        _after_cue(text, mentions)
        or _at_top(text, mentions)
        or _inferred(mentions)
        or (_by_calendar(text, mentions, today) if today is not None else None)
    )


def resolve_mention(m: DateMention, published: dt.date) -> dt.date | None:
    """The date `m` means in an article published on `published`: a full date is itself, a
    month+year its first day, a day+month its last occurrence on or before `published`, a
    bare weekday the last such weekday on or before `published`."""
    if m.month is None:
        if m.weekday is None:
            return None
        return published - dt.timedelta(days=(published.weekday() - m.weekday) % 7)
    if m.year is not None:
        return dt.date(m.year, m.month, m.day or 1)
    if m.day is None:
        return None
    return _last_on_or_before(m.month, m.day, published)


def _last_on_or_before(month: int, day: int, limit: dt.date) -> dt.date | None:
    for year in range(limit.year, limit.year - 9, -1):  # 29 February: back to a leap year
        if year >= dt.MINYEAR and day <= calendar.monthrange(year, month)[1]:
            found = dt.date(year, month, day)
            if found <= limit:
                return found
    return None


# -- 1. DATELINE -------------------------------------------------------------------------------


@cache
def _cue_regex() -> re.Pattern[str]:
    return re.compile(
        rf"(?:^|[|•·–—\-,:(])[ \t\u00a0]*(?P<cue>{form_pattern(pubcues())})(?!\w)",
        re.IGNORECASE | re.MULTILINE,
    )


def _after_cue(text: str, mentions: list[DateMention]) -> PublishedGuess | None:
    full = [m for m in mentions if m.kind is MentionKind.FULL]
    if not full:
        return None
    starts = [m.start for m in full]
    for cue in _cue_regex().finditer(text):
        i = bisect.bisect_left(starts, cue.end("cue"))
        if i == len(full):
            break
        gap = text[cue.end("cue") : full[i].start]
        if len(gap) <= CUE_GAP and not re.search(r"[.!?]|\n\s*\n", gap):
            evidence = text[cue.start("cue") : full[i].end]
            return _guess(_day_of(full[i]), DatePrecision.DAY, DateMethod.DATELINE, evidence)
    return None


def _at_top(text: str, mentions: list[DateMention]) -> PublishedGuess | None:
    floor = _floor(mentions)
    for line in itertools.islice(_LINE.finditer(text), DATELINE_LINES):
        for m in mentions:
            if m.kind is not MentionKind.FULL or not line.start() <= m.start < line.end():
                continue
            if _dateline_shaped(line[0], m.start - line.start()) and _day_of(m) >= floor:
                return _guess(_day_of(m), DatePrecision.DAY, DateMethod.DATELINE, m.text)
    return None


def _dateline_shaped(line: str, column: int) -> bool:
    """The date starts its line ("3 août 2021 à 10h45", "Tuesday, August 3, 2021") or follows a
    short place or label ("BAGDAD, 3 août 2021 (AFP) -"): not a date inside a sentence."""
    # "Ouagadougou, le 5 juin 2023", "Kano, on March 3, 2024": the article before the date
    prefix = _DATE_ARTICLE.sub("", line[:column].strip()).rstrip()
    return not prefix or (len(prefix) <= DATELINE_PREFIX and prefix[-1] in ",-–—:|")


_DATE_ARTICLE = re.compile(r"(?<=,)\s*(?:le|du|on)$", re.I)  # after a place's comma only


# -- 2. INFERRED -------------------------------------------------------------------------------


def _inferred(mentions: list[DateMention]) -> PublishedGuess | None:
    years = [m.year for m in mentions if m.year is not None]
    if not years:
        return None
    told = [m for m in mentions if m.kind is not MentionKind.WEEKDAY]
    candidates = _candidates(told, max(years), _floor(told))
    story = _Story(told)
    best: tuple[int, int, dt.date] | None = None
    for published in candidates:
        score = story.score(published)
        if score is not None and (best is None or (*score, published) < best):
            best = (*score, published)
    if best is None:
        return None
    published = best[-1]
    anchor = candidates[published]
    published = _later_weekdays(published, anchor, mentions)
    return _guess(published, DatePrecision.WEEK, DateMethod.INFERRED, anchor.text)


WEEK = 7


def _later_weekdays(day: dt.date, anchor: DateMention, mentions: list[DateMention]) -> dt.date:
    """The story goes on after its latest dated incident with bare weekdays ("mardi 5 mars ...
    Mercredi, ... Ce jeudi"): it was published on or after the next such days, within the week.
    Only when no dated mention follows the anchor: a story told in order to its end."""
    if any(m.start > anchor.start and m.kind is not MentionKind.WEEKDAY for m in mentions):
        return day
    start = day
    for m in mentions:
        if m.kind is MentionKind.WEEKDAY and m.start > anchor.start and m.weekday is not None:
            ahead = (m.weekday - day.weekday()) % WEEK
            if ahead and (day - start).days + ahead < WEEK:
                day += dt.timedelta(days=ahead)
    return day


CALENDAR_YEARS = 28  # the calendar repeats its weekdays every 28 years at most
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")


def _by_calendar(text: str, mentions: list[DateMention], today: dt.date) -> PublishedGuess | None:
    """No year stated: the most recent year in which every "weekday + day + month" falls on its
    weekday (the story then read as in `_inferred`), no later than `today`, no earlier than a
    year the text names."""
    told = [m for m in mentions if m.kind is MentionKind.DAY_MONTH]
    if not any(m.weekday is not None for m in told):
        return None
    named = [int(y) for y in _YEAR.findall(text) if int(y) <= today.year]
    floor = max(named, default=today.year - CALENDAR_YEARS)
    story = _Story(told)
    tied = [m for m in told if m.weekday is not None]
    for year in range(today.year, floor - 1, -1):
        days = [_in_year(m, year) for m in tied]
        if any(d is None or d.weekday() != m.weekday for d, m in zip(days, tied, strict=True)):
            continue  # the weekdays fall on other days that year
        latest_tied = max(d for d in days if d is not None)
        best: tuple[int, int, dt.date] | None = None
        for m in told:
            published = _in_year(m, year)
            if published is None or published > today or published < latest_tied:
                continue
            score = story.score(published)
            if score is not None and (best is None or (*score, published) < best):
                best = (*score, published)
        if best is not None:
            evidence = ", ".join(m.text for m in told if m.weekday is not None)
            anchor = next(m for m in told if _in_year(m, year) == best[-1])
            day = _later_weekdays(best[-1], anchor, mentions)
            return _guess(day, DatePrecision.WEEK, DateMethod.INFERRED, evidence)
    return None


def count_inversions(mentions: list[DateMention], published: dt.date) -> int | None:
    """How often the story goes forward in time when read as published on `published` (news
    tells the newest first): the pairs of dated mentions i < j in text order where i's date is
    wholly before j's. None when a "weekday + day + month" mention falls on another weekday."""
    score = _Story([m for m in mentions if m.kind is not MentionKind.WEEKDAY]).score(published)
    return None if score is None else score[0]


def _candidates(told: list[DateMention], ymax: int, floor: dt.date) -> dict[dt.date, DateMention]:
    """Each possible publication date -> the first mention that names it."""
    found: dict[dt.date, DateMention] = {}
    for m in told:
        dates: list[dt.date | None]
        if m.kind is MentionKind.FULL:
            dates = [_day_of(m)]
        elif m.kind is MentionKind.DAY_MONTH:
            dates = [_in_year(m, y) for y in range(ymax, ymax + YEARS_AHEAD + 1)]
        else:
            continue
        for day in dates:
            if day is not None and day >= floor:
                found.setdefault(day, m)
    return found


class _MonthDay(NamedTuple):
    month: int
    day: int


class _Story:
    """The dated mentions in text order, ready to be read from many publication dates. A
    mention with a year has fixed days; a yearless one is a (month, day) to resolve."""

    def __init__(self, told: list[DateMention]) -> None:
        self.parts: list[tuple[dt.date, dt.date] | _MonthDay] = []
        self.checks: set[tuple[_MonthDay, int]] = set()  # a weekday stated with a day and month
        for m in told:
            if m.year is not None:
                self.parts.append(_fixed_span(m))
                continue
            assert m.month is not None and m.day is not None
            key = _MonthDay(m.month, m.day)
            self.parts.append(key)
            if m.weekday is not None:
                self.checks.add((key, m.weekday))
        self.keys = {part for part in self.parts if isinstance(part, _MonthDay)}

    def score(self, published: dt.date) -> tuple[int, int] | None:
        """(order inversions, days back to the oldest yearless date) when read as published on
        `published`, or None when a stated weekday contradicts it."""
        resolved = {key: _last_on_or_before(key.month, key.day, published) for key in self.keys}
        for key, weekday in self.checks:
            when = resolved[key]
            if when is None or when.weekday() != weekday:
                return None
        days = [when for when in resolved.values() if when is not None]
        if len(days) < len(resolved):
            return None
        reach = (published - min(days)).days if days else 0
        inversions = 0
        ends: list[dt.date] = []  # the last day each mention told so far can mean, sorted
        for part in self.parts:
            first, last = part if not isinstance(part, _MonthDay) else (resolved[part],) * 2
            assert first is not None and last is not None
            inversions += bisect.bisect_left(ends, first)
            bisect.insort(ends, last)
        return inversions, reach


def _fixed_span(m: DateMention) -> tuple[dt.date, dt.date]:
    """The days a mention with a year may mean: one day, or a whole month ("janvier 2020")."""
    first = _day_of(m)
    if m.day is not None:
        return first, first
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _floor(mentions: list[DateMention]) -> dt.date:
    """The earliest possible publication date: every full date and stated month has begun."""
    days = [_day_of(m) for m in mentions if m.year is not None and m.month is not None]
    return max(days, default=dt.date.min)


def _day_of(m: DateMention) -> dt.date:
    assert m.year is not None and m.month is not None
    return dt.date(m.year, m.month, m.day or 1)


def _in_year(m: DateMention, year: int) -> dt.date | None:
    assert m.month is not None and m.day is not None
    if m.day > calendar.monthrange(year, m.month)[1]:
        return None
    return dt.date(year, m.month, m.day)


def _guess(
    day: dt.date, precision: DatePrecision, method: DateMethod, evidence: str
) -> PublishedGuess:
    return PublishedGuess(day.isoformat(), precision, method, evidence)
