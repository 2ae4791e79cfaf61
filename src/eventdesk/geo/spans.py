"""Candidate place names in running text: capitalised word sequences, with the particles that
live inside place names (al-, el-, de, du, d', la, bin, ben...), looked up longest first."""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import dataclass, replace

from eventdesk.geo.cues import BEFORE
from eventdesk.geo.fold import fold, fold_long, is_arabic

MAX_TOKENS = 6
_TOKEN = re.compile(r"[^\W\d_](?:[\w]|[-'’](?=\w))*")
_ELIDED = re.compile(r"^(?:[LlDd]|[Qq]u|[Jj]usqu|[Ll]orsqu)['’](?=\w)")
_ARTICLE_PREFIX = re.compile(r"^(?:[ae]l|a[dnrstz]|ash|adh|ath|e[dnrstz])-(?=\w)", re.IGNORECASE)
# Lower-case words allowed inside a name (between capitalised words), and Arabic articles
# written apart ("al Asad"), which may also start one.
PARTICLES = frozenset(
    [
        "al",
        "el",
        "ad",
        "adh",
        "an",
        "ar",
        "as",
        "ash",
        "at",
        "ath",
        "az",
        "ed",
        "en",
        "er",
        "es",
        "et",
        "ez",
        "de",
        "du",
        "des",
        "d",
        "la",
        "le",
        "les",
        "bin",
        "ben",
        "bani",
        "beni",
        "ibn",
        "abu",
        "umm",
        "um",
        "of",
        "y",
        "e",  # Persian ezafe written apart: "Shahr e Kord", "Bandar e Abbas"
        "da",
        "do",
        "dos",
        "das",
        "di",
        "del",
        "della",
        "sub",  # Romanian: "Baita de sub Codru"
        "sur",
        "sous",
        "lès",
        "les-",
    ]
)
# Words that make the capitalised word after them a person's name ("President Nicolas").
TITLES = frozenset(
    [
        "president",
        "general",
        "gen",
        "colonel",
        "col",
        "minister",
        "governor",
        "mayor",
        "sheikh",
        "cheikh",
        "imam",
        "mr",
        "mrs",
        "ms",
        "dr",
        "commander",
        "chief",
        "king",
        "prince",
        "emir",
        "ayatollah",
        "pope",
        "senator",
        "deputy",
        "judge",
    ]
)
# The last word of a works' or a crossing's name; alone before a number ("Mine 6/7", "Station
# 3") it is the works' own name, no town's ("Mine" in Japan)
FACILITIES = frozenset(
    ["station", "mine", "plant", "dam", "port", "airport", "bridge", "crossing", "checkpoint"]
)
# Last words of a body's name that put the body in the place its name begins with ("Tabriz
# Tractor Company", "Kerman Municipality", "Mosul University Hospital"): the place is named. Not
# a newspaper's ("Tehran Times", "Jerusalem Post"), a street's or a gate's, which may lie
# elsewhere.
INSTITUTIONS = frozenset(
    [
        "company",
        "co",
        "corporation",
        "factory",
        "group",
        "industries",
        "municipality",
        "governorate",
        "council",
        "university",
        "faculty",
        "hospital",
        "railway",
        "railways",
        "mill",
        "mills",
        "refinery",
        "prison",
        "complex",
        "bazaar",
        # works and crossings named after the town they serve ("the Mosul Dam", "Rafah
        # Crossing", "Kherson Pumping Station")
        *FACILITIES,
    ]
)
# The last word of the name of an armed group or a party named after a place or a region it
# need not be in ("the Tabriz Brigade", "the Kerman Islamic Party", "Kurdistan Workers' Party"): the
# name is who, not where
BODIES = frozenset(
    ["corps", "army", "party", "movement", "brigade", "brigades", "battalion", "battalions",
     "front", "division", "legion", "regiment", "militia", "militias"]
)  # fmt: skip
# The last word of a province's name made of everyday words ("Eastern Province", "Northern
# State"); not "Region" or "Division", which end the names of groups and units as often
# ("Resistance of the Southern Region", "the Central Division")
UNIT_TAILS = frozenset(["province", "state", "governorate"])
# the unit's word in lower case: "the East region", not a body's name ("... in the Eastern Region")
_UNIT_AFTER = re.compile(r"[ \u00a0]+(region|province|governorate)\b(?![\w-])")
# The last word of a newspaper's name that begins with a place's ("Tehran Times")
NEWSPAPERS = frozenset(
    ["post", "times", "tribune", "herald", "gazette", "journal", "observer", "chronicle"]
)
# "LNA-controlled Sirte", "IS-held Mosul": a name before such a compound is whose, not part
# of the place's name
_HELD_BY = re.compile(r"-(?:controlled|held|led|backed|occupied|besieged|run)$", re.I)
ARTICLES = frozenset(
    [
        "al",
        "el",
        "ad",
        "adh",
        "an",
        "ar",
        "as",
        "ash",
        "at",
        "ath",
        "az",
        "ed",
        "en",
        "er",
        "es",
        "et",
        "ez",
    ]
)
# French "et" (and) and "en" (in), far more often than the article before t and n: no article
# that begins a name or splits one
_NAME_ARTICLES = ARTICLES - {"et", "en"}
# Arabic prefixes glued to a word: wa- (and), bi- (in), li- (to), fa- (so), ka- (as).
_ARABIC_CLITIC = re.compile(r"^(?:و|ب|ل|ف|ك|وب|ول|فب)(?=ال)")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    cap: bool  # may be part of a name (capitalised, Arabic, or al-Capitalised)
    particle: bool  # a lower-case connector (al, de, bin...)


