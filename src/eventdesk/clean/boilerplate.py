"""Boilerplate learned from repetition: a line that recurs across one outlet's documents.

Pure helpers; the counts live in the store (see store.boilerplate). A line is boilerplate for an
outlet once it has been seen in `min_docs` distinct documents of that outlet. A document most of
whose lines the outlet has already printed is a reprint or an update of an earlier article, not
evidence that those lines are boilerplate: `teaches(...)` says whether to learn from it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

_NON_WORD_EDGES = re.compile(r"^\W+|\W+$")
_DIGITS = re.compile(r"\d")
_SPACES = re.compile(r"\s+")

REPRINT_SHARE = 0.5  # a document whose other lines are more than half known is a reprint


def line_key(text: str) -> str:
    """A short stable key for a line: case-folded, digits as 0, edges' punctuation dropped."""
    norm = _SPACES.sub(" ", _DIGITS.sub("0", _NON_WORD_EDGES.sub("", text.casefold())))
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


def outlet_key(
    source: str | None, url: str | None, group: str | None, footer: str | None = None
) -> str:
    """Which documents share boilerplate: the outlet if known, else the site, else the folder."""
    if source:
        return "outlet:" + _SPACES.sub(" ", source.casefold().strip())
    if footer:
        return "outlet:" + _SPACES.sub(" ", footer.casefold().strip())
    if url:
        host = urlsplit(url).hostname or ""
        if host:
            return "site:" + host.removeprefix("www.")
    return "group:" + (group or "-")


def teaches(keys: Iterable[str], counts: Mapping[str, int], min_docs: int) -> bool:
    """Whether a document's lines should be counted (False for a reprint of a known article)."""
    keys = set(keys)
    content = [k for k in keys if counts.get(k, 0) < min_docs]
    if len(content) < 2:
        return True
    known = sum(1 for k in content if counts.get(k, 0) > 0)
    return known / len(content) <= REPRINT_SHARE
