"""Which paragraphs are page clutter, and why.

`classify(texts, boilerplate)` returns, for each paragraph, None to keep it or the reason it is
clutter: teaser, share, caption, source-line, breadcrumb, header-scrap, footer-scrap, boilerplate.
Pure: the learned boilerplate keys are passed in.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

from eventdesk.clean.boilerplate import line_key
from eventdesk.clean.rules import Rules, load_rules

_TEASER_TAIL = re.compile(r"\s*(?:[:\-–—»>|،]|$)")
_BREADCRUMB_SEP = re.compile(r"\s[>›»/|]\s")
MAX_BOILERPLATE = 600  # a longer paragraph is an article's own text, however often it is reprinted
_SCRAP = re.compile(r"^[^\d.!?:;,]{1,25}$")


def classify(texts: Sequence[str], boilerplate: Container[str] = ()) -> list[str | None]:
    rules = load_rules()
    reasons: list[str | None] = [_rule(t, rules) for t in texts]
    for i, text in enumerate(texts):
        if reasons[i] == "teaser" and _bare_teaser(text, rules) and i + 1 < len(texts):
            reasons[i + 1] = reasons[i + 1] or "teaser"  # "Lire aussi" alone: the title follows
        elif reasons[i] is None and len(text) <= MAX_BOILERPLATE and line_key(text) in boilerplate:
            reasons[i] = "boilerplate"
    for i, text in enumerate(texts[:3]):
        if reasons[i] is None and len(_BREADCRUMB_SEP.findall(text)) >= 1 and _short_parts(text):
            reasons[i] = "breadcrumb"
    _scraps(texts, reasons, range(len(texts)), "header-scrap")
    _scraps(texts, reasons, range(len(texts) - 1, -1, -1), "footer-scrap")
    if all(r is not None for r in reasons):  # learned boilerplate never empties a document
        reasons = [None if r == "boilerplate" else r for r in reasons]
    return reasons


def source_outlet(texts: Sequence[str]) -> str | None:
    """The outlet a "SOURCE: ..." footer names, if any."""
    rules = load_rules()
    for text in reversed(texts):
        for pattern in rules.sources:
            m = pattern.search(text)
            if m:
                return m.group("outlet").strip()
    return None


def _rule(text: str, rules: Rules) -> str | None:
    folded = text.casefold()
    if folded.rstrip(" .:!") in rules.share:
        return "share"
    for prefix in rules.teasers:
        if folded.startswith(prefix) and _TEASER_TAIL.match(folded, len(prefix)):
            return "teaser"
    if any(p.search(text) for p in rules.sources):
        return "source-line"
    if any(p.search(text) for p in rules.captions):
        return "caption"
    return None


def _bare_teaser(text: str, rules: Rules) -> bool:
    return text.casefold().rstrip(" :-»>") in rules.teasers


def _short_parts(text: str) -> bool:
    return all(len(part.split()) <= 4 for part in _BREADCRUMB_SEP.split(text))


def _scraps(texts: Sequence[str], reasons: list[str | None], order: range, reason: str) -> None:
    """Word-only scraps at the top or the bottom ("TV", "Menu", "MIDDLE EAST"), before the first
    line kept: one word, or up to three in capitals."""
    for i in order:
        if reasons[i] is not None:
            continue
        words = texts[i].split()
        if _SCRAP.match(texts[i]) and (len(words) == 1 or (len(words) <= 3 and texts[i].isupper())):
            reasons[i] = reason
            continue
        return
