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


UNDATED = -2  # When.start of a date given to a text that has none

# Days counted from the day the text told last, not from the publication: "two days
# earlier", "the next day", "la veille", "le lendemain", "trois jours plus tard".
_COUNT = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7,
}  # fmt: skip
_N_DAYS = r"(a|one|two|three|four|five|six|seven|un|deux|trois|quatre|cinq|sept|[1-7])"
_ALONE = r"(?=\s*[,.;]|\s*$)"  # "the day before." and not "the day before the vote"
_ANCHORED: list[tuple[re.Pattern[str], int]] = [
    (re.compile(r"\bl['’]avant-veille\b", re.I), -2),
    (re.compile(r"\ble surlendemain\b", re.I), 2),
    (re.compile(rf"\b(?:the (?:day|night|evening) before{_ALONE}|the (?:previous|preceding)"
                r" (?:day|night|evening)|la veille(?! d[eu'’ ]))\b", re.I), -1),
    (re.compile(rf"\b(?:the (?:next|following) (?:day|morning|evening|night)|the day after"
                rf"{_ALONE}|le lendemain(?! d[eu'’ ]))\b", re.I), 1),
]  # fmt: skip
_COUNTED = [  # the count, then the direction
    re.compile(rf"\b{_N_DAYS} days? (earlier|later|before{_ALONE}|after{_ALONE})\b", re.I),
    re.compile(rf"\b{_N_DAYS} jours? (plus tôt|auparavant|plus tard)\b", re.I),
]  # fmt: skip
_BACK = {"earlier", "before", "plus tôt", "auparavant"}


@dataclass(frozen=True, slots=True)
class When:
    date: dt.date
    precision: TimePrecision
    start: int  # span of the words that gave it, in the sentence (-1 when inherited)
    end: int
    # days after the day the text told last ("two days earlier": -2); the date is then only a
    # guess from the publication's, until `anchor` counts from that day
    shift: int | None = None


_NO_GUESS = dt.date(1, 1, 1)  # an anchored date's guess in a text with no publication date


def anchor(when: When, last: When | None) -> When | None:
    """A date told as days from another ("the next day") counted from `last`, the day the text
    told last; unchanged when it is no such date or there is no day to count from, and None
    when it has no guess to fall back on either (a text without publication date)."""
    if when.shift is None:
        return when
    if last is None or last.start == UNDATED:
        return None if when.date == _NO_GUESS else when
    date = last.date + dt.timedelta(days=when.shift)
    return When(date, last.precision, when.start, when.end, when.shift)


_OPENING = 4  # words before a date that still open the sentence ("Late on Sunday, ...")


def opens(sentence: str) -> bool:
    """Whether the sentence opens with a day of its own: "On Sunday, ...", "Two days earlier,
    ...", "Le 4 août, ...", "La veille, ..."."""
    starts = [m.start for m in find_dates(sentence)] + [m.start() for m, _ in _shifts(sentence)]
    starts += [r.start() for rx, _, _ in _RELATIVE for r in rx.finditer(sentence)]
    return any(len(sentence[:s].split()) <= _OPENING for s in starts)


def _shifts(sentence: str) -> list[tuple[re.Match[str], int]]:
    out = [(m, days) for rx, days in _ANCHORED for m in rx.finditer(sentence)]
    for rx in _COUNTED:
        for m in rx.finditer(sentence):
            n = m.group(1).casefold()
            count = int(n) if n.isdigit() else _COUNT[n]
            out.append((m, -count if m.group(2).casefold() in _BACK else count))
    return out


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
    for r, days in _shifts(sentence):  # counted from the day told before (see `anchor`)
        if not any(w.start <= r.start() < w.end for w in out):
            guess = published + dt.timedelta(days=days) if published else _NO_GUESS
            out.append(When(guess, TimePrecision.DAY, r.start(), r.end(), days))
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
