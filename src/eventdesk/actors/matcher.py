"""Finding actor mentions in a text: a token trie per language, longest match first.

Three passes over the tokens:
1. At each token, the longest alias (aliases_<lang>.tsv) and the longest state phrase made of a
   demonym and a generic noun: "Iraqi forces", "Nigeria's army" (English: demonym first),
   "l'armée malienne", "les forces du Mali" (French), "القوات العراقية" (Arabic: noun first).
   The longer wins; at equal length the alias ("Syrian National Army" is not "Syrian" + army).
2. A named actor absorbs the generic armed noun beside it: "IS militants", "Houthi forces",
   "fighters of the Islamic State", "les combattants de l'EI", "عناصر داعش".
3. Words that only name an actor next to a demonym or a name ("forces", "fighters") are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventdesk.actors import registry, text
from eventdesk.actors.choice import choose, kind_of
from eventdesk.actors.mention import Actor, ActorMention, Target

_END = "\0"
Trie = dict[str, Any]
Token = tuple[int, int, str]

# Kinds a demonym can qualify ("Malian soldiers", "Iraqi protesters").
COMPOSABLE = frozenset(
    {"military", "police", "gendarmerie", "prison_guards", "border_guards", "air_force", "aviation",
     "civilians", "protesters", "rioters", "rebels", "islamist", "militants", "militia", "gang",
     "unidentified_armed"}
)  # fmt: skip
# Kinds that name a family of groups, one per country ("IS": Islamic State (Iraq), (Syria)...).
FAMILIES = frozenset({"islamic_state", "al_qaeda"})
# Generic armed nouns a name absorbs ("IS militants").
ABSORBED = frozenset({"military", "militants", "islamist", "rebels", "militia", "unidentified_armed", "gang", "member"})  # fmt: skip
_TERRITORY_RE = re.compile(
    r"[-\u2010](?:held|controlled|run|ruled|occupied|besieged|dominated|administered|majority|populated|inhabited)\b",
    re.I,
)
_LINKS = {
    "en": (frozenset({"of", "from"}), frozenset({"the"})),
    "fr": (frozenset({"de", "du", "des", "d"}), frozenset({"l", "la", "les"})),
    "ar": (frozenset(), frozenset()),
}


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    names: Trie
    demonyms: Trie


@dataclass(frozen=True, slots=True)
class Match:
    first: int  # token indexes, inclusive
    last: int
    start: int  # character offsets
    end: int
    targets: tuple[Target, ...]

    @property
    def head_only(self) -> bool:
        return all(t.head_only for t in self.targets)

    @property
    def specific(self) -> bool:
        """Whether the words name someone (a name, a demonym phrase, a family of groups)."""
        return any(not t.generic or t.kind in FAMILIES for t in self.targets)

    def generic_kind(self, kinds: frozenset[str]) -> str | None:
        return next((t.kind for t in self.targets if t.generic and t.kind in kinds), None)


def _insert(trie: Trie, key: tuple[str, ...], value: Any) -> None:
    node = trie
    for part in key:
        node = node.setdefault(part, {})
    node.setdefault(_END, []).append(value)


@cache
def lexicon(lang: str) -> Lexicon:
    reg = registry.load()
    names: Trie = {}
    for alias, targets in reg.aliases[lang]:
        for key in _inflections(lang, text.alias_tokens(alias)):
            for target in targets:
                _insert(names, key, target)
    if lang == "en":
        for form, target in _nationals(reg):
            if text.alias_tokens(form)[0] not in names:
                _insert(names, text.alias_tokens(form), target)
    demonyms: Trie = {}
    for form, iso3 in _demonym_forms(reg, lang):
        _insert(demonyms, text.alias_tokens(form), iso3)
    return Lexicon(lang, names, demonyms)


def _inflections(lang: str, key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """An alias and, in Arabic, the other cases of its last word: a sound plural in -ون also
    reads -ين, and -و / -ي before its complement (مسلحون, مسلحين, مسلحو, مسلحي); a singular
    also reads with the accusative -ا (مدني, مدنيا)."""
    if lang != "ar" or not key:
        return [key]
    head, last = key[:-1], key[-1]
    if last.endswith(("ون", "ين")) and len(last) > 4:
        stem = last[:-2]
        return [key] + [(*head, stem + end) for end in ("ون", "ين", "و", "ي") if stem + end != last]
    return [key, (*head, last + "ا")] if not last.endswith(("ا", "ه")) else [key]


def _nationals(reg: registry.Registry) -> list[tuple[str, Target]]:
    """English nationals as people: "Iraqis", "Moroccans" (from "Iraqi", "Moroccan")."""
    return [
        (form + "s", Target(kind="civilians", country_iso3=iso3))
        for form, iso3 in reg.demonyms["en"]
        if form.isalpha()
        and form[0].isupper()
        and form[1:].islower()
        and form.endswith(("an", "i"))
    ]


def _demonym_forms(reg: registry.Registry, lang: str) -> list[tuple[str, str]]:
    forms = list(reg.demonyms[lang])
    if lang == "en":
        forms += [(c.name, c.iso3) for c in reg.countries.values()]
    elif lang == "fr":  # plurals: maliens, maliennes (not "burkinabès" from "du Burkina")
        forms += [
            (f + "s", c)
            for f, c in reg.demonyms[lang]
            if " " not in f and "'" not in f and f[-1] not in "sx"
        ]
    elif lang == "ar":  # nisba: عراقي, عراقية, عراقيون, عراقيين (the article is ignored)
        forms += [(f + end, c) for f, c in reg.demonyms[lang] for end in ("ة", "ون", "ين")]
    return forms


def _longest(
    trie: Trie, toks: list[Token], source: str, i: int
) -> tuple[int, int, list[Any]] | None:
    """The longest entry of `trie` starting at token i: (last token, characters skipped, values)."""
    best: tuple[int, int, list[Any]] | None = None
    for key, skip in text.first_keys(toks[i][2]):
        node = trie.get(key)
        j = i
        while node is not None:
            if _END in node and (best is None or j > best[0]):
                best = (j, skip, node[_END])
            if j + 1 >= len(toks) or not text.gap_ok(
                source[toks[j][1] : toks[j + 1][0]], toks[j][2]
            ):
                break
            j += 1
            node = next((node[k] for k in text.text_keys(toks[j][2]) if k in node), None)
    return best


def scan(lex: Lexicon, toks: list[Token], source: str) -> list[Match]:
    """Pass 1: the longest alias or demonym phrase at each place, left to right. An article
    does not anchor a match: "the Military Police" is "Military Police", not "the military";
    the first half of a compound adjective is no match."""
    out: list[Match] = []
    i = 0
    while i < len(toks):
        found = _best(lex, toks, source, i)
        if found is not None and toks[i][2].casefold() == "the" and found.last > i:
            after = _best(lex, toks, source, i + 1)
            if after is not None and after.last > found.last:
                found = after
        if found is None or _modifier(source, found.end):
            i += 1
            continue
        out.append(found)
        i = found.last + 1
    return out


def _modifier(source: str, end: int) -> bool:
    """Whether a match is the first half of a compound adjective of territory: "regime-held",
    "Houthi-controlled" qualify a place, they do not name an actor ("Taliban-planted" does)."""
    return _TERRITORY_RE.match(source, end) is not None


def _best(lex: Lexicon, toks: list[Token], source: str, i: int) -> Match | None:
    found = _alias(lex, toks, source, i)
    phrase = _phrase(lex, toks, source, i, found)
    return phrase if phrase is not None and (found is None or phrase.last > found.last) else found


def _alias(lex: Lexicon, toks: list[Token], source: str, i: int) -> Match | None:
    hit = _longest(lex.names, toks, source, i)
    if hit is None:
        return None
    last, skip, values = hit
    return Match(i, last, toks[i][0] + skip, toks[last][1], tuple(dict.fromkeys(values)))


def _phrase(
    lex: Lexicon, toks: list[Token], source: str, i: int, noun: Match | None
) -> Match | None:
    """A demonym with a generic noun: "Iraqi forces", "Nigeria's army", "forces of Iraq",
    "l'armée malienne", "forces du Mali", "القوات العراقية"."""
    if lex.lang == "en":
        found = _demonym_first(lex, toks, source, i)
        if found is not None:
            return found
    if noun is None or noun.generic_kind(COMPOSABLE) is None:
        return None
    k = noun.last + 1
    if lex.lang == "en":  # forces of (the) Iraq
        words = [t[2].casefold() for t in toks[k : k + 2]]
        k += 2 if words[:2] == ["of", "the"] else 1 if words[:1] == ["of"] else len(toks)
    dem = (
        _longest(lex.demonyms, toks, source, k)
        if k < len(toks) and _spaced(source, toks, k)
        else None
    )
    if dem is None:
        return None
    return _composite(noun, dem[2][0], i, dem[0], noun.start, toks)


def _demonym_first(lex: Lexicon, toks: list[Token], source: str, i: int) -> Match | None:
    dem = _longest(lex.demonyms, toks, source, i)
    if dem is None:
        return None
    k = dem[0] + 1
    if (
        k < len(toks)
        and toks[k][2] == "s"
        and source[toks[k - 1][1] : toks[k][0]] in ("'", "\u2019")
    ):
        k += 1  # Nigeria's army
    noun = _alias(lex, toks, source, k) if k < len(toks) and _spaced(source, toks, k) else None
    if noun is None or noun.generic_kind(COMPOSABLE) is None:
        return None
    return _composite(noun, dem[2][0], i, noun.last, toks[i][0] + dem[1], toks)


def _composite(
    noun: Match, iso3: str, first: int, last: int, start: int, toks: list[Token]
) -> Match:
    kind = noun.generic_kind(COMPOSABLE)
    kind = "aviation" if kind == "air_force" else kind  # "Syrian warplanes": the Syrian air force
    return Match(first, last, start, toks[last][1], (Target(kind=kind, country_iso3=iso3),))


def _spaced(source: str, toks: list[Token], k: int) -> bool:
    """Whether token k follows the previous token after white space only (or after the full
    stop of an initial: "U.S. aircraft")."""
    gap = source[toks[k - 1][1] : toks[k][0]]
    if len(toks[k - 1][2]) == 1 and gap.startswith(".") and len(gap) > 1:
        gap = gap[1:]
    return bool(gap) and gap.isspace()


def merge(lang: str, matches: list[Match], toks: list[Token], source: str) -> list[Match]:
    """Pass 2 and 3: names absorb the armed nouns beside them; lone head words are dropped."""
    out: list[Match] = []
    for m in matches:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.specific
            and m.generic_kind(ABSORBED)
            and _linked(lang, prev, m, toks, source, False)
        ):
            out[-1] = Match(prev.first, m.last, prev.start, m.end, prev.targets)
        elif (
            prev is not None
            and m.specific
            and prev.generic_kind(ABSORBED)
            and _linked(lang, prev, m, toks, source, True)
        ):
            out[-1] = Match(prev.first, m.last, prev.start, m.end, m.targets)
        else:
            out.append(m)
    return [m for m in out if not m.head_only]


def _linked(lang: str, a: Match, b: Match, toks: list[Token], source: str, of: bool) -> bool:
    """Whether b follows a with only spaces between, or (`of`) a linking word: "of the".
    An Arabic clitic on b ("وللجيش": and to the army) starts another phrase."""
    if b.start != toks[b.first][0]:
        return False
    between = [t[2].casefold() for t in toks[a.last + 1 : b.first]]
    if between and (
        not of
        or between[0] not in _LINKS[lang][0]
        or any(w not in _LINKS[lang][1] for w in between[1:])
    ):
        return False
    gaps = [source[toks[k - 1][1] : toks[k][0]] for k in range(a.last + 1, b.first + 1)]
    return all(g.isspace() or g in ("'", "\u2019") for g in gaps)


def mentions(lang: str, source: str) -> list[ActorMention]:
    reg = registry.load()
    lex = lexicon(lang)
    toks = list(text.tokens(source))
    out = []
    for m in merge(lang, scan(lex, toks, source), toks, source):
        out.append(ActorMention(m.start, m.end, source[m.start : m.end], *describe(reg, m.targets)))
    return out


def describe(
    reg: registry.Registry, targets: tuple[Target, ...]
) -> tuple[str | None, Actor | None]:
    """The kind and the default actor (no event country or year yet) of a match."""
    generic = [t for t in targets if t.generic and not t.head_only]
    if generic:
        return generic[0].kind, None
    chosen = choose(reg, targets, country_iso3=None, at=None)
    if chosen is None:
        return None, None
    actor, target = chosen
    return (target.kind or kind_of(actor)), actor
