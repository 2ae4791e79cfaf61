"""Geoparsing documents: the toponyms of each text, resolved to coordinates and codes.

    geoparse(gaz, {"id": ..., "text": ..., "toponyms": [{"start": s, "end": e}]})
      -> {"id": ..., "toponyms": [{"start", "end", "latitude", "longitude", "country_iso3",
                                   "admin1_code", "geonameid"}]}

With `toponyms` given, exactly those spans are resolved (one output per span, in the order
given; nulls where the gazetteer knows no such place). Without, the place names are found in
the text first. An area is answered with its central point (see centers.py), a town with its
own. `method="population"` is the baseline every geoparser is compared with: the most
populous place of the span's name, whatever the text says.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from eventdesk.errors import FormatError
from eventdesk.geo.gazetteer import Gazetteer
from eventdesk.geo.places import PlaceMention

METHODS = ("context", "population")
FIELDS = ("latitude", "longitude", "country_iso3", "admin1_code", "geonameid")


def geoparse(gaz: Gazetteer, doc: dict[str, Any], method: str = "context") -> dict[str, Any]:
    """The toponyms of one document (see the module docstring)."""
    text = doc.get("text")
    if not isinstance(text, str):
        raise FormatError(f"document {doc.get('id')!r} has no text")
    given = doc.get("toponyms")
    if given is None:
        found = gaz.toponyms(text)
        return {"id": doc.get("id"), "toponyms": [record(m.start, m.end, m) for m in found]}
    offsets = [_offsets(doc, t, len(text)) for t in given]
    if method == "population":
        mentions = gaz.most_populous(text, offsets)
    else:
        mentions = gaz.resolve_spans(text, offsets)
    return {
        "id": doc.get("id"),
        "toponyms": [record(s, e, m) for (s, e), m in zip(offsets, mentions, strict=True)],
    }


def geoparse_all(
    gaz: Gazetteer, docs: Iterable[dict[str, Any]], method: str = "context"
) -> Iterator[dict[str, Any]]:
    for doc in docs:
        yield geoparse(gaz, doc, method)


def record(start: int, end: int, mention: PlaceMention | None) -> dict[str, Any]:
    """One output toponym; its place fields null when it was not resolved."""
    out: dict[str, Any] = {"start": start, "end": end}
    if mention is None:
        out.update(dict.fromkeys(FIELDS))
        return out
    place = mention.place
    lat = place.latitude if place.center_latitude is None else place.center_latitude
    lon = place.longitude if place.center_longitude is None else place.center_longitude
    out.update(
        latitude=round(lat, 5), longitude=round(lon, 5),
        country_iso3=place.country_iso3 or None, admin1_code=place.admin1_code,
        geonameid=place.geonameid,
    )  # fmt: skip
    return out


def _offsets(doc: dict[str, Any], toponym: Any, length: int) -> tuple[int, int]:
    try:
        start, end = int(toponym["start"]), int(toponym["end"])
    except (TypeError, KeyError, ValueError) as exc:
        raise FormatError(
            f"document {doc.get('id')!r}: a toponym needs integer 'start' and 'end', "
            f"got {toponym!r:.60}"
        ) from exc
    if not 0 <= start < end <= length:
        raise FormatError(
            f"document {doc.get('id')!r}: toponym span {start}-{end} is outside its text "
            f"(0-{length})"
        )
    return start, end