@dataclass(frozen=True, slots=True)
class Span:
    """A run of tokens whose folded text is a gazetteer name."""

    start: int
    end: int
    text: str
    key: str
    first: int  # token indexes, inclusive
    last: int


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        start, word = m.start(), m.group()
        elided = _ELIDED.match(word)
        if elided:  # l'Irak, d'Erbil: the elided article is its own (particle) token
            cut = elided.end()
            out.append(Token(start, start + cut, word[:cut], False, True))
            start, word = start + cut, word[cut:]
        if is_arabic(word):
            clitic = _ARABIC_CLITIC.match(word)
            cut = clitic.end() if clitic else 0
            out.append(Token(start + cut, start + len(word), word[cut:], True, False))
            continue
        lower = word.lower()
        bare = _ARTICLE_PREFIX.sub("", word)
        cap = bare[:1].isupper() and not _acronym(word)
        out.append(Token(start, start + len(word), word, cap, lower in PARTICLES))
    return _sun_letters(out)


# The Arabic article assimilated to a sun letter ("as-Sukhnah", "at Tall", "an Nasiriyah") is
# written so only before its own letter: elsewhere "as", "at", "an" are English words ("Hama
# as Russian jets struck"), no part of a name. (The e- forms stay particles everywhere: French
# "en" and "et" inside a name's words keep an organisation's name whole, "Pour la Vie et
# l'Honneur".)
_SUN_ARTICLES = {
    "ad": "d", "adh": "dh", "an": "n", "ar": "r", "as": "s", "ash": "sh", "at": "t", "ath": "th",
    "az": "z",
}  # fmt: skip


def _sun_letters(tokens: list[Token]) -> list[Token]:
    """The tokens, a sun-letter article that its next word does not begin with its letter no
    particle."""
    for k, tok in enumerate(tokens):
        letter = _SUN_ARTICLES.get(tok.text.lower()) if tok.particle else None
        if letter is None:
            continue
        after = tokens[k + 1].text.lower() if k + 1 < len(tokens) else ""
        if not after.startswith(letter):
            tokens[k] = replace(tok, particle=False)
    return tokens


def _acronym(word: str) -> bool:
    """'UN', 'CRPF', 'LoC', 'SoG': short all-caps or mixed-case words are no place names."""
    if len(word) <= 5 and "-" not in word and sum(c.isupper() for c in word) >= 2:
        return True
    return word.isupper() and len(word) <= 4


