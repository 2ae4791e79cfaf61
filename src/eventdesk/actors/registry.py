"""The actor registry, read once from eventdesk/data/actors/ (see its README.md).

State forces are not listed by hand: "Military Forces of Iraq (2020-)" and "Police Forces of
Iraq (2020-)" come from countries.tsv and state_periods.tsv; generic actors ("Civilians
(Mexico)") from the templates of kinds.tsv; registry.tsv rows holding `{period}` ("Military
Forces of Iraq {period} Popular Mobilization Forces") are expanded once per state period.
Times are (year, month) points; an unknown month is read as mid-year, so that in the year a
government changes, the period that holds most of the year is chosen.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from eventdesk.actors.mention import Actor, Target
from eventdesk.errors import ConfigError

LANGUAGES = ("ar", "en", "fr")
STATE_BRANCHES = ("Military", "Police")
_PERIOD_RE = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")
Point = tuple[int, int]  # (year, month)


def point(year: int | None, month: int | None = None) -> Point | None:
    """A moment to resolve names at; None: the present. Without a month, mid-year."""
    return None if year is None else (year, month or 7)


@dataclass(frozen=True, slots=True)
class Span:
    """From `start` (included) to `end` (excluded); None is open."""

    start: Point | None = None
    end: Point | None = None

    @classmethod
    def years(cls, first: int | None, last: int | None) -> Span:
        return cls(None if first is None else (first, 1), None if last is None else (last + 1, 1))

    def covers(self, at: Point | None) -> bool:
        if at is None:
            return self.end is None
        return (self.start is None or self.start <= at) and (self.end is None or at < self.end)

    def meet(self, other: Span) -> Span | None:
        start = max((p for p in (self.start, other.start) if p is not None), default=None)
        end = min((p for p in (self.end, other.end) if p is not None), default=None)
        return None if start is not None and end is not None and start >= end else Span(start, end)


@dataclass(frozen=True, slots=True)
class Known:
    """A canonical actor and when its name is in use."""

    actor: Actor
    span: Span

    def active(self, at: Point | None) -> bool:
        return at is None or self.span.covers(at)


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str  # "Democratic Republic of Congo"
    of_name: str  # "the Democratic Republic of Congo"


@dataclass(frozen=True, slots=True)
class Dated:
    """A name that holds over a span: a state period, a kind override, an operation."""

    span: Span
    name: str


@dataclass
class Registry:
    countries: dict[str, Country] = field(default_factory=dict)
    periods: dict[str, list[Dated]] = field(default_factory=dict)  # name: "(2020-)"
    kinds: dict[str, tuple[int, str]] = field(default_factory=dict)  # kind -> (inter, template)
    overrides: dict[tuple[str, str], list[Dated]] = field(default_factory=dict)  # (kind, country)
    operations: dict[tuple[str, str], list[Dated]] = field(default_factory=dict)  # (forces of, in)
    known: dict[str, Known] = field(default_factory=dict)  # canonical -> Known
    templates: dict[str, list[str]] = field(default_factory=dict)  # "{period}" row -> names
    aliases: dict[str, list[tuple[str, tuple[Target, ...]]]] = field(default_factory=dict)
    demonyms: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def period(self, iso3: str, at: Point | None) -> Dated | None:
        """The state period of a country at a point (the present if None)."""
        periods = self.periods.get(iso3)
        if not periods:
            return None
        if at is None:
            return periods[-1]
        begun = [p for p in periods if p.span.start is None or p.span.start <= at]
        return begun[-1] if begun else periods[0]

    def fill(self, template: str, iso3: str, at: Point | None) -> str:
        country = self.countries[iso3]
        period = self.period(iso3, at)
        name = template.format(
            name=country.name, of=country.of_name, period=period.name if period else ""
        )
        return " ".join(name.split())

    def kind_name(self, kind: str, iso3: str, at: Point | None) -> str | None:
        """The canonical name a kind takes in a country ("military", IRQ, 2021 -> "Military
        Forces of Iraq (2020-)"); None for an unknown kind or country."""
        if kind not in self.kinds or iso3 not in self.countries:
            return None
        for row in reversed(self.overrides.get((kind, iso3), [])):
            if row.span.covers(at):
                return self.fill(row.name, iso3, at)
        return self.fill(self.kinds[kind][1], iso3, at)

    def kind_actor(self, kind: str, iso3: str, at: Point | None) -> Actor | None:
        name = self.kind_name(kind, iso3, at)
        if name is None:
            return None
        known = self.known.get(name)
        return known.actor if known else Actor(name, self.kinds[kind][0], iso3)

    def operation(self, forces: str, where: str, at: Point | None) -> Actor | None:
        """The name of a state's forces acting in another country ("Saudi forces" in Yemen:
        "Operation Restoring Hope"), where ACLED names them apart."""
        for row in reversed(self.operations.get((forces, where), [])):
            if row.span.covers(at):
                return self.known[row.name].actor
        return None


USER_FILES = ("registry.tsv", *(f"aliases_{lang}.tsv" for lang in LANGUAGES))


def user_dir() -> Path:
    """The user registry: $EVENTDESK_ACTORS, else <sys.prefix>/share/eventdesk/actors. Its
    registry.tsv and aliases_<lang>.tsv are read after the shipped ones (`eventdesk actors add`
    writes them)."""
    env = os.environ.get("EVENTDESK_ACTORS")
    return Path(env).expanduser() if env else Path(sys.prefix) / "share" / "eventdesk" / "actors"


def data_rows(name: str, ncols: int) -> list[list[str]]:
    """The rows of one data file (comments and blank lines skipped), checked for width; then,
    for registry.tsv and the alias files, the user registry's rows."""
    path = resources.files("eventdesk.data").joinpath("actors", name)
    rows = _rows(path.read_text("utf-8"), f"actors/{name}", ncols)
    user = user_dir() / name
    if name in USER_FILES and user.is_file():
        rows.extend(_rows(user.read_text("utf-8"), str(user), ncols))
    return rows


def _rows(text: str, where: str, ncols: int) -> list[list[str]]:
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != ncols:
            raise ConfigError(
                f"{where}:{n}: expected {ncols} tab-separated columns, got {len(cols)}"
            )
        rows.append(cols)
    return rows


def _int(value: str, where: str, low: int, high: int) -> int | None:
    if not value:
        return None
    if not value.isdigit() or not low <= int(value) <= high:
        raise ConfigError(
            f"actors/{where}: {value!r} is not a number from {low} to {high}, or empty"
        )
    return int(value)


def _years(first: str, last: str, where: str) -> Span:
    return Span.years(_int(first, where, 1900, 2100), _int(last, where, 1900, 2100))


@cache
def load() -> Registry:
    reg = Registry()
    for iso3, name, article in data_rows("countries.tsv", 3):
        reg.countries[iso3] = Country(iso3, name, f"{article} {name}".strip())
    _periods(reg)
    for kind, inter, template in data_rows("kinds.tsv", 3):
        reg.kinds[kind] = (int(inter), template)
    _state_forces(reg)
    for canonical, inter, iso3, first, last in data_rows("registry.tsv", 5):
        _named(reg, canonical, int(inter), iso3 or None, _years(first, last, "registry.tsv"))
    _kind_names(reg)
    for kind, iso3, first, last, name in data_rows("kind_overrides.tsv", 5):
        if kind not in reg.kinds:
            raise ConfigError(
                f"actors/kind_overrides.tsv: unknown kind {kind!r}; known: {', '.join(sorted(reg.kinds))}"
            )
        _check_name(reg, name, "kind_overrides.tsv", templates=True)
        row = Dated(_years(first, last, "kind_overrides.tsv"), name)
        reg.overrides.setdefault((kind, _country(reg, iso3, "kind_overrides.tsv")), []).append(row)
    for forces, where, first, last, name in data_rows("operations.tsv", 5):
        _check_name(reg, name, "operations.tsv", templates=False)
        key = (_country(reg, forces, "operations.tsv"), _country(reg, where, "operations.tsv"))
        reg.operations.setdefault(key, []).append(
            Dated(_years(first, last, "operations.tsv"), name)
        )
    for lang in LANGUAGES:
        reg.aliases[lang] = [
            (a, _targets(reg, t, f"aliases_{lang}.tsv"))
            for a, t in data_rows(f"aliases_{lang}.tsv", 2)
        ]
        reg.demonyms[lang] = [
            (d, _country(reg, c, f"demonyms_{lang}.tsv"))
            for d, c in data_rows(f"demonyms_{lang}.tsv", 2)
        ]
    return reg


def _periods(reg: Registry) -> None:
    """State periods; each ends where the next one of its country begins."""
    rows: dict[str, list[tuple[Point, int | None]]] = {}
    for iso3, first, last, month in data_rows("state_periods.tsv", 4):
        where = "state_periods.tsv"
        start = (int(first), _int(month, where, 1, 12) or 1)
        rows.setdefault(_country(reg, iso3, where), []).append(
            (start, _int(last, where, 1900, 2100))
        )
    for iso3, periods in rows.items():
        for n, (start, end_year) in enumerate(periods):
            end = periods[n + 1][0] if n + 1 < len(periods) else None
            if end is None and end_year is not None:
                end = (end_year + 1, 1)
            reg.periods.setdefault(iso3, []).append(Dated(Span(start, end), f"({start[0]}-)"))


def _country(reg: Registry, iso3: str, where: str) -> str:
    if iso3 not in reg.countries:
        raise ConfigError(f"actors/{where}: unknown country {iso3!r}; add it to countries.tsv")
    return iso3


def _check_name(reg: Registry, name: str, where: str, *, templates: bool) -> None:
    if name not in reg.known and not (templates and name in reg.templates):
        raise ConfigError(f"actors/{where}: {name!r} is not in registry.tsv")


def _state_forces(reg: Registry) -> None:
    for iso3, periods in reg.periods.items():
        for period in periods:
            for branch in STATE_BRANCHES:
                name = reg.fill(f"{branch} Forces of {{of}} {{period}}", iso3, period.span.start)
                reg.known.setdefault(name, Known(Actor(name, 1, iso3), period.span))


def _named(reg: Registry, canonical: str, inter: int, iso3: str | None, span: Span) -> None:
    if iso3 is not None:
        _country(reg, iso3, "registry.tsv")
    if "{period}" not in canonical:
        reg.known[canonical] = Known(Actor(canonical, inter, iso3), span)
        return
    if iso3 is None or iso3 not in reg.periods:
        raise ConfigError(f"actors/registry.tsv: {canonical!r} needs a country with state periods")
    names = reg.templates.setdefault(canonical, [])
    for period in reg.periods[iso3]:
        overlap = period.span.meet(span)
        if overlap is not None:
            name = canonical.format(period=period.name)
            reg.known[name] = Known(Actor(name, inter, iso3), overlap)
            names.append(name)


def _kind_names(reg: Registry) -> None:
    """Every kind's name in every country, so that canonical() knows "Civilians (Mexico)"."""
    for inter, template in reg.kinds.values():
        for iso3 in reg.countries:
            periods = reg.periods.get(iso3) if "{period}" in template else None
            for span in [p.span for p in periods] if periods else [Span()]:
                name = reg.fill(template, iso3, span.start)
                reg.known.setdefault(name, Known(Actor(name, inter, iso3), span))


def _targets(reg: Registry, value: str, where: str) -> tuple[Target, ...]:
    if value[:1] in "@+":
        kind, _, iso3 = value[1:].partition(":")
        if kind not in reg.kinds:
            raise ConfigError(
                f"actors/{where}: unknown kind {kind!r}; known: {', '.join(sorted(reg.kinds))}"
            )
        home = _country(reg, iso3, where) if iso3 else None
        return (Target(kind=kind, country_iso3=home, head_only=value[0] == "+"),)
    if value in reg.templates:
        return tuple(Target(canonical=name) for name in reg.templates[value])
    if value not in reg.known:
        raise ConfigError(f"actors/{where}: {value!r} is neither a kind nor a name of registry.tsv")
    return (Target(canonical=value),)


def strip_period(name: str) -> str:
    return " ".join(_PERIOD_RE.sub("", name).split())
