"""Sentences of a cleaned text, as (start, end) spans, without a model.

A sentence ends at . ! ? or their Arabic forms followed by a space and an upper-case letter, a
digit, a quote or an opening bracket, or at a line end (the cleaned text has one paragraph per
line). Abbreviations ("U.S.", "M.", "Gen.", "Lt.", "No.") do not end a sentence.
"""

from __future__ import annotations

import re

_END = re.compile(r"(?<=[.!?؟])[\"'»”)]*\s+(?=[\"'«“(\[]?[A-ZÀ-ÖØ-Þ0-9\u0600-\u06ff])")
_ABBREV = re.compile(
    r"(?:\b(?:[A-Z]|[A-Z]\.[A-Z]|U\.S|U\.N|U\.K|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Pvt|"
    r"Brig|Cmdr|Adm|Gov|Sen|Rep|St|Mt|No|Nos|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"M|MM|Mme|Mgr|Me|av|apr|J\.-C|etc|vs|approx|km|Ft|Fr|Ave|Av|Blvd|Rd|Hwy|Sq|Dist|Prov|Gov|Govt)\.)$"
)


def split(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        end_of_line = pos + len(line)
        for m in _END.finditer(text, pos, end_of_line):
            if _ABBREV.search(text[max(start, m.start() - 12) : m.start()]):
                continue
            _add(spans, text, start, m.start())
            start = m.end()
        _add(spans, text, start, end_of_line)
        pos = end_of_line + 1
    return spans


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
