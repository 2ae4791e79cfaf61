"""A wire dateline: "MAIDUGURI, Nigeria, May 3 (Reuters) -", "OUAGADOUGOU, 3 avril 2024 (AFP) -".

The date a dateline prints is the day the story was filed: the reference the text's relative
dates ("on Thursday", "hier") are told from, never the day of the incident. `find(text,
published)` returns where the dateline's date is (so the code stage does not read it as an
incident's date) and the day it names.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from eventdesk.timex import find_dates
from eventdesk.timex.pubdate import resolve_mention

# the agency in brackets a dispatch's head names before its dash: "(AFP) -", "(AP) —"
AGENCY = r"\([A-Z][\w .-]{0,20}\)"
# a line that opens with a place ("CITY" or "City, Country"), a comma, a date, maybe the agency,
# then a dash: the head of a dispatch
_HEAD = re.compile(
    r"^[^\S\n]*(?P<place>[A-ZÀ-Ý][\w'’. -]{1,40}(?:,[^\S\n]*[A-ZÀ-Ý][\w'’. -]{1,30}){0,2}),"
    rf"[^\S\n]*(?P<date>[^\n()]{{3,40}}?)[^\S\n]*(?:{AGENCY}[^\S\n]*)?[-–—][^\S\n]",
    re.MULTILINE,
)
LINES = 3  # a dateline opens one of the first lines (a headline may come before it)


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int  # the date's span in the text
    end: int
    day: dt.date | None  # the day it names, None when it cannot be placed in time


def find(text: str, published: dt.date | None) -> Dateline | None:
    """The dateline of a text, if one of its first lines opens with one."""
    limit = _line_end(text, LINES)
    for m in _HEAD.finditer(text, 0, limit):
        mentions = find_dates(m.group("date"))
        if len(mentions) != 1 or mentions[0].text.strip() != m.group("date").strip():
            continue
        mention = mentions[0]
        if mention.month is None:  # "CITY, Thursday -": a weekday alone is no filing date
            continue
        day: dt.date | None
        if mention.year is not None and mention.day is not None:
            day = dt.date(mention.year, mention.month, mention.day)
        else:
            day = resolve_mention(mention, published + dt.timedelta(days=1)) if published else None
        return Dateline(m.start("date"), m.end("date"), day)
    return None


def head_end(text: str) -> int:
    """Where the lines a dateline may open end."""
    return _line_end(text, LINES)


def _line_end(text: str, lines: int) -> int:
    end = -1
    for _ in range(lines):
        end = text.find("\n", end + 1)
        if end < 0:
            return len(text)
    return end
