"""Text hygiene: Unicode normalisation, whitespace, quotes, one paragraph per line; offsets kept.

Assigns nothing to a record: `paragraphs(raw)` returns the raw text's paragraphs as MappedText,
each a single line, NFKC-normalised, with non-breaking and odd spaces turned into plain spaces,
runs of whitespace collapsed, curly apostrophes made straight, invisible format characters
(zero-width, bidi marks, soft hyphen, Arabic tatweel) dropped. Hard-wrapped lines of one
paragraph are joined.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from eventdesk.clean.textmap import MappedText, TextBuilder

# Characters replaced by a fixed string (an empty string drops them).
_TABLE = {
    "\u2019": "'", "\u2018": "'", "\u201b": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u200e": "", "\u200f": "", "\u2060": "",
    "\u202a": "", "\u202b": "", "\u202c": "", "\u202d": "", "\u202e": "",
    "\u2066": "", "\u2067": "", "\u2068": "", "\u2069": "", "\ufeff": "", "\u00ad": "",
    "\u0640": "",  # Arabic tatweel (kashida): typographic stretching, not a letter
}  # fmt: skip
_LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]")
_SPECIAL = re.compile("[" + "".join(_TABLE) + r"\s]|[^\x00-\x7f]")
_EVERY = re.compile(r".", re.DOTALL)  # decomposed text: every character starts a cluster
_END_OF_SENTENCE = re.compile(r"[.!?:;»\"')\]…؟۔]$")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the raw text after hygiene; `blank_before` tells a paragraph break."""

    mapped: MappedText
    blank_before: bool


@lru_cache(maxsize=4096)
def _norm(cluster: str) -> str:
    if len(cluster) == 1 and cluster in _TABLE:
        return _TABLE[cluster]
    if cluster.isspace():
        return " "
    out = unicodedata.normalize("NFKC", cluster)
    return "".join(_TABLE.get(c, c) for c in out)


def normalise_line(raw: str, start: int, end: int) -> MappedText:
    """raw[start:end] (one line) normalised, whitespace collapsed and stripped."""
    b = TextBuilder()
    pending_space: int | None = None  # raw offset of a whitespace run not yet written
    i = start
    composed = unicodedata.is_normalized("NFC", raw[start:end])
    for m in _SPECIAL.finditer(raw, start, end) if composed else _EVERY.finditer(raw, start, end):
        j = m.start()
        if j < i:
            continue
        if j > i:
            if pending_space is not None and b.length:
                b.put(" ", pending_space, pending_space + 1)
            pending_space = None
            b.copy(raw, i, j)
        k = j + 1
        while k < end and unicodedata.combining(raw[k]):
            k += 1
        cluster = raw[j:k]
        out = _norm(cluster)
        if out == " ":
            if pending_space is None:
                pending_space = j
        elif out:
            if pending_space is not None and b.length:
                b.put(" ", pending_space, pending_space + 1)
            pending_space = None
            if out == cluster:
                b.copy(raw, j, k)
            else:
                b.put(out, j, k)
        i = k
    if i < end:
        if pending_space is not None and b.length:
            b.put(" ", pending_space, pending_space + 1)
        b.copy(raw, i, end)
    return b.build()


def lines(raw: str) -> list[Line]:
    """The non-empty lines of raw, normalised, each knowing whether a blank line preceded it."""
    out: list[Line] = []
    blank = False
    pos = 0
    for m in _LINE_BREAK.finditer(raw):
        blank = _add(out, raw, pos, m.start(), blank)
        pos = m.end()
    _add(out, raw, pos, len(raw), blank)
    return out


def _add(out: list[Line], raw: str, start: int, end: int, blank: bool) -> bool:
    mapped = normalise_line(raw, start, end)
    if not mapped.text:
        return True
    out.append(Line(mapped, blank or not out))
    return False


def paragraphs(raw: str) -> list[MappedText]:
    """One MappedText per paragraph: hard-wrapped lines of a paragraph are joined with a space.

    A line continues the previous one when no blank line separates them, the previous line does not
    end a sentence and this one starts with a lower-case letter or a digit.
    """
    out: list[MappedText] = []
    for line in lines(raw):
        text = line.mapped.text
        if out and not line.blank_before and _continues(out[-1].text, text):
            out[-1] = join([out[-1], line.mapped], " ")
        else:
            out.append(line.mapped)
    return out


def _continues(prev: str, text: str) -> bool:
    return not _END_OF_SENTENCE.search(prev) and (text[0].islower() or text[0].isdigit())


def join(pieces: list[MappedText], sep: str) -> MappedText:
    """Concatenate mapped pieces with `sep`, which points at the end of the piece before it."""
    b = TextBuilder()
    for n, piece in enumerate(pieces):
        if n and sep:
            end = pieces[n - 1].raw_span(0, len(pieces[n - 1].text))[1]
            b.put(sep, end, end)
        shift = b.length
        for s, r, ln in piece.runs:
            b.runs.append((s + shift, r, ln))
        b.parts.append(piece.text)
        b.length += len(piece.text)
        b.raw_end = piece.raw_end
    return b.build()
