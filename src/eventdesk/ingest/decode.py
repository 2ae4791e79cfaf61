"""Bytes to text: UTF-8 first, then a declared charset, then charset-normalizer's best guess.

A guess is accepted only if it reads as text; bytes that are no text (NUL bytes, control bytes,
nothing plausible) raise errors.DecodeError saying why.
"""

from __future__ import annotations

import codecs
import unicodedata

import charset_normalizer
from charset_normalizer.models import CharsetMatch

from eventdesk.errors import DecodeError

UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
MAX_CONTROL_RATIO = 0.01  # control characters (other than whitespace) allowed in text
PLAUSIBLE_SAMPLE = 65_536  # characters checked by _plausible
# Encodings preferred when charset-normalizer finds several that read the bytes about as well:
# the Western and Arabic encodings of the languages eventdesk reads (fr, en, ar).
PREFERRED = ("cp1252", "latin_1", "iso8859_15", "cp1256", "iso8859_6")
TIE_CHAOS = 0.01
TIE_COHERENCE = 0.1
_WHITESPACE_CONTROLS = frozenset("\t\n\r\f\v\x1b")  # control characters text may have
_CONTROL_BYTES = bytes(b for b in range(32) if chr(b) not in _WHITESPACE_CONTROLS) + b"\x7f"
# Labels that browsers read as Windows-1252 (the WHATWG Encoding Standard).
_AS_CP1252 = frozenset({"latin-1", "latin1", "iso-8859-1", "iso8859-1", "ascii", "us-ascii"})


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Decode `data` to text, or raise DecodeError.

    Order: a BOM; UTF-8; the `declared` charset (HTTP header or <meta charset>) if it decodes
    to plausible text; charset-normalizer's best guess if that is plausible text.
    """
    if data.startswith(codecs.BOM_UTF8) and (text := _try(data[3:], "utf-8")) is not None:
        return text
    if data.startswith(UTF16_BOMS):
        if (text := _try(data, "utf-16")) is None:
            raise DecodeError("starts with a UTF-16 byte-order mark but is not valid UTF-16")
        return text
    _reject_binary(data)
    if (text := _try(data, "utf-8")) is not None:
        return text
    if declared and (text := _try(data, _codec_for(declared))) is not None and _plausible(text):
        return text
    return _guess(data)


def _guess(data: bytes) -> str:
    """charset-normalizer's best decoding of `data`, if it reads as text."""
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise DecodeError(f"bytes that are no text: no encoding fits (starts {data[:24]!r})")
    best = _preferred(matches)
    text = str(best)
    if not _plausible(text):
        raise DecodeError(
            f"bytes that are no text: best guess {best.encoding!r} gives {text[:24]!r}"
        )
    return text


def _preferred(matches: list[CharsetMatch]) -> CharsetMatch:
    """The first match, unless a PREFERRED encoding reads the bytes about as well.

    Short Latin text often ties between cp1250 and cp1252 ("û" or "ű"?): cp1252 wins the tie.
    """
    best = matches[0]
    close = {
        m.encoding: m
        for m in matches
        if m.chaos <= best.chaos + TIE_CHAOS and m.coherence >= best.coherence - TIE_COHERENCE
    }
    return next((close[name] for name in PREFERRED if name in close), best)


def _reject_binary(data: bytes) -> None:
    """Raise DecodeError if `data` has a NUL byte or too many control bytes to be text."""
    problem = binary_evidence(data)
    if problem is not None:
        raise DecodeError(f"binary data, not text: {problem}")


def binary_evidence(data: bytes) -> str | None:
    """Why `data` cannot be text (a NUL byte, many control bytes), or None if it could be."""
    nul = data.find(b"\x00")
    if nul >= 0:
        return f"NUL byte at offset {nul}"
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > max(2, len(data) * MAX_CONTROL_RATIO):
        return f"{controls} control bytes in {len(data)}"
    return None


def _plausible(text: str) -> bool:
    """True if `text` has letters and almost no control, private-use or unassigned characters."""
    text = text[:PLAUSIBLE_SAMPLE]
    if not any(ch.isalpha() for ch in text):
        return False
    odd = sum(1 for ch in text if _is_odd(ch))
    return odd <= len(text) * MAX_CONTROL_RATIO


def _is_odd(ch: str) -> bool:
    if ch in _WHITESPACE_CONTROLS or ch == "\ufeff":
        return False
    return ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs")


def _codec_for(label: str) -> str:
    """The Python codec for a charset label, Latin-1 read as Windows-1252 like browsers do."""
    label = label.strip().lower()
    return "cp1252" if label in _AS_CP1252 else label


def _try(data: bytes, codec: str) -> str | None:
    """`data` decoded with `codec`, or None if the codec is unknown or the bytes do not fit."""
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
