"""What the fuse stage reads in a text: names and numbers that survive translation, content words,
and a MinHash signature (datasketch) of a document for finding its reprints.

- `anchors(text)`: numbers and proper names, each name reduced to a consonant skeleton so that
  the spellings of one name in French, English and transliterated Arabic meet ("Nassiriya",
  "Nasiriyah" -> "nsry"). These are what a translation keeps.
- `concepts(text, language)`: who, where, by what means, over what (data/fuse/concepts_*.tsv).
- `signature(text)`: MinHash of the word 3-shingles (same-language reprints and wire copies).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import numpy as np
from datasketch import MinHash
from unidecode import unidecode

from eventdesk.fuse.profiles import fold

NUM_PERM = 64
_SEED = 20261124
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,\s]\d{3})*", re.UNICODE)
_VOWELS = re.compile(r"[aeiouy]+")
_REPEAT = re.compile(r"(.)\1+")
_SENTENCE_END = re.compile(r"[.!?:\n\"«»]\s*$")
SKELETON = 4  # characters of a name's skeleton kept


# spellings of one sound in French and English transliterations ("Choughour" / "Shughur",
# "Djibo" / "Jibo", "Irak" / "Iraq")
_DIGRAPHS = (("tch", "c"), ("ch", "c"), ("sh", "c"), ("dj", "j"), ("kh", "k"), ("gh", "g"),
             ("ph", "f"), ("ck", "k"), ("q", "k"))  # fmt: skip
_POSSESSIVE = re.compile(r"['’]s$")


def skeleton(word: str) -> str:
    """A name's consonants, repeated letters once, a final h dropped, transliteration digraphs
    as one letter: "Babylone" -> "bbln" -> "bln"; "Diwaniyah" -> "dwn"; "Iraq's" -> "irk"."""
    latin = fold(unidecode(_POSSESSIVE.sub("", word))).replace("'", "").replace("-", "")
    if latin.endswith("h") and len(latin) > 3:
        latin = latin[:-1]
    for spelled, sound in _DIGRAPHS:
        latin = latin.replace(spelled, sound)
    cons = _REPEAT.sub(r"\1", _VOWELS.sub("", latin[1:]))
    return (latin[:1] + cons)[:SKELETON] if latin else ""


@cache
def _calendar_words() -> frozenset[str]:
    """Month and weekday names: capitalised in English, not in French, so not anchors."""
    out: set[str] = set()
    for name in ("months.tsv", "weekdays.tsv"):
        text = resources.files("eventdesk.data").joinpath("timex", name).read_text("utf-8")
        out.update(
            fold(line.split("\t")[0]).rstrip(".")
            for line in text.splitlines()
            if line.strip() and not line.startswith("#")
        )
    return frozenset(out)


def anchors(text: str, sentence_starts: bool = False, acronyms: bool = True) -> frozenset[str]:
    """Numbers ("#12") and proper names (as skeletons) of a text; a capitalised word that opens a
    sentence counts only with `sentence_starts`, an acronym ("LNA", "JNIM": mostly the name of
    an armed group or a party) only with `acronyms`."""
    out: set[str] = set()
    calendar = _calendar_words()
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token[0].isdigit():
            out.add("#" + re.sub(r"\D", "", token).lstrip("0"))
            continue
        article = _ARTICLE.match(token)
        if article:  # "al-Mayadin", "ash-Shughur": the name after its article
            token = token[article.end() :]
        if not token[:1].isupper() or len(token) < 3:
            continue
        if fold(token) in calendar or not sentence_starts and _sentence_start(text, m.start()):
            continue
        if token in _GENERIC_PLACE or not acronyms and token.isupper():
            continue
        key = skeleton(token)
        if len(key) >= 2:
            out.add(key)
    return frozenset(out)


# a preposition of place, or a word for a kind of place and "of", then a capitalised name:
# "in Kakapora", "près de Boulkessi", "in the area of Oleksandrivka", "la région de Diffa"
# ("of" and "de" alone mostly say whose, not where: "the Ministry of Defence", "l'EI")
_KIND_OF = (
    r"(?:area|areas|town|village|villages|city|district|province|region|outskirts|vicinity|"
    r"suburbs?|neighbou?rhood|municipality|county|governorate|state|km|kilometres|kilometers|"
    r"north|south|east|west|northeast|northwest|southeast|southwest|"
    r"ville|localité|localités|villages?|commune|région|province|préfecture|département|cercle|"
    r"quartier|environs|périphérie|sortie|abords|kilomètres|nord|sud|est|ouest|nord-est|"
    r"nord-ouest|sud-est|sud-ouest|banlieue|secteur|zone|axe)"
)
# verbs whose object is the place struck: "attacked Danhono", "ont attaqué Kafolo"
_STRUCK = (
    r"(?:attacked|raided|stormed|invaded|overran|shelled|bombed|ambushed|"
    r"attaqué|attaquée|attaquées|attaqués|pris d'assaut|envahi|pilonné|bombardé)"
)
_LOCATIVE = re.compile(
    r"\b(?:in|near|at|outside|around|from|into|towards|à|près d[e']|dans|vers|aux|au|en|"
    + _STRUCK
    + "|"
    + _KIND_OF
    + r"\s+(?:of|de|d'|du|des))\s+"
    r"(?:the\s+|la\s+|le\s+|l')?"
    r"(?P<name>(?:(?:al|el|ad|ed|an|ar|as|ash|at|az|ech|es|et|ez|er|ul)-)?[A-Z][\w'’-]+"
    r"(?:[^\S\n]+(?:(?:al|el|ad|ed|an|ar|as|ash|at|az|ech|es|et|ez|er|ul)-)?[A-Z][\w'’-]+)*)"
)
_ARTICLES = frozenset("al el ad ed an ar as ash at az ech es et ez er ul".split())
_ARTICLE = re.compile(r"^(?:" + "|".join(sorted(_ARTICLES)) + r")-(?=[A-Z])")
# words that say what kind of place a name is, not which ("Zamfara State", "l'État de Borno")
_GENERIC_PLACE = frozenset(
    "State States Province Region Governorate District County Local Government Area City Town "
    "Village Countryside Municipality Territory Department État Etat Région Province Gouvernorat "
    "Préfecture Cercle Commune Département Territoire Ville Village Wilaya Base Airbase Airport "
    "Camp Township Subdivision Sector LGA".split()
)


def name_keys(name: str) -> tuple[str, ...]:
    """The skeletons of a place name's own words (no article, no "State" or "Province"):
    "Jisr ash Shughur" -> ("jsr", "cgr"); "Zamfara State" -> ("zmfr",)."""
    keys = []
    for word in name.replace("-", " ").split():
        if word.lower() in _ARTICLES or word.title() in _GENERIC_PLACE:
            continue
        key = skeleton(word)
        if len(key) >= 2:
            keys.append(key)
    return tuple(keys)


@cache
def _demonyms() -> frozenset[str]:
    """Words for a country's people ("Nigerien", "malien"): they name no place."""
    out: set[str] = set()
    for language in CONCEPT_LANGUAGES:
        name = f"demonyms_{language}.tsv"
        text = resources.files("eventdesk.data").joinpath("actors", name).read_text("utf-8")
        out.update(
            fold(line.split("\t")[0])
            for line in text.splitlines()
            if line.strip() and not line.startswith("#") and " " not in line.split("\t")[0]
        )
    return frozenset(out)


