"""The actors stage: who is named in a text, and under which ACLED name.

`find_actors(text, lang=...)` returns every actor mention of a text (character offsets,
longest match first); a mention carries either a generic `kind` ("soldiers": military,
"manifestants": protesters) or the specific `actor` it names ("FAMa", "Hezbollah", "Iraqi
forces"), or both. `resolve(mention, country_iso3=..., year=...)` then gives ACLED's canonical
actor once the event's country and year are known ("soldiers", IRQ, 2021 -> "Military Forces
of Iraq (2020-)"), and `canonical(name)` looks a name or an alias up.
The registry is data: eventdesk/data/actors/*.tsv (see the README there).
Assigns: ActorMention records; Actor records (canonical name, inter code, country).
"""

from __future__ import annotations

from eventdesk.actors import matcher, registry
from eventdesk.actors.mention import Actor, ActorMention
from eventdesk.actors.resolve import canonical, resolve
from eventdesk.errors import ConfigError

__all__ = ["Actor", "ActorMention", "LANGUAGES", "canonical", "find_actors", "kinds", "resolve"]
LANGUAGES = registry.LANGUAGES


def find_actors(text: str, *, lang: str) -> list[ActorMention]:
    """All actor mentions of `text` in language `lang` (ar, en, fr), in text order."""
    if lang not in LANGUAGES:
        raise ConfigError(
            f"no actor lexicon for language {lang!r}; supported: {', '.join(LANGUAGES)}"
        )
    return matcher.mentions(lang, text)


def kinds() -> tuple[str, ...]:
    """The generic kinds a mention may carry (kinds.tsv), plus "armed_group" for named groups."""
    return (*sorted(registry.load().kinds), "armed_group")
