"""The registry's data files: well-formed, sorted, and every name and kind they cite exists."""

from __future__ import annotations

from importlib import resources

import pytest

from eventdesk.actors import registry

DATA = resources.files("eventdesk.data").joinpath("actors")


def _rows(name: str) -> list[list[str]]:
    lines = DATA.joinpath(name).read_text("utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _alias_key(row: list[str]) -> tuple[str, str, str]:
    return (row[0].casefold(), row[0], row[1])


SORT_KEYS = {
    "countries.tsv": lambda r: r[0],
    "state_periods.tsv": lambda r: (r[0], int(r[1])),
    "kinds.tsv": lambda r: r[0],
    "kind_overrides.tsv": lambda r: (r[0], r[1], r[2]),
    "operations.tsv": lambda r: (r[0], r[1], r[2]),
    "registry.tsv": lambda r: r[0],
    "unnamed_perpetrators.tsv": lambda r: r[0],
    **{
        f"{kind}_{lang}.tsv": _alias_key
        for kind in ("aliases", "demonyms")
        for lang in registry.LANGUAGES
    },
    **{f"group_words_{lang}.tsv": _alias_key for lang in ("en", "fr")},
}


@pytest.mark.parametrize("name", sorted(SORT_KEYS))
def test_files_are_sorted_without_duplicates_or_stray_spaces(name: str) -> None:
    rows = _rows(name)
    assert rows, name
    keys = [SORT_KEYS[name](r) for r in rows]
    assert keys == sorted(keys), f"{name} is not sorted"
    assert len({tuple(r) for r in rows}) == len(rows), f"{name} has duplicate rows"
    for row in rows:
        assert all(cell == cell.strip() for cell in row), f"{name}: stray space in {row}"


def test_every_data_file_is_checked() -> None:
    on_disk = {p.name for p in DATA.iterdir() if p.name.endswith(".tsv")}
    assert on_disk == set(SORT_KEYS)


def test_registry_loads_and_cites_only_known_names_and_kinds() -> None:
    reg = registry.load()  # raises ConfigError on an unknown kind, name or country
    assert set(registry.LANGUAGES) <= set(reg.aliases)
    assert {int(r[1]) for r in _rows("registry.tsv")} <= set(range(1, 9))
    assert {int(r[1]) for r in _rows("kinds.tsv")} <= set(range(1, 9))


def test_periods_do_not_overlap_and_follow_each_other() -> None:
    by_country: dict[str, list[list[str]]] = {}
    for row in _rows("state_periods.tsv"):
        by_country.setdefault(row[0], []).append(row)
    for iso3, rows in by_country.items():
        for before, after in zip(rows, rows[1:], strict=False):
            assert before[2] == after[1], (
                f"{iso3}: period {before} does not end where {after} begins"
            )
        assert rows[-1][2] == "", f"{iso3}: the last period should be open"


def test_state_forces_are_generated_from_the_periods() -> None:
    known = registry.load().known
    for name in ("Military Forces of Iraq (2020-)", "Police Forces of Iraq (2020-)", "Military Forces of Syria (2000-)",
                 "Military Forces of the United States (2021-)", "Military Forces of Mali (2021-)",
                 "Military Forces of Nigeria (2023-)", "Military Forces of Burkina Faso (2022-)",
                 "Military Forces of Niger (2023-)", "Military Forces of the Democratic Republic of Congo (2019-)"):  # fmt: skip
        assert known[name].actor.inter == 1
    assert "Military Forces of Iraq {period} Popular Mobilization Forces" not in known
    assert "Military Forces of Iraq (2014-) Popular Mobilization Forces" in known
