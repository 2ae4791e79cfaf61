"""Texts and helpers shared by the ingest tests (imported as `ingest_samples`).

Every text here was written for these tests and describes fictional incidents in fictional places.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from eventdesk.ingest import RawDocument, Rejected, read_inputs

FRENCH = (
    "Des heurts ont opposé jeudi soir des manifestants aux forces de l'ordre à "
    "Saint-Aubin-des-Landes, une commune du Morbihan. Selon la préfecture, deux gendarmes ont "
    "été légèrement blessés et onze personnes interpellées. Les manifestants protestaient contre "
    "la fermeture de l'hôpital, décidée à l'été. « Nous ne lâcherons rien », a déclaré une élue."
)
ARABIC = (
    "اندلعت اشتباكات عنيفة مساء الثلاثاء في مدينة الوادي الأخضر بين قوات الأمن ومحتجين غاضبين. "
    "وقالت مصادر طبية إن ثلاثة أشخاص أصيبوا بجروح طفيفة ونقلوا إلى المستشفى. "
    "وأعلنت السلطات المحلية فرض حظر تجول ليلي حتى إشعار آخر. "
    "وطالب سكان الحي بفتح تحقيق مستقل في الأحداث التي استمرت حتى ساعات الفجر."
)
ENGLISH = (
    "Police in the port town of Norrick said on Monday that two people were injured when a "
    "crowd set fire to tyres outside the harbour office. Dock workers have been on strike for "
    "three weeks over unpaid wages, and the union called for another march on Friday."
)


def page(
    body: str,
    *,
    head: str = "",
    lang: str = "en",
    title: str = "Norrick dockers clash with police",
) -> str:
    """A small but complete news page around `body` (paragraphs of HTML)."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{title}</title>{head}</head><body>"
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>All rights reserved.</footer></body></html>\n"
    )


def paragraphs(text: str) -> str:
    return "".join(f"<p>{sentence}.</p>" for sentence in text.rstrip(".").split(". "))


Items = list[RawDocument | Rejected]


def read(paths: Iterable[str | Path], **kwargs: object) -> Items:
    """Everything read_inputs yields for `paths`, as a list."""
    return list(read_inputs([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


def docs(items: Items) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def rejects(items: Items) -> list[Rejected]:
    return [item for item in items if isinstance(item, Rejected)]