def find_spans(
    text: str,
    tokens: list[Token],
    known: Callable[[str], bool],
    skip: frozenset[str],
    heads: Callable[[str], bool] | None = None,
    countries: Container[str] = frozenset(),
    common: Container[str] = frozenset(),
) -> list[Span]:
    """Longest-first, left-to-right matches of token runs against the gazetteer's names.

    A run starts on a capitalised token (or an Arabic article before one), ends on a
    capitalised token, has only capitalised tokens or particles between, and does not cross
    punctuation other than a hyphen or apostrophe. Single words in `skip` (lower-cased) are
    not place names on their own. `heads`: the names a hyphenated name may begin with as a
    town and its quarter ("Kinshasa-Gombe"), or be without its hyphen ("Pyeong-taek" for
    "Pyeongtaek"); default: any known name. A name with an English possessive is the name
    ("Hama's countryside"), unless it is one of `countries`' (folded names). `common`: words
    (lower-cased) that are no place on their own but may be part of a longer name.
    """
    spans: list[Span] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        starts_name = tok.cap or (
            tok.text.lower() in _NAME_ARTICLES  # "Gao et Tombouctou": two names
            and i + 1 < n
            and tokens[i + 1].cap
            and _joined(text, tok, tokens[i + 1])
        )
        if not starts_name:
            i += 1
            continue
        found = _longest(text, tokens, i, known, skip, heads, countries)
        if found is None:
            i += 1
            continue
        found = _with_generic(text, tokens, found, known, spans[-1].last if spans else -1)
        spans.append(found)
        i = found.last + 1
        # "Tabriz Steel Company": the words of the body's name after the place are no place
        # ("Steel" is a village's name somewhere)
        if i < n and _joined(text, tokens[found.last], tokens[i]) and _institution(tokens, i):
            while i < n and tokens[i].text.lower().rstrip(".") not in INSTITUTIONS:
                i += 1
            i += 1
    # an everyday word that is only a small place's name ("Farms") is no place of its own, but
    # a word of a longer name all the same
    spans = [s for s in spans if not _common(tokens, s, common) and not _works(text, tokens, s)]
    covered = {i for s in spans for i in range(s.first, s.last + 1)}
    spans = [s for s in spans if not _part_of_longer_name(text, s, tokens, covered, skip)]
    spans = _without_split_names(text, tokens, spans)
    return _without_newspapers(text, tokens, _without_fused_words(text, tokens, spans))


_OF = frozenset({"de", "du", "des", "d'", "d’"})


def _with_generic(
    text: str, tokens: list[Token], span: Span, known: Callable[[str], bool], before: int
) -> Span:
    """French "bande de Gaza", "lac de Tibériade", "campagne de Damas": a lower-case generic word
    and "de" before a name make one place with it, when the gazetteer knows the whole (not a
    token of the span `before` ends on). Not a word of a kind of place ("base d'Aïn al-Asad",
    "province de Dhi Qar"): the place is the name's, which the word only qualifies."""
    first = span.first - 2
    if first <= before or tokens[span.first - 1].text.lower() not in _OF:
        return span
    generic = tokens[first]
    if generic.cap or not generic.text.isalpha() or not _joined(text, generic, tokens[first + 1]):
        return span
    if any(p.search(text, max(0, generic.start - 40), span.start) for p in BEFORE.values()):
        return span
    surface = text[generic.start : span.end]
    key = fold(surface)
    return Span(generic.start, span.end, surface, key, first, span.last) if known(key) else span


def _without_split_names(text: str, tokens: list[Token], spans: list[Span]) -> list[Span]:
    """A word, then an Arabic article and a word ("Bir al Hamra", "Ras al Ayn"), is one name the
    gazetteer does not know (it knows the whole name first), not two places ("Bir", a town
    abroad, and "al Hamra"): both are dropped. Not French "et" and "en", which join two places
    far more often than they write an article ("Gao et Tombouctou", "Idleb en Syrie")."""
    split: set[int] = set()
    for a, b in zip(spans, spans[1:], strict=False):
        if (
            a.first == a.last
            and b.first == a.last + 1
            and b.last == b.first + 1
            and tokens[b.first].text.lower() in _NAME_ARTICLES
            and text[a.end : b.start].rstrip(_AYN) == " "  # "Tal 'Adah": an ayn's mark
            and tokens[a.last].cap
        ):
            split.update((id(a), id(b)))
    return [s for s in spans if id(s) not in split]


_LEADING = frozenset({"the", *ARTICLES})  # an article before a name ("The Free", "al-")


def _named_unit(
    text: str, tokens: list[Token], i: int, stop: int, known: Callable[[str], bool]
) -> str | None:
    """The key of everyday words that name a unit when its word follows them, "the East
    region", "the North West region" (not "West" alone there): the name with the unit's word,
    else without it, if either is a name."""
    unit = _UNIT_AFTER.match(text, stop)
    if unit is None or (i > 0 and tokens[i - 1].cap and _joined(text, tokens[i - 1], tokens[i])):
        return None
    surface = text[tokens[i].start : stop]
    for key in (fold(f"{surface} {unit.group(1)}"), fold(surface)):
        if key and known(key):
            return key
    return None


def _unit_name(tokens: list[Token]) -> bool:
    """Everyday words ending in a unit's word ("Eastern Province", "Northern State"), not an
    article and the unit's word alone ("The State")."""
    words = tokens[1:] if tokens[0].text.lower() in _LEADING else tokens
    return len(words) >= 2 and words[-1].text.lower() in UNIT_TAILS


