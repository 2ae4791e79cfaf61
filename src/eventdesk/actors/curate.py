"""Adding actors and aliases to the user registry (`eventdesk actors add`).

The rows go to the user directory (`registry.user_dir()`) in the shipped files' format, sorted;
the registry is then read again with them, so a bad row is refused before it is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eventdesk.actors import registry
from eventdesk.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Added:
    alias: str
    canonical: str
    new_actor: bool  # the canonical name was added to registry.tsv too
    directory: Path


def add(
    alias: str,
    *,
    lang: str,
    canonical: str,
    inter: int | None = None,
    country_iso3: str | None = None,
    first_year: int | None = None,
    last_year: int | None = None,
) -> Added:
    """Make `alias` (in `lang`) name `canonical`; a canonical name the registry does not know is
    added too, and then needs its ACLED inter code (1-8)."""
    alias, canonical = " ".join(alias.split()), " ".join(canonical.split())
    if lang not in registry.LANGUAGES:
        raise ConfigError(
            f"no alias file for language {lang!r}; use one of {', '.join(registry.LANGUAGES)}"
        )
    if not alias or not canonical or "\t" in alias + canonical:
        raise ConfigError("an alias and a canonical name are needed, without tabs")
    reg = registry.load()
    new_actor = canonical not in reg.known and canonical not in reg.templates
    directory = registry.user_dir()
    written: list[tuple[Path, str | None]] = []
    if new_actor:
        if inter is None or not 1 <= inter <= 8:
            raise ConfigError(
                f"{canonical!r} is not in the registry: give its ACLED inter code (1-8)"
            )
        row = [canonical, str(inter), country_iso3 or "", _year(first_year), _year(last_year)]
        written.append(_append(directory / "registry.tsv", "\t".join(row)))
    written.append(_append(directory / f"aliases_{lang}.tsv", f"{alias}\t{canonical}"))
    try:
        reload()
        registry.load()
    except ConfigError:
        for path, before in written:  # put the files back as they were
            path.unlink() if before is None else path.write_text(before, "utf-8")
        reload()
        raise
    return Added(alias, canonical, new_actor, directory)


def reload() -> None:
    """Forget what was read of the registry (after the user registry changed)."""
    from eventdesk.actors import matcher, unknown
    from eventdesk.actors.resolve import _folded, targets_of

    registry.load.cache_clear()
    matcher.lexicon.cache_clear()
    targets_of.cache_clear()
    _folded.cache_clear()
    unknown._patterns.cache_clear()
    unknown._rows.cache_clear()
    unknown._not_names.cache_clear()


def _year(year: int | None) -> str:
    return "" if year is None else str(year)


def _append(path: Path, row: str) -> tuple[Path, str | None]:
    """Add a row to a user file (kept sorted, one copy of each row); what it held before."""
    before = path.read_text("utf-8") if path.is_file() else None
    rows = {
        line for line in (before or "").splitlines() if line.strip() and not line.startswith("#")
    }
    rows.add(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    header = "# added with `eventdesk actors add`; same columns as the shipped file\n"
    path.write_text(header + "".join(r + "\n" for r in sorted(rows, key=_key)), "utf-8")
    return path, before


def _key(row: str) -> tuple[str, str]:
    return row.casefold(), row
