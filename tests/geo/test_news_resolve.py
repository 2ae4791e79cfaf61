"""Resolving the toponyms of world news on a tiny hand-built gazetteer (no build needed):
capitals, short forms of names, lists of provinces, world cities; sentences written for
these tests."""

from __future__ import annotations

from eventdesk.geo import Gazetteer
from eventdesk.geo.fold import fold
from eventdesk.geo.schema import COLUMNS
from eventdesk.geo.store import Names

# name, iso3, admin1 code, feature, population, lat, lon, main names, alternate names.
# A country sits on its capital, as the build places it.
ROWS = [
    ("United States", "USA", None, "country", 330_000_000, 38.9, -77.0, ["U.S."], []),
    ("France", "FRA", None, "country", 67_000_000, 48.86, 2.35, [], []),
    ("Canada", "CAN", None, "country", 38_000_000, 45.4, -75.7, [], []),
    ("Washington", "USA", "US-DC", "city", 690_000, 38.9, -77.0, [], []),
    ("Washington", "USA", "US-WA", "admin1", 6_500_000, 47.6, -122.3, [], []),
    ("Washington", "USA", "US-IA", "city", 7_400, 41.3, -91.7, [], []),
    ("Iowa", "USA", "US-IA", "admin1", 3_000_000, 41.6, -93.6, [], []),
    ("Ottawa", "CAN", "CA-ON", "city", 1_000_000, 45.4, -75.7, [], []),
    ("Paris", "FRA", "FR-IDF", "city", 2_100_000, 48.86, 2.35, [], []),
    ("Paris", "USA", "US-TX", "city", 25_000, 33.7, -95.6, [], []),
    ("Texas", "USA", "US-TX", "admin1", 29_000_000, 29.8, -95.4, [], []),
    # smaller than its city here, so that only a cue or a list makes it the province
    ("New York", "USA", "US-NY", "admin1", 5_000_000, 40.7, -74.0, [], []),
    ("New York City", "USA", "US-NY", "city", 8_800_000, 40.7, -74.0, ["New York"], []),
    ("Ohio", "USA", "US-OH", "admin1", 11_800_000, 39.96, -83.0, [], []),
    ("Oregon", "USA", "US-OR", "admin1", 4_200_000, 45.5, -122.7, [], []),
    ("Kentucky", "USA", "US-KY", "admin1", 4_500_000, 38.2, -85.7, [], []),
    ("Paris", "USA", "US-KY", "city", 9_900, 38.2, -84.9, [], []),
    ("Edmonton", "CAN", "CA-AB", "city", 1_000_000, 53.5, -113.5, [], []),
    ("Edmonton", "GBR", "GB-ENG", "city", 600_000, 51.62, -0.06, [], []),
    ("Enfield", "GBR", "GB-ENG", "city", 150_000, 51.65, -0.08, [], []),
    ("Georgia", "GEO", None, "country", 3_700_000, 41.7, 44.8, [], []),
    ("Georgia", "USA", "US-GA", "admin1", 10_700_000, 33.7, -84.4, [], []),
    ("Armenia", "ARM", None, "country", 2_800_000, 40.2, 44.5, [], []),
    # invented namesakes: a big town abroad, a smaller one beside a neighbour, small US ones
    ("Tarnwick", "CAN", "CA-AB", "city", 1_000_000, 53.5, -113.5, [], []),
    ("Tarnwick", "GBR", "GB-ENG", "city", 80_000, 51.60, -0.05, [], []),
    ("Tarnwick", "USA", "US-KY", "city", 1_500, 37.0, -85.6, [], []),
    ("Ossley", "GBR", "GB-ENG", "city", 200_000, 51.65, -0.08, [], []),
    ("Ossley", "USA", "US-CT", "city", 45_000, 41.9, -72.6, [], []),
    ("Pellham", "USA", "US-OK", "city", 1_500, 35.9, -97.6, [], []),
    ("Pellham", "USA", "US-LA", "city", 1_000, 30.4, -91.1, [], []),
    ("Australia", "AUS", None, "country", 26_000_000, -35.3, 149.1, [], []),
    # a town of one country and a smaller one of another
    ("Brinmoor", "AUS", "AU-QLD", "city", 50_000, -27.5, 153.0, [], []),
    ("Brinmoor", "CAN", "CA-AB", "city", 4_500, 53.4, -113.6, [], []),
]
ADMIN2 = {("Edmonton", "CAN"): "Edmonton"}  # a town named like its own district


def world() -> Gazetteer:
    columns: list[list[object]] = [[None] for _ in COLUMNS]
    index: dict[str, int | tuple[int, ...]] = {}
    countries: dict[str, str] = {}
    for pid, (name, iso3, code, feature, pop, lat, lon, more, alternates) in enumerate(ROWS, 1):
        values = dict(
            geonameid=pid, name=name, ascii=name, country_iso2=iso3[:2], country_iso3=iso3,
            admin1_code_iso=code, admin1_name=None, admin2_name=ADMIN2.get((name, iso3)),
            lat=lat, lon=lon,
            feature=feature, population=pop, clat=lat, clon=lon, own_point=1, seat=0,
        )  # fmt: skip
        for column, key in zip(columns, COLUMNS, strict=True):
            column.append(values[key])
        for n, sign in [(name, 1), *((m, 1) for m in more), *((a, -1) for a in alternates)]:
            have = index.get(fold(n))
            ids = () if have is None else have if isinstance(have, tuple) else (have,)
            index[fold(n)] = (*ids, sign * pid) if ids else sign * pid
            if feature == "country":
                countries[fold(n)] = iso3
    return Gazetteer(
        Names(
            index,
            columns,
            countries,
            {fold("French"): "FRA", fold("Canadian"): "CAN", fold("British"): "GBR"},
        )
    )


