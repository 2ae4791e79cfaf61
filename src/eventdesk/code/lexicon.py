"""The event-coding lexicons of one language, read once from eventdesk/data/code/."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventdesk.errors import ConfigError
from eventdesk.records import SubEventType

LANGUAGES = ("en", "fr")
CUE_KINDS = (
    "negation", "hypothetical", "plan", "noncombat", "general", "claim", "report", "nocasualty",
    "intervention", "excessive", "civilian", "uncertain_date", "background", "anaphora",
    "criminal", "denial",
)  # fmt: skip

NOT_AN_INCIDENT = "@none"  # a phrase that reports no incident though a trigger lies inside it
PLACEHOLDERS = ("@attack", "@killing", "@territory", NOT_AN_INCIDENT)
LABELS = frozenset(PLACEHOLDERS) | {s.value for s in SubEventType}


@dataclass(frozen=True, slots=True)
class Trigger:
    pattern: str
    label: str  # an ACLED sub-event type, or one of PLACEHOLDERS
    weight: float


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    triggers: tuple[Trigger, ...]
    trigger_res: tuple[re.Pattern[str], ...]  # trigger_res[N] matches triggers[N]
    cues: dict[str, re.Pattern[str]]
    numbers: dict[str, int]
    number_re: re.Pattern[str]
    # a note's opening label and the strategic development it names ("Detonation: ...")
    headings: tuple[tuple[re.Pattern[str], SubEventType], ...] = ()


def rows(name: str, ncols: int) -> list[list[str]]:
    path = resources.files("eventdesk.data").joinpath("code", name)
    rows = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != ncols:
            raise ConfigError(
                f"{name}:{n}: expected {ncols} tab-separated columns, got {len(cols)}"
            )
        rows.append(cols)
    return rows


_JOIN = r"(?:-et-|\s+et\s+|\s+and\s+|[\s-])"


def _compound(numbers: dict[str, int]) -> str:
    """Tens and units written apart: "seventy five", "twenty-three", "vingt-trois", "quarante et
    un", "soixante-dix-sept". Their value is the sum (`compound_value`)."""
    tens = [w for w, v in numbers.items() if v in (20, 30, 40, 50, 60, 70, 80, 90) and " " not in w]
    units = [w for w, v in numbers.items() if 1 <= v <= 19 and " " not in w]
    if not tens or not units:
        return ""
    alt = lambda ws: "|".join(map(re.escape, sorted(ws, key=len, reverse=True)))  # noqa: E731
    return rf"(?:{alt(tens)}){_JOIN}(?:{alt(units)})|"


def compound_value(token: str, numbers: dict[str, int]) -> int | None:
    """The value of a number written in words, alone or as tens and units ("seventy five")."""
    token = " ".join(token.casefold().split())
    if token in numbers:
        return numbers[token]
    for n in range(len(token) - 1, 0, -1):
        head, rest = token[:n], token[n:]
        m = re.match(_JOIN, rest)
        if head in numbers and m and rest[m.end() :] in numbers:
            return numbers[head] + numbers[rest[m.end() :]]
    return None


@cache
def load(lang: str) -> Lexicon:
    if lang not in LANGUAGES:
        raise ConfigError(
            f"no event lexicon for language {lang!r}; supported: {', '.join(LANGUAGES)}"
        )
    triggers = tuple(Trigger(p, label, float(w)) for p, label, w in rows(f"triggers_{lang}.tsv", 3))
    for t in triggers:
        if t.label not in LABELS:
            raise ConfigError(
                f"triggers_{lang}.tsv: unknown label {t.label!r} for {t.pattern!r}; allowed: an "
                f"ACLED sub-event type or {', '.join(PLACEHOLDERS)}"
            )
    cues: dict[str, list[str]] = {k: [] for k in CUE_KINDS}
    for pattern, kind in rows(f"cues_{lang}.tsv", 2):
        if kind not in cues:
            raise ConfigError(
                f"cues_{lang}.tsv: unknown cue kind {kind!r}; allowed: {', '.join(CUE_KINDS)}"
            )
        cues[kind].append(pattern)
    numbers = {w.casefold(): int(v) for w, v in rows(f"numbers_{lang}.tsv", 2)}
    words = sorted(numbers, key=len, reverse=True)
    number_re = re.compile(
        r"\b(?:\d{1,3}(?:[,.\u202f ]\d{3})+|\d+|"
        + _compound(numbers)
        + "|".join(map(re.escape, words))
        + r")\b",
        re.I,
    )
    headings = tuple(
        (re.compile(rf"\s*(?:{p})\s*:\s", re.I), SubEventType(label))
        for p, label in (rows(f"headings_{lang}.tsv", 2) if _exists(f"headings_{lang}.tsv") else ())
    )
    return Lexicon(
        lang=lang,
        triggers=triggers,
        trigger_res=tuple(re.compile(rf"\b(?:{t.pattern})\b", re.I) for t in triggers),
        cues={k: re.compile(r"\b(?:" + "|".join(v) + r")\b", re.I) for k, v in cues.items() if v},
        numbers=numbers,
        number_re=number_re,
        headings=headings,
    )


def _exists(name: str) -> bool:
    return resources.files("eventdesk.data").joinpath("code", name).is_file()


def heading(text: str, lex: Lexicon) -> tuple[int, SubEventType] | None:
    """The label a note opens with ("Movement of forces: ...") and the strategic development it
    names, with the offset where the label ends; None when the text opens with none."""
    for rx, sub in lex.headings:
        m = rx.match(text)
        if m:
            return m.end(), sub
    return None