# a capitalised name, then the kind of place it is: "Arimba village", "Badah town"
_NAME_KIND = re.compile(
    r"(?P<name>\b[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+)*)[^\S\n]+"
    r"(?:village|villages|town|city|district|area|neighbou?rhood|suburb|camp|market)\b"
)


def places(text: str) -> frozenset[str]:
    """The names a text gives as where something happened ("in X", "near X", "the town of X",
    "X village"), each as the skeletons of its words."""
    calendar = _calendar_words()
    out = set()
    demonyms = _demonyms()
    found = [*_LOCATIVE.finditer(text), *_NAME_KIND.finditer(text)]
    for m in found:
        words = [w for w in m.group("name").split() if fold(w) not in calendar]
        if not words or words[0].isupper() or fold(words[0].split("-")[-1]) in demonyms:
            continue  # an acronym ("à l'AFP"), a people ("in the Nigerien town of Bosso")
        keys = name_keys(" ".join(words))
        if keys:
            out.add(" ".join(keys))
    return frozenset(out)


def _sentence_start(text: str, offset: int) -> bool:
    before = text[max(0, offset - 3) : offset]
    return offset == 0 or bool(_SENTENCE_END.search(before))


@cache
def _concept_patterns(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(concept, pattern of its words) of a language's concepts file (data/fuse)."""
    files = resources.files("eventdesk.data").joinpath("fuse")
    name = f"concepts_{language}.tsv"
    if not files.joinpath(name).is_file():
        return ()
    by_concept: dict[str, list[str]] = {}
    for line in files.joinpath(name).read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, concept = line.split("\t")[:2]
            by_concept.setdefault(concept.strip(), []).append(pattern)
    return tuple(
        (c, re.compile(r"\b(?:" + "|".join(ps) + r")\b", re.IGNORECASE))
        for c, ps in sorted(by_concept.items())
    )


CONCEPT_LANGUAGES = ("en", "fr")


def concepts(text: str, language: str | None) -> frozenset[str]:
    """The concepts ("who:students", "at:market", "by:ambush", "over:pay") a text tells, in its
    language's words (every language's when it is not known)."""
    languages = (language,) if language in CONCEPT_LANGUAGES else CONCEPT_LANGUAGES
    return frozenset(
        c for lang in languages for c, rx in _concept_patterns(lang) if rx.search(text)
    )


def length(text: str) -> int:
    """Words of a text."""
    return sum(1 for _ in _TOKEN.finditer(text))


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme="affine32").permutations  # type: ignore[no-any-return]


def signature(text: str) -> tuple[int, ...]:
    """MinHash (64 permutations) of a text's word 3-shingles."""
    tokens = [fold(t) for t in _TOKEN.findall(text)]
    shingles = {" ".join(tokens[i : i + 3]).encode("utf-8") for i in range(max(1, len(tokens) - 2))}
    m = MinHash(num_perm=NUM_PERM, permutations=_permutations(), scheme="affine32")
    m.update_batch(sorted(shingles))
    return tuple(int(v) for v in m.hashvalues)


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the shingle sets two signatures were made from."""
    if not a or not b:
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
