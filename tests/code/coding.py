"""Coding one hand-written text as the code stage does, for the tests of this folder."""

from __future__ import annotations

import datetime as dt

from eventdesk.code import code_document
from eventdesk.geo import Gazetteer
from eventdesk.records import Document, Event

PUBLISHED = "2024-03-06"  # a Wednesday


def events(text: str, lang: str) -> list[Event]:
    """The events of `text` (one paragraph per line, as the cleaned text has them), published
    on PUBLISHED and coded the day after."""
    doc = Document(id="t", text=text, clean=text, offsets=((0, 0, len(text)),),
                   content_hash="t", published=PUBLISHED, language=lang)  # fmt: skip
    return code_document(doc, Gazetteer.open(), dt.date(2024, 3, 7)).events
