"""Settings, one object per stage, loaded from TOML and validated on load (before any document)."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from eventdesk.errors import ConfigError


@dataclass(frozen=True, slots=True)
class IngestSettings:
    max_bytes: int = 20_000_000  # inputs larger than this are quarantined, never read whole
    boilerplate_min_docs: int = 2  # a line seen in this many documents of an outlet is boilerplate
    batch_size: int = 200  # documents written per transaction
    published: str | None = None  # --published: the publication date of every input
    processing_date: str | None = (
        None  # the date given to undated documents' incidents (default today)
    )

    def today(self) -> dt.date:
        """The processing day: the setting, or the clock (read here, at the edge, not in a stage)."""
        return (
            dt.date.fromisoformat(self.processing_date) if self.processing_date else dt.date.today()
        )

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ConfigError(f"max_bytes must be positive, got {self.max_bytes}")
        if self.boilerplate_min_docs < 2:
            raise ConfigError(
                f"boilerplate_min_docs must be at least 2, got {self.boilerplate_min_docs}"
            )
        if self.batch_size <= 0:
            raise ConfigError(f"batch_size must be positive, got {self.batch_size}")
        if self.published is not None:
            parse_published(self.published)
        if self.processing_date is not None and parse_published(self.processing_date)[1] != "day":
            raise ConfigError(f"processing_date must be YYYY-MM-DD, got {self.processing_date!r}")


def parse_published(value: str) -> tuple[str, str]:
    """Validate a publication date given by a user: (value, precision) for YYYY-MM-DD or YYYY-MM."""
    try:
        if len(value) == 7:
            dt.date.fromisoformat(value + "-01")
            return value, "month"
        dt.date.fromisoformat(value)
        return value, "day"
    except ValueError:
        raise ConfigError(
            f"invalid publication date {value!r}; expected YYYY-MM-DD or YYYY-MM"
        ) from None


def load(path: str | Path | None, **overrides: Any) -> IngestSettings:
    """Settings from a TOML file's [ingest] table (if given), then command-line overrides."""
    values: dict[str, Any] = {}
    if path is not None:
        try:
            data = tomllib.loads(Path(path).read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config {str(path)!r}: {exc}") from exc
        values = dict(data.get("ingest", {}))
        known = {f.name for f in fields(IngestSettings)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(
                f"unknown setting(s) {', '.join(unknown)} in [ingest]; allowed: {', '.join(sorted(known))}"
            )
    settings = IngestSettings(**values)
    return replace(settings, **{k: v for k, v in overrides.items() if v is not None})
