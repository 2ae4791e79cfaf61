"""Language identification: right on one-line reports, per paragraph, the input's language first."""

from __future__ import annotations

import pytest

from eventdesk import config, lang, pipeline
from eventdesk.ingest.base import RawDocument
from eventdesk.records import Document

# One-line reports, the shortest texts eventdesk reads. The low-accuracy mode of lingua calls
# "Students marched in Algiers." and "Al Shabaab attacked an AMISOM base." French.
SHORT = [
    ("Students marched in Algiers.", "en"),
    ("Al Shabaab attacked an AMISOM base.", "en"),
    ("Police arrested two men in Mosul.", "en"),
    ("Rebels shelled the town overnight.", "en"),
    ("A drone strike hit a car in Marib.", "en"),
    ("Armed men abducted 12 villagers in Zamfara.", "en"),
    ("Des hommes armés ont tué un berger.", "fr"),
    ("Deux soldats tués près de Djibo.", "fr"),
    ("Manifestation des enseignants à Bamako.", "fr"),
    ("قتل جنديان في هجوم قرب الموصل.", "ar"),
    ("انفجرت عبوة ناسفة في ديالى.", "ar"),
    ("Hombres armados atacaron una comisaría en Guerrero.", "es"),
]


@pytest.mark.parametrize(("text", "code"), SHORT)
def test_one_line_reports(text: str, code: str) -> None:
    assert lang.detect([text]) == code


def test_the_language_of_most_of_the_text_wins() -> None:
    paragraphs = [
        "Reuters",  # too short to count
        "Des hommes armés ont attaqué un poste de gendarmerie dans la nuit de lundi à mardi, "
        "faisant trois morts parmi les gendarmes, selon une source sécuritaire.",
        "Read more: Two soldiers killed near Gao.",
        "Les assaillants ont pris la fuite en direction de la frontière, ont ajouté les "
        "autorités locales, qui ont ouvert une enquête.",
    ]
    assert lang.detect(paragraphs) == "fr"


@pytest.mark.parametrize("paragraphs", [[], ["12 345 -- 2024"], ["---", "..."]])
def test_nothing_recognisable_gives_none(paragraphs: list[str]) -> None:
    assert lang.detect(paragraphs) is None


@pytest.mark.parametrize(
    ("given", "code"),
    [("fr", "fr"), ("fr-FR", "fr"), ("en_GB", "en"), ("English", "en"), ("AR", "ar"),
     ("", None), (None, None), ("12", None)],
)  # fmt: skip
def test_normalise_code(given: str | None, code: str | None) -> None:
    assert lang.normalise_code(given) == code


def test_the_inputs_language_takes_precedence() -> None:
    raw = RawDocument("a", "Two soldiers were killed near Gao on Monday.", "a", "jsonl",
                      language="fr-FR")  # fmt: skip
    doc = pipeline.build(pipeline.prepare(raw), set(), config.load(None))
    assert isinstance(doc, Document) and doc.language == "fr"
    raw = RawDocument("b", raw.text, "b", "jsonl")
    doc = pipeline.build(pipeline.prepare(raw), set(), config.load(None))
    assert isinstance(doc, Document) and doc.language == "en"
