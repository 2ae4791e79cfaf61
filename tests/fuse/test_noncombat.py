"""Whether it was an attack at all: a source that calls a death non-combat is a competing claim
about the incident another source reports; the fused event is disputed on its kind. Alone, such
a statement is no event."""

from __future__ import annotations

import pytest

from eventdesk import fuse
from eventdesk.records import Document

ATTACK = ("a", "en", "2024-09-11", "Gunmen killed a soldier at a checkpoint in Kidal on Tuesday, residents said.")  # fmt: skip
DENIAL = ("b", "fr", "2024-09-12", "L'armée malienne a indiqué mercredi qu'un soldat a été tué mardi dans un accident de la route à Kidal, démentant toute attaque.")  # fmt: skip
ELSEWHERE = ("c", "fr", "2024-09-12", "Un soldat a été tué mardi dans un accident de la route à Gao, selon l'armée.")  # fmt: skip


def _reports(doc_id: str, lang: str, published: str, text: str) -> list[fuse.Report]:
    from eventdesk.code import code_document
    from eventdesk.geo import Gazetteer

    doc = Document(id=doc_id, text=text, clean=text, offsets=((0, 0, len(text)),),
                   content_hash=doc_id, published=published, language=lang)  # fmt: skip
    coded = code_document(doc, Gazetteer.open())
    return fuse.reports_of(doc, coded.events, Gazetteer.open(), coded.noncombat)


@pytest.mark.slow
def test_a_death_called_non_combat_disputes_the_attack_another_source_reports() -> None:
    denial = _reports(*DENIAL)
    assert denial and all(r.noncombat for r in denial)  # the code stage keeps it apart
    (event,) = fuse.fuse(_reports(*ATTACK) + denial)
    assert event.disputed and "event_type" in event.disputed_fields
    assert {s.doc_id for s in event.sources} == {"a", "b"}
    assert ("event_type", "Non-combat", ("b",)) in {
        (s.field, s.value, s.doc_ids) for s in event.support
    }
    assert event.event_type.value == "Battles"  # the incident as the other source tells it


@pytest.mark.slow
def test_alone_or_elsewhere_it_is_no_event_and_disputes_nothing() -> None:
    assert fuse.fuse(_reports(*DENIAL)) == []
    (event,) = fuse.fuse(_reports(*ATTACK) + _reports(*ELSEWHERE))
    assert not event.disputed and {s.doc_id for s in event.sources} == {"a"}
