"""Boilerplate learned from repetition: a line that recurs across one outlet's documents.

Pure helpers; the counts live in the store (see store.boilerplate). A line is boilerplate for an
outlet once it has been seen in `min_docs` distinct documents of that outlet. A document most of
whose lines the outlet has already printed is a reprint or an update of an earlier article, not
evidence that those lines are boilerplate: `teaches(...)` says whether to learn from it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

_NON_WORD_EDGES = re.compile(r"^\W+|\W+$")
_SPACES = re.compile(r"\s+")

REPRINT_SHARE = 0.5  # a document whose other lines are more than half known is a reprint


def line_key(text: str) -> str:
    """A short stable key for a line: case-folded, spaces collapsed, edges' punctuation dropped.

    Digits are kept: two reports that differ only in their numbers ("3 killed", "5 killed") are
    two reports, not a repeated line."""
    norm = _SPACES.sub(" ", _NON_WORD_EDGES.sub("", text.casefold()))
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


def teaches(lines: Mapping[str, int], counts: Mapping[str, int], min_docs: int) -> bool:
    """Whether a document's lines should be counted (False for a reprint of a known article).

    `lines` maps each line key to the line's length. Lines already boilerplate are left out; of the
    rest, if more than half the text (by characters) was already printed by the outlet, the
    document repeats an earlier one.
    """
    content = {k: n for k, n in lines.items() if counts.get(k, 0) < min_docs}
    total = sum(content.values())
    if len(content) < 2 or not total:
        return True
    known = sum(n for k, n in content.items() if counts.get(k, 0) > 0)
    return known / total <= REPRINT_SHARE
