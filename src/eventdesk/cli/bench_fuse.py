"""`eventdesk bench fuse`: fusion time for synthetic mentions, and how it grows with their number.

The mentions are made up: incidents spread over 40 countries x 20 provinces and over as many days
as keep about one incident per province and day (a stream that grows in time, as a monitoring
feed does), each told by 1 to 4 reports from different outlets with tolls that may differ. The
documents' MinHash signatures are random (computing them is a per-document cost, measured by
`eventdesk bench extract`)."""

from __future__ import annotations

import datetime as dt
import json
import random
import time

import click

from eventdesk.records import Event, EventType, GeoPrecision, Source, SubEventType, TimePrecision

_TYPES = [
    (EventType.BATTLES, SubEventType.ARMED_CLASH),
    (EventType.EXPLOSIONS, SubEventType.REMOTE_EXPLOSIVE),
    (EventType.VIOLENCE_AGAINST_CIVILIANS, SubEventType.ATTACK),
]


def synthetic_reports(n: int, seed: int = 7) -> list:  # type: ignore[type-arg]
    from eventdesk.fuse.report import DocFeatures, make_report
    from eventdesk.fuse.text import anchors

    rnd = random.Random(seed)
    days = max(1, int(n / 2.5 / 800))
    start = dt.date(2020, 1, 1)
    out: list = []  # type: ignore[type-arg]
    incident = 0
    while len(out) < n:
        incident += 1
        country, province = rnd.randrange(40), rnd.randrange(20)
        day = start + dt.timedelta(days=rnd.randrange(days))
        lat, lon = country - 20 + province * 0.3, province * 0.5 - 5
        event_type, sub = rnd.choice(_TYPES)
        toll = rnd.choice([None, 1, 2, 3, 5, 8])
        for k in range(rnd.randint(1, 4)):
            doc_id = f"d{len(out)}"
            town = "Ka" + "".join(
                "bdfgklmnpr"[int(d)] + "a" for d in f"{country:02d}{province:02d}"
            )
            text = f"Gunmen attacked {town} in incident {incident}: {toll} killed."
            event = Event(
                id=f"ev-{len(out)}", event_date=day.isoformat(), time_precision=TimePrecision.DAY,
                event_type=event_type, sub_event_type=sub, actor1=None, actor2=None,
                country=f"C{country}", country_iso3=f"C{country:02d}", admin1=f"P{province}",
                admin1_code=f"C{country:02d}-{province}", location=town,
                latitude=lat, longitude=lon, geo_precision=GeoPrecision.PLACE,
                geonameid=country * 100 + province, fatalities=toll and toll + k % 2,
                claimed_by=None, confidence=0.6,
                sources=(Source(doc_id, text, 0, len(text), f"Outlet {k}"),),
            )  # fmt: skip
            signature = tuple(rnd.getrandbits(32) for _ in range(64))
            doc = DocFeatures(doc_id, f"Outlet {k}", None, None, day.isoformat(), "en",
                              signature, anchors(text), anchors(text, sentence_starts=True), 60)  # fmt: skip
            out.append(make_report(event, doc))
    return out[:n]


@click.command("fuse")
@click.option("--mentions", "sizes", multiple=True, type=int,
              default=(10_000, 100_000, 1_000_000), show_default=True,
              help="Numbers of mentions to fuse (repeat the option).")  # fmt: skip
def bench_fuse(sizes: tuple[int, ...]) -> None:
    """Fusion time (one core) for each number of synthetic mentions, and seconds per 1,000."""
    from eventdesk import fuse

    base: float | None = None
    for n in sizes:
        reports = synthetic_reports(n)
        wall0, cpu0 = time.perf_counter(), time.process_time()
        events = fuse.fuse(reports)
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        per_k = cpu / n * 1000
        base = base or per_k
        click.echo(json.dumps({
            "stage": "fuse", "mentions": n, "events": len(events), "wall_s": round(wall, 2),
            "cpu_s": round(cpu, 2), "cpu_s_per_1000": round(per_k, 4),
            "growth_vs_first": round(per_k / base, 2),
        }))  # fmt: skip
