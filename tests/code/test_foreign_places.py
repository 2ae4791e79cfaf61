from eventdesk.code import _countries_named, _places
from eventdesk.geo import Gazetteer


def test_a_place_abroad_is_kept_only_in_a_country_the_text_speaks_of() -> None:
    gaz = Gazetteer.open()
    text = (
        "Rockets were fired at Ain al-Asad air base in Anbar province, Iraq, on Tuesday.\n"
        "They were launched from a truck near the town of al-Baghdadi, the sources said."
    )
    places = _places(gaz, text, [], text)
    assert places and all(p.place.country_iso3 == "IRQ" for p in places)


def test_countries_named_by_name_or_adjective() -> None:
    gaz = Gazetteer.open()
    assert {"IRN", "IRQ"} <= _countries_named(gaz, "Iranian drones hit a base in Iraq.")
