"""The day an incident happened, from the date words of its sentence and the publication date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from eventdesk.records import TimePrecision
from eventdesk.timex import find_dates
from eventdesk.timex.mentions import DateMention
from eventdesk.timex.pubdate import resolve_mention

_RELATIVE = [
    (re.compile(r"\b(?:avant-hier|the day before yesterday)\b", re.I), -2, TimePrecision.DAY),
    (re.compile(r"\b(?:hier|yesterday|last night|hier soir)\b", re.I), -1, TimePrecision.DAY),
    (re.compile(r"\b(?:aujourd'hui|today|this morning|tonight|ce matin|ce soir|cet après-midi|this afternoon|cette nuit)\b", re.I), 0, TimePrecision.DAY),
    (re.compile(r"\b(?:la semaine (?:dernière|passée)|last week)\b", re.I), -7, TimePrecision.WEEK),
]  # fmt: skip


_WEEKEND = re.compile(
    r"\b(?:(?:over|at|during|on) the weekend|(?:this|last) weekend|(?:le|ce|du|durant le|pendant le)"
    r" week-end(?: dernier)?)\b",
    re.I,
)
# the days of the publication's week before it: the middle of them, week-precise
_THIS_WEEK = re.compile(
    r"\b(?:earlier this week|en début de semaine|plus tôt cette semaine)\b", re.I
)
_LAST_MONTH = re.compile(
    r"\b(?:last month|the previous month|le mois (?:dernier|passé|précédent))\b", re.I
)
_THIS_MONTH = re.compile(
    r"\b(?:earlier this month|(?:at )?the (?:start|beginning) of"
    r" (?:this|the) month|(?:plus tôt )?ce mois-ci|(?:au )?début (?:du|de ce) mois)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class When:
    date: dt.date
    precision: TimePrecision
    start: int  # span of the words that gave it, in the sentence (-1 when inherited)
    end: int


def base_date(published: str | None) -> dt.date | None:
    """The publication date as a date; a month alone counts as its last day."""
    if not published:
        return None
    try:
        if len(published) == 7:
            y, m = int(published[:4]), int(published[5:7])
            return dt.date(y, m, calendar.monthrange(y, m)[1])
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def in_sentence(sentence: str, published: dt.date | None, uncertain: bool) -> list[When]:
    """Every date the sentence gives, resolved; uncertain wording makes day dates week-precise."""
    out: list[When] = []
    for m in find_dates(sentence):
        when = _resolve(m, published)
        if when is None:
            continue
        precision = (
            TimePrecision.MONTH if m.day is None and m.weekday is None else TimePrecision.DAY
        )
        if uncertain and precision == TimePrecision.DAY:
            precision = TimePrecision.WEEK
        out.append(When(when, precision, m.start, m.end))
    if published is not None:
        for pattern, days, precision in _RELATIVE:
            for r in pattern.finditer(sentence):
                _add_untold(out, r, published + dt.timedelta(days=days), precision)
        monday = published - dt.timedelta(days=published.weekday())
        last = max(monday, published - dt.timedelta(days=1))
        for r in _THIS_WEEK.finditer(sentence):  # the middle of the week's days before
            _add_untold(out, r, monday + (last - monday) // 2, TimePrecision.WEEK)
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
        for r in _WEEKEND.finditer(sentence):  # the last Saturday, week-precise (Sat.-Sun.)
            _add_untold(out, r, saturday, TimePrecision.WEEK)
        if not out:  # "last month": the month before, unless the sentence names a day
            for r in _LAST_MONTH.finditer(sentence):
                month = (published.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
                out.append(When(month, TimePrecision.MONTH, r.start(), r.end()))
            # "earlier this month": this one ("earlier in the month" mostly dates a past
            # deed the sentence recalls)
            for r in _THIS_MONTH.finditer(sentence):
                out.append(When(published.replace(day=1), TimePrecision.MONTH, r.start(), r.end()))
    return sorted(out, key=lambda w: w.start)


def _add_untold(out: list[When], r: re.Match[str], date: dt.date, precision: TimePrecision) -> None:
    """Adds the date words `r` give, unless a date already found covers them."""
    if not any(w.start <= r.start() < w.end for w in out):
        out.append(When(date, precision, r.start(), r.end()))


def _resolve(m: DateMention, published: dt.date | None) -> dt.date | None:
    if m.year is not None and m.month is not None:
        try:
            return dt.date(m.year, m.month, m.day or 1)
        except ValueError:
            return None
    if published is None:
        return None
    return _just_after(m, published) or resolve_mention(m, published)


FUTURE_DAYS = 7  # "from 6-7 May" in a report dated 6 May: the 7th, not a year before


def _just_after(m: DateMention, published: dt.date) -> dt.date | None:
    """A day and month a few days after the reference date: that date (a range's end, or a
    reference date inferred from the text's first date), rather than almost a year earlier."""
    if m.year is not None or m.month is None or m.day is None:
        return None
    for year in (published.year, published.year + 1):
        try:
            candidate = dt.date(year, m.month, m.day)
        except ValueError:
            continue
        if published < candidate <= published + dt.timedelta(days=FUTURE_DAYS):
            return candidate
    return None