def resolved(text: str, *words: str) -> list[tuple[str | None, str | None]]:
    """(admin1 code, feature) of each of `words` (its first occurrence) as a given span."""
    offsets = [(text.index(w), text.index(w) + len(w)) for w in words]
    return [
        (m.place.admin1_code, m.place.feature) if m else (None, None)
        for m in world().resolve_spans(text, offsets)
    ]


def test_a_capital_goes_before_a_bigger_province_of_its_name() -> None:
    text = "The talks in Washington ended on Monday."
    assert resolved(text, "Washington") == [("US-DC", "city")]
    text = "Washington state lawmakers met in Olympia."
    assert resolved(text, "Washington") == [("US-WA", "admin1")]  # a cue says otherwise


def test_the_event_coder_keeps_no_capital_prior() -> None:
    (found,) = world().find_places("Clashes broke out in Washington on Monday.")
    assert found.place.admin1_code == "US-WA"  # the bigger place: capitals only in geoparsing


def test_a_province_listed_beside_provinces_is_a_province() -> None:
    text = "Cases were reported in Ohio, Oregon, New York and Texas."
    assert resolved(text, "Ohio", "Oregon", "New York", "Texas")[2] == ("US-NY", "admin1")
    text = "The singer was taken to a hospital in New York on Monday."
    assert resolved(text, "New York") == [("US-NY", "city")]  # the city, named alone


def test_a_list_item_after_a_comma_is_no_qualifier() -> None:
    text = "Sick people lived in New York, Oregon, and Ohio."
    assert resolved(text, "New York", "Oregon", "Ohio")[0] == ("US-NY", "admin1")


def test_a_governor_makes_the_name_a_province() -> None:
    text = "New York Gov. Andrew Cuomo spoke on Thursday."
    assert resolved(text, "New York") == [("US-NY", "admin1")]


def test_a_capital_outweighs_a_small_namesake_in_a_province_the_text_names() -> None:
    text = "French police were shot in Paris; the couple will return to Kentucky next week."
    assert resolved(text, "Paris", "Kentucky")[0] == ("FR-IDF", "city")


def test_a_capitalised_first_word_of_a_line_is_a_dateline_town() -> None:
    text = "Iowa farmers raised the bird.\nWASHINGTON President Obama pardoned a turkey."
    assert resolved(text, "Iowa", "WASHINGTON")[1] == ("US-DC", "city")


def test_a_name_said_again_is_no_evidence_for_itself() -> None:
    text = "British pupils in Edmonton cooked for Canadian judges. Edmonton schools won a prize."
    text += " The Enfield council paid."
    first, second = text.index("Edmonton"), text.index("Edmonton", 30)
    third = text.index("Enfield")
    got = world().resolve_spans(
        text, [(first, first + 8), (second, second + 8), (third, third + 7)]
    )
    assert [m.place.country_iso3 for m in got if m] == ["GBR", "GBR", "GBR"]


def test_a_country_listed_beside_countries_is_the_country_not_a_province_abroad() -> None:
    text = "The U.S. envoy met ministers of Armenia, Georgia and France on Monday."
    assert resolved(text, "U.S.", "Armenia", "Georgia", "France")[2] == (None, "country")
    text = "The U.S. firm has plants in Texas and Georgia."
    assert resolved(text, "U.S.", "Texas", "Georgia")[2] == ("US-GA", "admin1")


def test_one_name_s_choice_turns_its_neighbour_s() -> None:
    # Ossley first goes to the USA, where every name has a namesake; its London-area one lies
    # beside a Tarnwick, so it turns; only then does Tarnwick, beside it, turn as well
    text = "Volunteers in Tarnwick painted a mural. Ossley council paid, and Pellham sent paint."
    got = resolved(text, "Tarnwick", "Ossley", "Pellham")
    assert got[:2] == [("GB-ENG", "city"), ("GB-ENG", "city")]


def test_a_name_once_said_a_province_stays_the_province_when_said_again() -> None:
    text = "New York state reported ten cases. Since April, New York counted three deaths."
    again = text.index("New York", 10)
    got = world().resolve_spans(text, [(0, 8), (again, again + 8)])
    assert [(m.place.admin1_code, m.place.feature) for m in got if m] == [
        ("US-NY", "admin1"),
        ("US-NY", "admin1"),
    ]
    assert resolved("Since April, New York counted three deaths.", "New York") == [
        ("US-NY", "city")
    ]


def test_a_country_after_a_comma_holds_the_place_before_it() -> None:
    def country(text: str, *words: str) -> list[str | None]:
        offsets = [(text.index(w), text.index(w) + len(w)) for w in words]
        return [m.place.country_iso3 if m else None for m in world().resolve_spans(text, offsets)]

    near = "The skater from Edmonton, Canada trains in Brinmoor"
    assert country(near + " every winter.", "Edmonton", "Canada", "Brinmoor")[2] == "CAN"
    said = near + ", Australia every winter."
    assert country(said, "Edmonton", "Canada", "Brinmoor", "Australia")[2] == "AUS"
    listed = near + ", Australia and France."  # a list of countries: no qualifier
    assert country(listed, "Edmonton", "Canada", "Brinmoor", "Australia", "France")[2] == "CAN"
    found = {m.text: m.place.country_iso3 for m in world().find_places(said)}
    assert found["Brinmoor"] == "AUS"  # the event coder reads it so too
