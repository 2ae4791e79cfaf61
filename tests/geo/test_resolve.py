"""Resolution on a tiny hand-built gazetteer: no build needed."""

from __future__ import annotations

from eventdesk.geo import Gazetteer, best_mention
from eventdesk.geo.fold import fold
from eventdesk.geo.schema import COLUMNS
from eventdesk.geo.store import Names

# name, iso2, iso3, admin1 code, admin1 name, feature, population, lat, lon, other names
ROWS = [
    ("Iraq", "IQ", "IRQ", None, None, "country", 40_000_000, 33.3, 44.4, ["Irak"]),
    ("Lebanon", "LB", "LBN", None, None, "country", 6_000_000, 33.9, 35.5, ["Liban"]),
    ("Libya", "LY", "LBY", None, None, "country", 7_000_000, 32.9, 13.2, ["Libye"]),
    ("Tripoli", "LY", "LBY", "LY-TB", "Tripoli", "city", 1_150_000, 32.9, 13.2, []),
    ("Tripoli", "LB", "LBN", "LB-AS", "North", "city", 230_000, 34.4, 35.8, []),
    ("Dhi Qar", "IQ", "IRQ", "IQ-DQ", "Dhi Qar", "admin1", 2_000_000, 31.0, 46.2, []),
    ("Nasiriyah", "IQ", "IRQ", "IQ-DQ", "Dhi Qar", "city", 558_000, 31.0, 46.2, ["Nassiriya"]),
    ("Al Hamza", "IQ", "IRQ", "IQ-QA", "Al Qadisiyah", "city", 60_000, 31.7, 45.0, []),
    ("Al Hamza", "IQ", "IRQ", "IQ-DQ", "Dhi Qar", "city", 5_000, 31.2, 46.5, []),
    ("Kirkuk", "IQ", "IRQ", "IQ-KI", "Kirkuk", "admin1", 1_600_000, 35.5, 44.4, []),
    ("Kirkuk", "IQ", "IRQ", "IQ-KI", "Kirkuk", "city", 975_000, 35.5, 44.4, []),
    ("Diyala", "IQ", "IRQ", "IQ-DI", "Diyala", "admin1", 1_600_000, 33.7, 44.6, []),
    ("Diyala", "IQ", "IRQ", "IQ-BG", "Baghdad", "city", 900, 33.2, 44.5, []),
    # "~": a name the place bears only as an alternate (historical, foreign)
    ("Bir Zaytun", "IQ", "IRQ", "IQ-DI", "Diyala", "city", 150_000, 33.9, 44.9, ["~Oliveport"]),
]


def tiny() -> Gazetteer:
    columns: list[list[object]] = [[None] for _ in COLUMNS]
    index: dict[str, int | tuple[int, ...]] = {}
    countries: dict[str, str] = {}
    for pid, (name, iso2, iso3, code, a1, feature, pop, lat, lon, more) in enumerate(ROWS, 1):
        values = dict(
            geonameid=pid, name=name, ascii=name, country_iso2=iso2, country_iso3=iso3,
            admin1_code_iso=code, admin1_name=a1, admin2_name=None, lat=lat, lon=lon,
            feature=feature, population=pop, clat=lat, clon=lon, own_point=1, seat=0,
        )  # fmt: skip
        for column, key in zip(columns, COLUMNS, strict=True):
            column.append(values[key])
        for n in [name, *more]:
            alternate = n.startswith("~")
            n, sign = n.removeprefix("~"), -1 if alternate else 1
            have = index.get(fold(n))
            index[fold(n)] = (
                sign * pid
                if have is None
                else (*(have if isinstance(have, tuple) else (have,)), sign * pid)
            )
            if feature == "country":
                countries[fold(n)] = iso3
    demonyms = {fold("irakien"): "IRQ", fold("libanaise"): "LBN", fold("Lebanese"): "LBN"}
    return Gazetteer(Names(index, columns, countries, demonyms))


