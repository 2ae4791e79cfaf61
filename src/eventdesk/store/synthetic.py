"""Synthetic events for benchmarks and tests: valid against the schema, spread over a few
countries, provinces, years, types and actors like a real conflict dataset. Deterministic for a
seed. They are marked as synthetic in their notes and their outlets are invented."""

from __future__ import annotations

import random
from collections.abc import Iterator

from eventdesk.records import (
    SUB_EVENT_PARENT,
    Event,
    GeoPrecision,
    Source,
    SubEventType,
    TimePrecision,
)

# (iso3, country, ISO 3166-2 code, province, latitude, longitude): a province's rough centre.
PLACES = (
    ("BFA", "Burkina Faso", "BF-01", "Boucle du Mouhoun", 12.4, -3.5),
    ("BFA", "Burkina Faso", "BF-12", "Sahel", 14.1, -0.3),
    ("IRQ", "Iraq", "IQ-BG", "Baghdad", 33.3, 44.4),
    ("IRQ", "Iraq", "IQ-NI", "Ninewa", 36.3, 42.5),
    ("IRQ", "Iraq", "IQ-AN", "Al Anbar", 33.4, 42.0),
    ("MLI", "Mali", "ML-6", "Timbuktu", 16.8, -3.0),
    ("MLI", "Mali", "ML-5", "Mopti", 14.5, -4.2),
    ("NER", "Niger", "NE-6", "Tillaberi", 14.2, 1.5),
    ("NGA", "Nigeria", "NG-BO", "Borno", 11.8, 13.2),
    ("NGA", "Nigeria", "NG-ZA", "Zamfara", 12.1, 6.2),
    ("NGA", "Nigeria", "NG-KD", "Kaduna", 10.4, 7.7),
    ("SYR", "Syria", "SY-ID", "Idlib", 35.9, 36.6),
    ("SYR", "Syria", "SY-DY", "Deir ez Zor", 35.3, 40.1),
    ("SYR", "Syria", "SY-HL", "Aleppo", 36.2, 37.2),
    ("YEM", "Yemen", "YE-TA", "Taizz", 13.6, 44.0),
    ("YEM", "Yemen", "YE-MA", "Marib", 15.5, 45.3),
    ("SDN", "Sudan", "SD-KH", "Khartoum", 15.6, 32.5),
    ("SOM", "Somalia", "SO-BN", "Banaadir", 2.05, 45.3),
    ("COD", "Democratic Republic of Congo", "CD-NK", "Nord-Kivu", -0.8, 29.0),
    ("AFG", "Afghanistan", "AF-KAB", "Kabul", 34.5, 69.2),
)
ACTORS = (
    ("Military Forces of {c}", 1), ("Police Forces of {c}", 1), ("Unidentified Armed Group ({c})", 3),
    ("Protesters ({c})", 6), ("Civilians ({c})", 7), ("Rioters ({c})", 5),
)  # fmt: skip
OUTLETS = ("Example Wire", "Desert Courier", "Valley Herald", "Morning Ledger", "River Post")


def events(n: int, seed: int = 7, prefix: str = "syn") -> Iterator[Event]:
    """`n` synthetic events with ids `{prefix}-000000001`..., dates over 2019-2024."""
    rng = random.Random(seed)
    subs = list(SubEventType)
    for i in range(1, n + 1):
        yield _event(rng, f"{prefix}-{i:09d}", rng.choice(PLACES), rng.choice(subs))


def _event(rng: random.Random, event_id: str, place: tuple, sub: SubEventType) -> Event:  # type: ignore[type-arg]
    iso3, country, code, province, lat, lon = place
    a1, i1 = rng.choice(ACTORS)
    a2, i2 = rng.choice(ACTORS)
    date = f"{rng.randint(2019, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    toll = rng.choice((None, 0, 0, 1, 2, 3, 5, 8, 12, 30))
    location = f"Locality {rng.randint(1, 400)}"
    evidence = f"Synthetic report: {sub.value.lower()} near {location}, {province}."
    outlet = rng.choice(OUTLETS)
    return Event(
        id=event_id, event_date=date, time_precision=TimePrecision.DAY,
        event_type=SUB_EVENT_PARENT[sub], sub_event_type=sub,
        actor1=a1.format(c=country), actor2=a2.format(c=country) if rng.random() < 0.6 else None,
        inter1=i1, inter2=i2, country=country, country_iso3=iso3, admin1=province,
        admin1_code=code, location=location,
        latitude=round(lat + rng.uniform(-1.5, 1.5), 5),
        longitude=round(lon + rng.uniform(-1.5, 1.5), 5),
        geo_precision=GeoPrecision.PLACE, fatalities=toll, claimed_by=None,
        confidence=round(rng.uniform(0.2, 0.99), 3), disputed=rng.random() < 0.08,
        notes=f"Synthetic event for benchmarks: {sub.value} in {province}.",
        sources=(Source(doc_id=f"{event_id}.txt", evidence=evidence, start=0,
                        end=len(evidence), source=outlet),),
    )  # fmt: skip
