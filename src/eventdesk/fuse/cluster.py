"""Reports grouped into incidents: blocking, linking, and a clustering that depends on the set of
reports only (never on the order they came in).

Blocking: a report is compared with the reports of its country and province (all provinces of the
country for one placed only in the country) whose day lies within its date window; a day is one
dictionary look-up, so the work grows with the number of reports times the reports per
province-day, not with the square of the corpus.

Clustering: the linked pairs (`score.edge`) are taken strongest first (ties by key); a pair joins
its two clusters unless some report of one is incompatible with some report of the other
(`score.compatible`: one document's two incidents, two villages), or the two agree less than a
linked pair on average (a chain of links through a third telling does not join two tellings that
disagree). Complete linkage on the gates, average linkage on agreement.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from eventdesk.fuse.report import Report
from eventdesk.fuse.score import LINK, compatible, edge, score
from eventdesk.records import TimePrecision

MAX_WINDOW = 31  # the widest date window (month precision)


class Index:
    """Reports by (country, province, day), by (country, day), and those of coarse dates apart."""

    def __init__(self, reports: Iterable[Report] = ()):
        self.by_place: dict[tuple[str, str | None, int], list[Report]] = defaultdict(list)
        self.by_country: dict[tuple[str, int], list[Report]] = defaultdict(list)
        self.coarse: dict[tuple[str, int], list[Report]] = defaultdict(list)
        for r in reports:
            self.add(r)

    def add(self, r: Report) -> None:
        country = r.event.country_iso3
        self.by_place[(country, r.event.admin1_code, r.day)].append(r)
        self.by_country[(country, r.day)].append(r)
        if r.event.time_precision != TimePrecision.DAY:
            self.coarse[(country, r.day)].append(r)

    def near(self, r: Report) -> Iterator[Report]:
        """The reports r may be compared with (a superset: the gates decide)."""
        country, province = r.event.country_iso3, r.event.admin1_code
        if r.event.time_precision != TimePrecision.DAY:
            for day in range(r.day - MAX_WINDOW, r.day + MAX_WINDOW + 1):
                yield from self.by_country.get((country, day), ())
            return
        for day in (r.day - 1, r.day, r.day + 1):
            if province is None:
                yield from self.by_country.get((country, day), ())
            else:
                yield from self.by_place.get((country, province, day), ())
                yield from self.by_place.get((country, None, day), ())
        for day in range(r.day - MAX_WINDOW, r.day + MAX_WINDOW + 1):
            yield from self.coarse.get((country, day), ())


def links(reports: list[Report], index: Index) -> list[tuple[float, str, str]]:
    """Every linked pair once: (score, smaller key, larger key)."""
    out: dict[tuple[str, str], float] = {}
    for r in reports:
        for other in index.near(r):
            if other.key == r.key:
                continue
            pair = (r.key, other.key) if r.key < other.key else (other.key, r.key)
            if pair in out:
                continue
            s = edge(r, other)
            if s is not None:
                out[pair] = s
    return [(s, a, b) for (a, b), s in out.items()]


def _joinable(xs: list[Report], ys: list[Report]) -> bool:
    """Two groups are one incident when every report of one may tell the incident of every report
    of the other, and on average they agree as much as a linked pair: a chain of links through a
    third telling does not join two tellings that disagree."""
    if not all(compatible(x, y) for x in xs for y in ys):
        return False
    if len(xs) == 1 and len(ys) == 1:
        return True
    return round(sum(score(x, y) for x in xs for y in ys) / (len(xs) * len(ys)), 6) >= LINK


def clusters(reports: Iterable[Report]) -> list[list[Report]]:
    """The incidents: groups of reports, each sorted (earliest publication first)."""
    by_key = {r.key: r for r in reports}
    members: dict[str, list[Report]] = {k: [r] for k, r in by_key.items()}
    root = {k: k for k in by_key}

    def find(k: str) -> str:
        while root[k] != k:
            root[k] = root[root[k]]
            k = root[k]
        return k

    ordered = sorted(by_key.values(), key=lambda r: r.key)
    for _, a, b in sorted(links(ordered, Index(ordered)), key=lambda e: (-e[0], e[1], e[2])):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        if _joinable(members[ra], members[rb]):
            keep, gone = (ra, rb) if ra < rb else (rb, ra)
            root[gone] = keep
            members[keep].extend(members.pop(gone))
    return sorted(
        (sorted(group, key=lambda r: r.sort_key) for group in members.values()),
        key=lambda g: g[0].sort_key,
    )
