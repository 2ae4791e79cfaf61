"""French coding: triggers, cues, names that are no places, places and dates a clause falls back
on. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from eventdesk.code import code_document, facts, fatalities, lexicon, persons
from eventdesk.code.classify import Context, Hit, decide
from eventdesk.errors import ConfigError
from eventdesk.records import DateMethod, Document, EventType, SubEventType

FR = lexicon.load("fr")
TODAY = dt.date(2025, 6, 30)


def _read(text: str, published: dt.date | None = None) -> facts.Sentence:
    masked = persons.mask(text, "fr")
    return facts.read(text, 0, len(text), 0, FR, published, [], [], masked)


def _labels(text: str) -> list[str]:
    return [h.label for h in _read(text).hits]


def _doc(text: str, published: str | None = None, method: DateMethod | None = None) -> Document:
    return Document(
        id="t", text=text, clean=text, offsets=((0, 0, len(text)),), content_hash="h",
        published=published, published_method=method, language="fr",
    )  # fmt: skip


@pytest.fixture(scope="module")
def gaz():  # type: ignore[no-untyped-def]
    from eventdesk.geo import Gazetteer

    return Gazetteer.open()


def _events(gaz, text: str, published: str | None = None, method: DateMethod | None = None):  # type: ignore[no-untyped-def]
    return code_document(_doc(text, published, method), gaz, TODAY).events


# -- triggers ---------------------------------------------------------------------------------


def test_the_longer_trigger_wins_where_two_start_together():
    assert _labels("Un bombardement aérien a visé le marché.") == ["Air/drone strike"]


@pytest.mark.parametrize(
    "text",
    [
        "La manifestation sportive a réuni des milliers de coureurs.",
        "Les pompiers ont fait venir des bombardiers d'eau.",
        "Les hommes étaient armés de grenades et de fusils.",
        "Une tempête s'est abattue sur la côte.",
        "Les crimes de guerre seront jugés.",
        "Des policiers anti-émeute gardaient l'entrée du stade.",
        "Ce délit est réprimé par la loi.",
    ],
)
def test_phrases_that_report_no_incident_hide_the_triggers_inside_them(text):
    assert _labels(text) == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Des casseurs ont saccagé des magasins.", "Violent demonstration"),
        ("Les jeunes ont jeté des pierres sur les policiers.", "Violent demonstration"),
        ("Des centaines de femmes sont descendues dans les rues.", "Peaceful protest"),
        (
            "Les habitants se sont retrouvés devant la mairie pour dénoncer la vie chère.",
            "Peaceful protest",
        ),
        ("Des avions ont largué des bombes sur le village.", "Air/drone strike"),
        ("Les putschistes ont renversé le président.", "Other"),
        ("Un engin explosif désamorcé sur la route.", "Disrupted weapons use"),
        ("Une unité a accroché le groupe au nord de la ville.", "Armed clash"),
        ("Le rassemblement devant la mairie a rapidement dégénéré.", "Violent demonstration"),
        ("La marche des enseignants a tourné à la bagarre.", "Violent demonstration"),
        ("Des lancers de pierre ont visé les gendarmes.", "Violent demonstration"),
        ("Plusieurs vitrines ont été brisées dans le centre.", "Looting/property destruction"),
        ("La police a violemment réprimé les manifestants.", "Protest with intervention"),
        ("Des violences post-élections ont éclaté dans la capitale.", "Violent demonstration"),
    ],
)
def test_french_triggers(text, label):
    assert label in _labels(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Des hommes armés ont mené une prise d'otages dans l'hôtel.",
            "Abduction/forced disappearance",
        ),
        (
            "Trois humanitaires sont retenus en otage depuis mardi.",
            "Abduction/forced disappearance",
        ),
        ("Les parents dénoncent le rapt de leur fils.", "Abduction/forced disappearance"),
        ("Le maire a été séquestré par des inconnus.", "Abduction/forced disappearance"),
        ("L'ONG recense des disparitions forcées d'opposants.", "Abduction/forced disappearance"),
        (
            "Les rebelles ont pilonné le quartier nord toute la nuit.",
            "Shelling/artillery/missile attack",
        ),
        ("Le véhicule du préfet a été mitraillé à la sortie du village.", "@attack"),
        ("Le chauffeur a été retrouvé criblé de balles.", "@attack"),
        ("Deux otages ont été fusillés par leurs geôliers.", "@attack"),
        ("Une escarmouche a opposé les deux milices.", "Armed clash"),
        ("La patrouille est tombée dans un guet-apens.", "Armed clash"),
        ("Des agressions sexuelles ont été signalées dans le camp.", "Sexual violence"),
        ("Deux bergers ont été brûlés vifs dans leur case.", "@attack"),
        ("Le chef du village a été brûlé vif.", "@attack"),
        ("Un passant a été blessé par balle devant la mairie.", "@attack"),
        ("Cinq villageois ont été exécutés sommairement.", "@attack"),
        ("Une manif contre la réforme a réuni des étudiants.", "Peaceful protest"),
        ("Un débrayage a paralysé les ateliers du port.", "Peaceful protest"),
        ("L'armée a lancé une offensive contre les positions rebelles.", "Armed clash"),
        ("Un raid jihadiste a visé le poste de douane.", "@attack"),
        ("Les insurgés se sont emparés de la ville après deux jours.", "@territory"),
        ("La localité est tombée aux mains des rebelles.", "@territory"),
        ("Un EEI a visé le convoi sur la piste.", "Remote explosive/landmine/IED"),
        ("L'assaillant portait une ceinture explosive.", "Suicide bomb"),
        ("Une razzia de bétail a visé le campement.", "Looting/property destruction"),
        ("Un commerçant a été blessé à coups de machette.", "@attack"),
        ("Une rafle a visé les militants du parti.", "Arrests"),
        (
            "Une charge avait été découverte et neutralisée par les démineurs.",
            "Disrupted weapons use",
        ),
    ],
)
def test_more_french_triggers(text, label):
    assert label in _labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "Les hommes étaient équipés de mitrailleuses lourdes.",
        "Les passagers se disent pris en otage par la compagnie aérienne.",
        "Elle a pris la charge de la délégation.",
        "Le favori rafle tous les prix du festival.",
    ],
)
def test_near_misses_of_the_new_triggers_are_none(text):
    assert _labels(text) == []


def test_a_reflexive_clinging_is_no_clash_and_a_retrouvé_alone_no_protest():
    assert _labels("La victime s'est accrochée à une branche.") == []
    assert _labels("Les banques se sont retrouvées à court de réserves.") == []


# -- cues -------------------------------------------------------------------------------------


def _reasons(text: str) -> list[str]:
    return [reason for _, reason in _read(text).dropped]


def test_a_demonstrative_refers_to_an_incident_told_before():
    assert _reasons("Cette explosion a choqué tout le quartier.") == ["anaphora"]


def test_a_demonstrative_with_no_incident_told_before_is_the_first_telling(gaz):
    text = (
        "Le 12 mai 2024, des milliers d'habitants ont arpenté les rues de Dakar. "
        "Cette marche a réuni les syndicats et les associations de quartier."
    )
    (event,) = _events(gaz, text)
    assert (event.country_iso3, event.event_type) == ("SEN", EventType.PROTESTS)


def test_a_demonstrative_after_an_incident_told_before_stays_set_aside():
    told = _read("Une bombe a explosé au marché.")
    back = _read("Cette explosion a choqué tout le quartier.")
    assert facts.antecedents([told, back])[1].hits == ()
    assert [h.label for h in facts.antecedents([back])[0].hits] == ["Remote explosive/landmine/IED"]


def test_an_arrest_for_a_common_crime_is_no_event_but_a_political_one_is():
    assert _reasons("Un trafiquant de drogue a été arrêté à la frontière.") == ["criminal"]
    assert _labels("Un opposant a été arrêté devant son domicile.") == ["Arrests"]


def test_a_denial_voids_the_triggers_after_it():
    text = "Le ministère a démenti avec fermeté des informations faisant état d'une attaque."
    assert _labels(text) == [] and "denial" in _reasons(text)


def test_deaths_by_a_fall_or_in_a_fire_are_non_combat():
    assert _labels("Un ouvrier a été tué par la chute d'un arbre.") == []
    assert _labels("Deux personnes ont été tuées dans un incendie.") == []


# -- fatalities -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Le bombardement a fait plusieurs dizaines de morts.", 12),
        ("On compte deux cents morts.", 200),
        ("Trois mille morts en un mois.", 3000),
        ("Ils ont effectué une marche silencieuse.", None),
    ],
)
def test_number_words_in_a_row_are_one_quantity(text, count):
    toll = fatalities.count(text, FR)
    assert (toll.count if toll else None) == count


# -- names that are no places -----------------------------------------------------------------


def _names(text: str) -> set[str]:
    return {text[a:b].strip() for a, b in persons.spans(text, "fr")}


def test_people_named_after_a_title_a_role_or_before_an_apposition():
    text = (
        "M. Paul Laval a parlé. La journaliste Inès Gravelotte était là. "
        "Marc Tulle, un témoin, a filmé. Plus tard, Laval est parti."
    )
    names = _names(text)
    assert {"Paul Laval", "Inès Gravelotte", "Marc Tulle", "Laval"} <= names
    assert sum(1 for a, b in persons.spans(text, "fr") if text[a:b] == "Laval") == 2


def test_organisations_and_origins_are_no_places():
    text = (
        "L'association « Paix à Kidal » a marché. Une ouvrière née en Allemagne le 2 mai 1990 "
        "et des camions en provenance de Dakar."
    )
    names = _names(text)
    assert "« Paix à Kidal »" in names
    assert any("Allemagne" in n and "1990" in n for n in names)
    assert any("Dakar" in n for n in names)


def test_a_sentence_opening_is_not_taken_for_a_name():
    assert "En Australie" not in _names("En Australie, l'économiste Jo Vance a parlé.")


def test_a_persons_surname_is_not_coded_as_the_place(gaz):
    text = (
        "Le 3 mars 2024, des manifestants se sont rassemblés à Dakar. "
        "M. Paul Laval, un enseignant, a été blessé par la police. M. Laval a porté plainte."
    )
    (event,) = _events(gaz, text)
    assert event.country_iso3 == "SEN"


# -- places and dates -------------------------------------------------------------------------


def test_a_country_named_as_where_it_happened_places_the_event(gaz):
    (event,) = _events(gaz, "Le 4 avril 2023, des émeutes ont éclaté au Sénégal.")
    assert (event.country_iso3, event.event_type) == ("SEN", EventType.RIOTS)


def test_a_text_without_places_is_placed_by_its_nationality_adjectives(gaz):
    text = "Le 2 juin 2022, des avions militaires soudanais ont largué des bombes sur un village."
    (event,) = _events(gaz, text)
    assert event.country_iso3 == "SDN"
    assert event.sub_event_type == SubEventType.AIR_DRONE_STRIKE


def test_a_clause_before_the_place_takes_the_paragraphs_later_place(gaz):
    text = "Le 5 mai 2021, des émeutes ont éclaté. Les casseurs ont incendié des voitures à Dakar."
    (event,) = _events(gaz, text)
    assert event.country_iso3 == "SEN" and event.event_date == "2021-05-05"


@pytest.mark.parametrize(
    "after",
    [
        "Des centaines de manifestants sont descendus dans les rues.",
        # placards brandished are a protest of its own after a coup
        "Des jeunes brandissaient des pancartes devant le palais.",
    ],
)
def test_a_coup_and_the_protest_after_it_are_two_events(gaz, after):
    text = "Un coup d'État a eu lieu à Bamako le 3 mars 2024. " + after
    types = sorted(e.event_type.value for e in _events(gaz, text))
    assert types == [EventType.PROTESTS.value, EventType.STRATEGIC_DEVELOPMENTS.value]


def test_a_datelines_date_is_not_the_incidents():
    s = _read(
        "Kaya, 4 mars 2024 (AFP) - Des hommes armés ont attaqué le marché samedi.",
        dt.date(2024, 3, 4),
    )
    assert [w.date for w in s.dates] == [dt.date(2024, 3, 2)]


def test_a_birth_date_is_no_incidents_date():
    s = _read("Paul, né le 3 mai 1990 à Lyon, a été tué lors d'une attaque.", None)
    assert s.dates == ()


def test_history_the_article_recalls_is_not_coded(gaz):
    text = "Le pays est dirigé par des militaires arrivés au pouvoir par un coup d'État en septembre 2022 au Mali."
    assert _events(gaz, text, "2024-05-10", DateMethod.DATELINE) == []


def test_a_title_tells_again_what_the_body_tells(gaz):
    text = (
        "Attaque meurtrière contre un poste de police à Gao\n"
        "Des hommes armés ont attaqué un poste de police à Gao mardi, tuant trois policiers."
    )
    (event,) = _events(gaz, text, "2024-03-14", DateMethod.DATELINE)
    assert event.event_date == "2024-03-12"


# -- classification ---------------------------------------------------------------------------

NONE = Context(False, False, False, False, False, False)


def test_a_crowd_that_clashes_or_wrecks_property_riots():
    protest = Hit(0, 5, "Peaceful protest", 0.9)
    for other in ("Armed clash", "Looting/property destruction"):
        assert decide([protest, Hit(10, 15, other, 0.8)], NONE)[0] == EventType.RIOTS


def test_a_weak_protest_word_yields_to_a_surer_trigger():
    hits = [Hit(0, 5, "Other", 0.7), Hit(10, 15, "Peaceful protest", 0.5)]
    assert decide(hits, NONE)[1] == SubEventType.OTHER


def test_an_unknown_trigger_label_is_refused(monkeypatch):
    real = lexicon.rows

    def rows(name: str, ncols: int) -> list[list[str]]:
        if name.startswith("triggers_"):
            return [["émeutes?", "Riot", "0.8"]]
        return real(name, ncols)

    monkeypatch.setattr(lexicon, "rows", rows)
    with pytest.raises(ConfigError, match="unknown label 'Riot'"):
        lexicon.load.__wrapped__("fr")


@pytest.mark.parametrize(
    "text",
    [
        "Lundi, des avions russes ont frappé le village de Xqz, dans la province d'Idleb.",
        "Lundi, des avions de combat russes ont bombardé le village de Xqz, dans la province d'Idleb.",
    ],
)
def test_warplanes_that_strike_are_an_air_strike(gaz, text: str) -> None:
    # "avions" with a verb of striking, "avions de combat": an air strike, not a battle
    (event,) = _events(gaz, text, "2024-03-06")
    assert event.sub_event_type == SubEventType.AIR_DRONE_STRIKE.value
    assert event.actor1 == "Military Forces of Russia (2000-)"


def test_a_plane_that_crashes_or_lands_is_no_air_strike(gaz) -> None:
    for text in (
        "Lundi, un avion de ligne a atterri à Bamako avec 120 passagers.",
        "Lundi, des avions ont survolé Bamako pendant le défilé.",
    ):
        assert _events(gaz, text, "2024-03-06") == [], text