def _common(tokens: list[Token], span: Span, common: Container[str]) -> bool:
    """Whether the span is one everyday word of `common`, maybe after an article ("The Free")."""
    first = span.first
    if first < span.last and tokens[first].text.lower() in _LEADING:
        first += 1
    return first == span.last and tokens[first].text.lower() in common


_NUMBER_AFTER = re.compile(r"[ \u00a0]*(?:No\.?|N°|#)?[ \u00a0]*\d")


def _works(text: str, tokens: list[Token], span: Span) -> bool:
    """A works' word before its number ("Mine 6/7", "Checkpoint No. 3") or after the name of
    the town it serves ("Mosul Dam") is the works' name, not a place named "Dam"."""
    if span.first != span.last or span.text.lower() not in FACILITIES:
        return False
    before = tokens[span.first - 1] if span.first > 0 else None
    return bool(_NUMBER_AFTER.match(text, span.end)) or (
        before is not None and before.cap and _joined(text, before, tokens[span.first])
    )


def _without_newspapers(text: str, tokens: list[Token], spans: list[Span]) -> list[Span]:
    """A place's name before a newspaper's word ("the Jerusalem Post", "Libya Herald") names
    the newspaper, which tells where nothing happened; the word itself is no place either."""
    papers = {
        i
        for i in range(1, len(tokens))
        if tokens[i].text.lower() in NEWSPAPERS
        and tokens[i - 1].cap
        and _joined(text, tokens[i - 1], tokens[i])
    }
    return [s for s in spans if s.last + 1 not in papers and s.first not in papers]


def _without_fused_words(text: str, tokens: list[Token], spans: list[Span]) -> list[Span]:
    """Two one-word names side by side ("Salt Spring", "Rock Spring"), or a name and one word
    after it ("Villa Nueva Salta"), are one name we do not know, not two places: both are
    dropped."""
    fused: set[int] = set()
    for a, b in zip(spans, spans[1:], strict=False):
        if (
            b.first == a.last + 1
            and b.first == b.last
            and text[a.end : b.start].rstrip(_AYN) == " "  # "Tal 'Adah": an ayn's mark
            and tokens[a.last].cap
            and tokens[b.first].cap
            and not _possessive(tokens[a.last].text)  # "Tabriz's Marand"
        ):
            fused.update((id(a), id(b)))
    return [s for s in spans if id(s) not in fused]


def _part_of_longer_name(
    text: str, span: Span, tokens: list[Token], covered: set[int], skip: frozenset[str]
) -> bool:
    """A lone word inside a longer capitalised name we do not know ("Nicolas Maduro", "Nga
    Tauk Tu"), or after a title ("President Nicolas"), is no place of its own; nor is a name
    that begins an armed group's or a party's ("the Tabriz Brigade", "the Kerman Islamic Party")."""
    nxt = span.last + 1
    if (
        not _possessive(tokens[span.last].text)
        and nxt < len(tokens)
        and _joined(text, tokens[span.last], tokens[nxt])
        and _institution(tokens, nxt, BODIES)
    ):
        return True
    first = span.first
    if span.last == first + 1 and tokens[first].text.lower() in ARTICLES:
        first += 1  # "Ahrar Al Sham": an article and one word are one word of a longer name
    if first != span.last:
        return False
    before = tokens[span.first - 1] if span.first > 0 else None
    nxt = span.last + 1
    while (
        nxt + 1 < len(tokens)
        and tokens[nxt].particle
        and _joined(text, tokens[nxt - 1], tokens[nxt])
    ):
        nxt += 1  # "Bir al Hamra": look past the particles for the rest of the name
    after = tokens[nxt] if nxt < len(tokens) else None
    if before is not None and (_possessive(before.text) or _HELD_BY.search(before.text)):
        before = None  # "Mali's Gao", "LNA-controlled Sirte"
    if _possessive(tokens[span.last].text) or _institution(tokens, nxt):
        after = None  # "Tabriz's Grand Bazaar", "Tabriz Tractor Company"
    for tok, n in ((before, span.first - 1), (after, nxt)):
        if tok is None or not tok.cap or n in covered:
            continue
        left, right = (tok, tokens[span.first]) if tok is before else (tokens[n - 1], tok)
        if not _joined(text, left, right):
            continue
        lower = tok.text.lower()
        if tok is before and lower in TITLES:
            return True
        folded = fold(tok.text)
        # a stop word by its folded form only when folding dropped no letter ("Maar", a word of
        # "Maar X", is no "Mar")
        if lower not in skip and (folded not in skip or len(folded) < len(lower)):
            return True
    return False


def _possessive(word: str) -> bool:
    return word[-2:] in ("'s", "’s")


