"""The clutter rules, read once from the data files in eventdesk/data/clean/."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Rules:
    teasers: tuple[str, ...]
    share: frozenset[str]
    captions: tuple[re.Pattern[str], ...]
    sources: tuple[re.Pattern[str], ...]


def _rows(name: str) -> list[str]:
    text = resources.files("eventdesk.data").joinpath("clean", name).read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t")[0].strip())
    return rows


@cache
def load_rules() -> Rules:
    return Rules(
        teasers=tuple(sorted({t.casefold() for t in _rows("teasers.tsv")}, key=len, reverse=True)),
        share=frozenset(s.casefold() for s in _rows("share.tsv")),
        captions=tuple(re.compile(r, re.IGNORECASE) for r in _rows("captions.tsv")),
        sources=tuple(re.compile(r, re.IGNORECASE) for r in _rows("source.tsv")),
    )
