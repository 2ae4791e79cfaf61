"""The records of the actors stage: a canonical actor, and a mention of one in a text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    canonical: str  # ACLED's name: "Military Forces of Iraq (2020-)", "Civilians (Mexico)"
    inter: int | None  # ACLED actor type: 1 state forces ... 8 external/other forces
    country_iso3: str | None


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int  # character offsets into the text given to find_actors
    end: int
    text: str
    kind: str | None  # the generic kind ("military", "civilians", ...) or the kind of a named actor
    actor: (
        Actor | None
    )  # set when the words name a specific actor ("FAMa", "Hezbollah", "Iraqi forces")


@dataclass(frozen=True, slots=True)
class Target:
    """What an alias may refer to: a named actor, or a kind with or without its country."""

    canonical: str | None = None
    kind: str | None = None
    country_iso3: str | None = None
    head_only: bool = False  # a word that names an actor only next to a demonym or a name

    @property
    def generic(self) -> bool:
        return self.canonical is None and self.country_iso3 is None
