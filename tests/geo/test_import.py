"""`eventdesk gazetteer import`: a small GeoNames dump written here, merged into a small base
gazetteer (the packaged sources are replaced by a few rows, so no full build is needed)."""

from __future__ import annotations

import importlib
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventdesk.cli import main
from eventdesk.errors import ConfigError, FormatError
from eventdesk.geo import Gazetteer, geonames
from eventdesk.geo.sources import Row


def _row(name: str, feature: str, gid: int | None, lat: float, lon: float, **kw: object) -> Row:
    row = Row(name=name, country_iso2="ML", feature=feature, lat=lat, lon=lon, geonameid=gid)
    for key, value in kw.items():
        setattr(row, key, value)
    row.names = [(name, "", True)]
    row.fold_names()
    return row


def _base(report: object, say: object) -> tuple[list[Row], list[tuple[str, str, str]], dict]:
    """What `collect` returns, for a country with one province and two towns."""
    country = _row("Mali", "country", 2453866, 12.65, -8.0, population=20_000_000)
    country.ref = "MLI"
    rows = [
        country,
        _row("Mopti", "admin1", 2453347, 14.48, -4.18, admin1_code="ML-5", population=350_000),
        _row("Mopti", "city", 2453348, 14.48, -4.18, admin1_code="ML-5", population=186_000),
        _row("Sevare", "city", 2451185, 14.53, -4.10, admin1_code="ML-5", population=40_000),
    ]
    return rows, [], {}


def _line(gid: int, name: str, alt: str, lat: float, lon: float, fclass: str, fcode: str,
          admin1: str = "04", pop: int = 0) -> str:  # fmt: skip
    cells = [str(gid), name, name, alt, str(lat), str(lon), fclass, fcode, "ML", "", admin1,
             "", "", "", str(pop), "", "300", "Africa/Bamako", "2024-01-01"]  # fmt: skip
    return "\t".join(cells) + "\n"


@pytest.fixture
def dump(tmp_path: Path) -> list[Path]:
    places = tmp_path / "ML.txt"
    places.write_text(
        # an existing town, moved (the user's data wins), with a new alternate name
        _line(2451185, "Sévaré", "Sevare,Sewari", 14.5402, -4.0986, "P", "PPL", pop=42_000)
        # a village the packages do not have
        + _line(990000001, "Dialakoro Wuro", "", 14.71, -3.92, "P", "PPL")
        # a commune's seat of unknown size, and a village of its name
        + _line(990000005, "Kouna Seno", "", 14.20, -3.40, "P", "PPL")
        + _line(990000004, "Kouna Seno", "", 14.90, -3.80, "P", "PPLA3")
        # a military camp
        + _line(990000002, "Camp Bankaso", "", 14.60, -4.05, "S", "MILB")
        # a stream: not kept
        + _line(990000003, "Bankaso Ko", "", 14.61, -4.06, "H", "STM")
        # the province itself, at its central point
        + _line(2453347, "Mopti Region", "Mopti", 14.60, -3.50, "A", "ADM1", pop=2_000_000)
        # the country's point: only moves the gazetteer's
        + _line(2453866, "Republic of Mali", "", 17.0, -4.0, "A", "PCLI", admin1="00"),
        encoding="utf-8",
    )
    admin1 = tmp_path / "admin1CodesASCII.txt"
    admin1.write_text("ML.04\tMopti\tMopti\t2453347\n", encoding="utf-8")
    alternates = tmp_path / "alternateNamesV2.txt"
    alternates.write_text(
        "1\t990000001\tfr\tDialakoro-Ouro\t1\t\t\t\t\t\n"
        "2\t990000001\tlink\thttps://example.org/Dialakoro\t\t\t\t\t\t\n"
        "3\t990000002\ten\tBankaso military camp\t\t\t\t\t\t\n"
        "4\t42\ten\tNowhere\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    return [places, admin1, alternates]


@pytest.fixture
def small_base(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.import_module("eventdesk.geo.build"), "collect", _base)


@pytest.mark.usefixtures("small_base")
def test_import_adds_and_replaces_places(dump: list[Path], tmp_path: Path) -> None:
    from eventdesk.geo.importer import import_dumps

    target = tmp_path / "gaz.sqlite"
    report = import_dumps(dump, target)
    assert report.imported == {"replaced": 3, "added": 4, "skipped": 0}
    gaz = Gazetteer.open(target)
    sevare = gaz.lookup("Sewari", "MLI")
    assert sevare and sevare[0].geonameid == 2451185
    assert (sevare[0].latitude, sevare[0].population) == (14.5402, 42_000)
    village = gaz.lookup("Dialakoro-Ouro", "MLI")  # its French name, from alternateNamesV2
    assert village and village[0].admin1_code == "ML-5"  # ML.04 -> ML-5 through the geonameid
    assert village[0].feature == "city"
    # of two places of one name and no known size, the seat is the likelier
    assert [p.geonameid for p in gaz.lookup("Kouna Seno")] == [990000004, 990000005]
    camp = gaz.lookup("Camp Bankaso")
    assert camp and camp[0].feature == "base"
    assert gaz.lookup("Bankaso Ko") == []
    assert gaz.lookup("Nowhere") == []
    province = [p for p in gaz.lookup("Mopti", "MLI") if p.feature == "admin1"][0]
    assert (province.latitude, province.longitude) == (14.48, -4.18)  # events: its main town
    assert (province.center_latitude, province.center_longitude) == (14.60, -3.50)
    assert gaz.country("Mali") == ("MLI", "Mali")
    mali = [p for p in gaz.lookup("Mali") if p.feature == "country"][0]
    assert (mali.center_latitude, mali.center_longitude) == (17.0, -4.0)
    assert (mali.latitude, mali.longitude) == (12.65, -8.0)  # events stay on the capital


@pytest.mark.usefixtures("small_base")
def test_import_command_reads_a_zip_and_filters_countries(dump: list[Path], tmp_path: Path) -> None:
    archive = tmp_path / "ML.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(dump[0], "ML.txt")
    target = tmp_path / "gaz.sqlite"
    result = CliRunner().invoke(
        main, ["gazetteer", "import", str(archive), "--out", str(target), "-q"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["imported"]["added"] == 4
    result = CliRunner().invoke(
        main, ["gazetteer", "import", str(dump[0]), "--out", str(target), "--country", "NE"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output.splitlines()[-1])["imported"]["added"] == 0


def test_a_file_that_is_no_dump_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("hello\n", encoding="utf-8")
    with pytest.raises(FormatError):
        geonames.kind_of_file(bad)
    short = tmp_path / "XX.txt"
    short.write_text("1\tA\tA\t\t1.0\t2.0\tP\tPPL\tXX\t\t01\t\t\t\tnot-a-number\n" * 1)
    with pytest.raises(FormatError):
        list(geonames.places(short))


def test_import_needs_a_place_file(tmp_path: Path) -> None:
    from eventdesk.geo.importer import import_dumps

    admin1 = tmp_path / "admin1CodesASCII.txt"
    admin1.write_text("ML.04\tMopti\tMopti\t2453347\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        import_dumps([admin1], tmp_path / "gaz.sqlite")
