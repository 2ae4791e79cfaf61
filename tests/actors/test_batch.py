"""find_actors finds every mention of short reports read in a batch (the lexicons are built once).

Speed is measured by `eventdesk bench`, never by a timed test."""

from __future__ import annotations

from eventdesk.actors import find_actors

NOTES = {
    "en": [
        "On 3 May, unidentified gunmen attacked Iraqi security forces near a checkpoint; two soldiers "
        "and a civilian were killed, police said. Islamic State militants later claimed the attack.",
        "Hundreds of protesters gathered in front of the governor's office; riot police fired tear gas "
        "and arrested several demonstrators, while rioters burned tyres on the main road.",
        "Turkish warplanes struck positions of the PKK in the north, according to the ministry. The "
        "Syrian Democratic Forces reported clashes with Turkish-backed fighters near the river.",
    ],
    "fr": [
        "Des hommes armés ont attaqué un poste de l'armée malienne près de la frontière ; les FAMa "
        "ont riposté, selon les forces de sécurité. Des jihadistes ont revendiqué l'attaque.",
        "Des manifestants ont été dispersés par les policiers ; des émeutiers ont incendié une mairie.",
    ],
    "ar": [
        "هاجم مسلحون مجهولون نقطة للجيش العراقي، وقالت الشرطة إن مدنيين قتلوا في الهجوم الذي "
        "تبناه تنظيم داعش، فيما تظاهر محتجون أمام مبنى المحافظة.",
    ],
}


def test_a_batch_finds_the_same_mentions_every_time() -> None:
    batch = [(lang, note) for lang, notes in NOTES.items() for note in notes] * 50
    found = [len(find_actors(note, lang=lang)) for lang, note in batch]
    assert sum(found) == 28 * 50  # every note has its mentions, read after read