def places(text: str, **kw: str) -> list[tuple[str, str, str | None, str]]:
    return [
        (m.text, m.place.country_iso3, m.place.admin1_code, m.place.feature)
        for m in tiny().find_places(text, **kw)
    ]


def test_population_decides_without_context() -> None:
    assert places("Clashes broke out in Tripoli on Sunday.") == [
        ("Tripoli", "LBY", "LY-TB", "city")
    ]


def test_a_named_country_picks_the_homonym() -> None:
    assert places("Clashes in Tripoli, in northern Lebanon.")[0][1] == "LBN"
    assert places("Des affrontements ont eu lieu à Tripoli, au Liban.")[0][1] == "LBN"


def test_an_adjective_or_a_hint_picks_the_homonym() -> None:
    assert places("L'armée libanaise s'est déployée à Tripoli.")[0][1] == "LBN"
    assert places("Clashes in Tripoli.", country_iso3="LBN")[0][1] == "LBN"


def test_a_province_named_nearby_picks_the_homonym() -> None:
    found = places("Protesters gathered in Al Hamza, in Dhi Qar province.")
    assert found[0] == ("Al Hamza", "IRQ", "IQ-DQ", "city")
    assert found[1] == ("Dhi Qar", "IRQ", "IQ-DQ", "admin1")
    assert places("Des tirs ont visé Al Hamza (Dhi Qar).")[0][2] == "IQ-DQ"
    assert places("Gunmen attacked Al Hamza.")[0][2] == "IQ-QA"  # the bigger one


def test_a_province_seat_is_the_town_unless_the_province_is_meant() -> None:
    assert places("A bomb exploded in Kirkuk.")[0][3] == "city"
    assert places("A bomb exploded in Kirkuk province.")[0][3] == "admin1"
    assert places("Les combats dans la province de Kirkouk.")[0][3] == "admin1"  # folds alike
    assert places("Attacks continued in Diyala.")[0][3] == "admin1"  # the village is tiny


def test_precision_follows_the_kind_of_place_and_near_cues() -> None:
    gaz = tiny()
    (town,) = gaz.find_places("Shelling hit Nasiriyah.")
    (near,) = gaz.find_places("Shelling hit a village near Nasiriyah.")
    (province,) = gaz.find_places("Shelling hit Dhi Qar.")
    assert (town.precision, near.precision, province.precision) == (1, 2, 3)
    assert (
        town.text == "Nasiriyah" and "Shelling hit Nasiriyah."[town.start : town.end] == town.text
    )


def test_a_place_named_only_by_an_alternate_name_is_less_sure() -> None:
    # the only candidate either way; but a name a town bears only as a historical or foreign
    # alternate is as often the own name of a village the gazetteer lacks
    gaz = tiny()
    (own,) = gaz.find_places("Shelling hit Bir Zaytun.")
    (other,) = gaz.find_places("Shelling hit Oliveport.")
    assert own.place.name == other.place.name == "Bir Zaytun"
    assert own.score == 1.0
    assert other.score <= 0.6


def test_a_country_is_returned_only_when_nothing_else_is_named() -> None:
    assert places("Protests spread across Iraq.") == [("Iraq", "IRQ", None, "country")]
    assert [p[0] for p in places("Protests in Nassiriya, Iraq.")] == ["Nassiriya"]


def test_best_mention_prefers_the_town_that_agrees_with_the_province() -> None:
    gaz = tiny()
    best = best_mention(gaz.find_places("In Dhi Qar, gunmen attacked Nasiriyah."))
    assert best is not None and best.place.feature == "city"
    assert best_mention([]) is None


def test_country_names_and_adjectives() -> None:
    gaz = tiny()
    assert gaz.country("Irak") == ("IRQ", "Iraq")
    assert gaz.country("irakien") == ("IRQ", "Iraq")
    assert gaz.country("IRQ") == ("IRQ", "Iraq")
    assert gaz.country("Atlantis") is None
