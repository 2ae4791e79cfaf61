"""Who fires at a place: a collection's named initiators, for the incidents that name none.

A monitor's daily notes report fire "near" a front-line village without saying who fired ("the
mission recorded 12 explosions near X"), while other notes of the same collection say which side
acts there ("the army fired mortars at the rebels' positions near X"). A front line holds still
over weeks, and ACLED's codes keep to it: most incidents at one front-line place have one
initiator, the side that acts there, whether the note names it or not. `Sides` learns,
per place, the initiators the collection's battles and explosions name; an incident of those
kinds at that place whose initiator is unnamed ("Unidentified Armed Group (X)") takes the side
that at least MIN_NAMED named incidents there give, SHARE of them one side; a battle with no
named target takes that side's usual opponent there. The event's notes say so.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from eventdesk.records import Event, EventType, GeoPrecision, SubEventType

MIN_DOCS = 100  # documents seen before the collection knows its front lines
MIN_NAMED = 1  # named incidents at a place before it has a side
SHARE = 0.8  # ... and the share of them that one side must have
KINDS = frozenset({EventType.BATTLES, EventType.EXPLOSIONS})
# the fire of a front line: exchanges and shelling (a bomb planted or a suicide attack by no one
# named stays unidentified: ACLED codes it so even where one group plants most)
FIRE = frozenset({SubEventType.ARMED_CLASH, SubEventType.SHELLING})
UNNAMED = "Unidentified Armed Group ("
_NO_SIDE = ("Unidentified", "Protesters", "Rioters", "Civilians")

Key = tuple[str, str | None, str]
Side = tuple[str, int | None]  # (actor, inter code)


@dataclass(slots=True)
class Sides:
    """The named initiators (and their targets) of the battles and explosions seen, per place."""

    initiators: dict[Key, Counter[Side]] = field(default_factory=dict)
    targets: dict[tuple[Key, str], Counter[Side]] = field(default_factory=dict)
    docs: int = 0

    def add(self, events: list[Event]) -> None:
        """One document's events."""
        self.docs += 1
        for event in events:
            key = _key(event)
            if (
                key is not None
                and event.event_type in KINDS
                and event.actor1
                and not event.actor1.startswith(_NO_SIDE)
            ):
                self.initiators.setdefault(key, Counter())[(event.actor1, event.inter1)] += 1
                if event.actor2:
                    target = (event.actor2, event.inter2)
                    self.targets.setdefault((key, event.actor1), Counter())[target] += 1

    def side(self, key: Key) -> Side | None:
        """The side that acts at the place, if the collection names one surely."""
        counts = self.initiators.get(key) if self.docs >= MIN_DOCS else None
        if not counts:
            return None
        (top, n), total = counts.most_common(1)[0], counts.total()
        return top if total >= MIN_NAMED and n >= SHARE * total else None

    def fill(self, events: list[Event]) -> list[Event]:
        """The events, each unnamed initiator of a battle or an explosion replaced by the side
        that acts at its place (when the collection knows one)."""
        out = []
        for event in events:
            key = _key(event) if unnamed(event) else None
            side = self.side(key) if key is not None else None
            if key is None or side is None or side[0] == event.actor2:
                out.append(event)
                continue
            actor2, inter2 = event.actor2, event.inter2
            if actor2 is None and event.event_type == EventType.BATTLES:
                opponents = self.targets.get((key, side[0]))
                if opponents:
                    (top, n) = opponents.most_common(1)[0]
                    if n >= SHARE * opponents.total():
                        actor2, inter2 = top
            note = f"actor1: the side that the collection's reports name at {event.location}"
            out.append(
                replace(
                    event, actor1=side[0], inter1=side[1], actor2=actor2, inter2=inter2,
                    notes=f"{event.notes}; {note}" if event.notes else note,
                )
            )  # fmt: skip
        return out


# the words that say who fired is not known ("fire by an unknown party", "unidentified
# gunmen", "des tirs d'inconnus"): the text names the initiator as no one, and so does ACLED;
# not "unknown weapons", which a monitor writes of fire whose side it leaves unsaid
_SAID_UNKNOWN = re.compile(
    r"\b(?:unknown|unidentified)\s+(?:armed\s+)?(?:party|parties|group|groups|gunmen|assailants"
    r"|attackers|perpetrators|militants|men|side|sides|shooters|forces)\b"
    r"|\b(?:hommes armés|assaillants|individus|tireurs|groupe armé)\s+(?:non identifiés?|inconnus?)\b"
    r"|\b(?:par|d['’])\s*(?:des\s+)?inconnus\b",
    re.I,
)


def unnamed(event: Event) -> bool:
    """Whether the event is a battle or an explosion whose initiator the text does not name
    (and does not say is unknown)."""
    return (
        event.sub_event_type in FIRE
        and (event.actor1 or "").startswith(UNNAMED)
        and not any(_SAID_UNKNOWN.search(s.evidence) for s in event.sources)
    )


def _key(event: Event) -> Key | None:
    """A town or village (not a province: its incidents are no one front line's)."""
    if event.geo_precision == GeoPrecision.REGION:
        return None
    return (event.country_iso3, event.admin1_code, event.location)