def _institution(tokens: list[Token], first: int, heads: frozenset[str] = INSTITUTIONS) -> bool:
    """Whether the capitalised words from tokens[first] (up to three) end a body's name
    (`heads`: its last words)."""
    for tok in tokens[first : first + 3]:
        if not tok.cap:
            return False
        if tok.text.lower().rstrip(".") in heads:
            return True
    return False


def _longest(
    text: str,
    tokens: list[Token],
    i: int,
    known: Callable[[str], bool],
    skip: frozenset[str],
    heads: Callable[[str], bool] | None = None,
    countries: Container[str] = frozenset(),
) -> Span | None:
    last = i
    ends = []
    while last < len(tokens) and last - i < MAX_TOKENS:
        tok = tokens[last]
        if last > i and not _joined(text, tokens[last - 1], tok):
            break
        if not (tok.cap or tok.particle or _inner_a(tokens, last, i)):
            break
        if tok.cap:
            ends.append(last)
        last += 1
    for end in reversed(ends):
        start, stop = tokens[i].start, tokens[end].end
        surface = text[start:stop]
        if _possessive(surface) and len(surface) > 4:  # "Hama's northern countryside"
            bare = surface[:-2]
            key = fold(bare)  # (a country's is said of it, not where: "Syria's war")
            if key and known(key) and key not in countries and key not in skip:
                return Span(start, stop - 2, bare, key, i, end)
            if key in countries:  # "Mali's" is no "Malis"
                continue
        if end == i and (_skipped(tokens[i], skip) or tokens[i].text.lower() in ARTICLES):
            if unit := _named_unit(text, tokens, i, stop, known):
                return Span(start, stop, surface, unit, i, end)
            continue
        if (
            end > i
            and all(_skipped(t, skip) or t.particle for t in tokens[i : end + 1])
            and fold(surface) not in countries  # "West Bank": common words, a country's name
            and not _unit_name(tokens[i : end + 1])  # "Eastern Province": a unit's name
        ):
            if unit := _named_unit(text, tokens, i, stop, known):
                return Span(start, stop, surface, unit, i, end)
            continue
        key = fold(surface)
        if key and not known(key):  # "Tikreet": ee and oo for long ī and ū
            key = fold_long(surface) or key
        if key and known(key):
            return Span(start, stop, surface, key, i, end)
        if "-" in surface:  # "Pyeong-taek" for "Pyeongtaek" (not for an alternate name)
            key = fold(surface.replace("-", ""))
            if key and (heads or known)(key):
                return Span(start, stop, surface, key, i, end)
    return _hyphen_head(tokens[i], i, heads or known, skip)


# "Saudi-led coalition", "Iran-backed militias": who leads or backs, not where
_LED = frozenset(
    ["led", "backed", "sponsored", "brokered", "trained", "funded", "allied", "aligned",
     "affiliated", "supported", "linked", "armed", "made"]
)  # fmt: skip


def _hyphen_head(
    tok: Token, i: int, known: Callable[[str], bool], skip: frozenset[str]
) -> Span | None:
    """'Kinshasa-Gombe', 'Zagreb-Centar': a known town before a hyphenated quarter (`known`:
    the names that may begin such a name: not "Ceel-Jaale" for Eyl, also called "Ceel")."""
    head, _, tail = tok.text.partition("-")
    if not tail or len(head) < 4 or head.lower() in skip or tail.lower() in _LED:
        return None
    key = fold(head)
    if key and known(key):
        return Span(tok.start, tok.start + len(head), head, key, i, i)
    return None


def _inner_a(tokens: list[Token], k: int, first: int) -> bool:
    """Spanish and Portuguese "a" between two capitalised words of a name ("San Giorgio a Cremano");
    not a particle elsewhere (an English article before a name ends the name before it)."""
    return (
        tokens[k].text == "a"
        and k > first
        and k + 1 < len(tokens)
        and tokens[k - 1].cap
        and tokens[k + 1].cap
    )


def _skipped(tok: Token, skip: frozenset[str]) -> bool:
    return fold(tok.text) in skip or tok.text.lower() in skip


def _joined(text: str, left: Token, right: Token) -> bool:
    """Only spaces, or a hyphen, between two tokens of one name; the second may open with the
    mark of an ayn or a hamza ("Tal 'Adah", "Bir ‘Ali")."""
    gap = text[left.end : right.start]
    return len(gap) <= 3 and gap.rstrip(_AYN).strip(" -\u00a0") == "" and not gap.startswith(_AYN)


_AYN = "'’‘ʿʾ`"
