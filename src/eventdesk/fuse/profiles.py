"""Source profiles: what kind of outlet a document comes from (data/sources/outlets.tsv), and the
wire agency a text credits ("BAMAKO (AFP) -"). Shown on each source; never used to drop one."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from eventdesk.records import OutletProfile

_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower case without accents: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class Profiles:
    by_site: dict[str, OutletProfile]
    by_name: dict[tuple[str, ...], OutletProfile]  # the name's folded words
    wires: dict[str, OutletProfile]  # credit as printed ("AFP", "Reuters") -> profile

    def of(self, source: str | None, url: str | None) -> OutletProfile | None:
        """The profile of a document's outlet: by its URL's host, else by its `source` name."""
        host = (urlsplit(url).hostname or "") if url else ""
        parts = host.removeprefix("www.").split(".")
        for i in range(len(parts) - 1):
            found = self.by_site.get(".".join(parts[i:]))
            if found is not None:
                return found
        return self._by_name(source) if source else None

    def _by_name(self, source: str) -> OutletProfile | None:
        words = tuple(_WORD.findall(fold(source)))
        best: OutletProfile | None = None
        best_len = 0
        for name, profile in self.by_name.items():
            if len(name) > best_len and _contains(words, name):
                best, best_len = profile, len(name)
        return best

    def credit(self, text: str) -> OutletProfile | None:
        """The wire agency a text credits in its first or last lines, if any."""
        lines = [line for line in text.split("\n") if line.strip()]
        edges = " \n ".join(lines[:2] + lines[-2:])
        for match in _CREDIT.finditer(edges):
            name = match.group("name") or match.group("tail")
            found = self.wires.get(name.casefold())
            if found is not None:
                return found
        return None


# "(AFP)", "(Reuters) -", "— AFP", "AFP/": the agency's name as a credit, not as a word of a sentence
_CREDIT = re.compile(
    r"\(\s*(?P<name>[A-Z][A-Za-z]{1,10})\s*(?:/[^)]*)?\)|(?:^|\n)\s*(?:©|[-–—])?\s*(?P<tail>[A-Z]{2,8})\s*$"
)


def _contains(words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    n = len(name)
    return any(words[i : i + n] == name for i in range(len(words) - n + 1))


@cache
def load() -> Profiles:
    text = resources.files("eventdesk.data").joinpath("sources", "outlets.tsv").read_text("utf-8")
    by_site: dict[str, OutletProfile] = {}
    by_name: dict[tuple[str, ...], OutletProfile] = {}
    wires: dict[str, OutletProfile] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        site, outlet, kind, affiliation, iso3, note = (line.split("\t") + [""] * 6)[:6]
        profile = OutletProfile(outlet, kind, affiliation, iso3 or None, note or None)
        by_site[site] = profile
        by_name.setdefault(tuple(_WORD.findall(fold(outlet))), profile)
        if kind == "wire":
            wires[outlet.casefold()] = profile
    return Profiles(by_site, by_name, wires)
