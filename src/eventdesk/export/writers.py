"""Writers for the export formats: each turns an iterator of events (schema JSON with `review`)
into an iterator of bytes, so the CLI writes them to a file and the API streams them."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import orjson

from eventdesk.errors import ConfigError
from eventdesk.export.acled import COLUMNS, row

Events = Iterable[dict[str, Any]]
BATCH = 2000


def csv_chunks(events: Events) -> Iterator[bytes]:
    """ACLED's columns in ACLED's order, then eventdesk's; UTF-8, a header line."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for n, event in enumerate(events, 1):
        writer.writerow(row(event))
        if n % BATCH == 0:
            yield _drain(buf)
    yield _drain(buf)


def jsonl_chunks(events: Events) -> Iterator[bytes]:
    """One event a line, as the schema has it (with its review state)."""
    lines: list[bytes] = []
    for event in events:
        lines.append(orjson.dumps(event, option=orjson.OPT_APPEND_NEWLINE))
        if len(lines) == BATCH:
            yield b"".join(lines)
            lines = []
    if lines:
        yield b"".join(lines)


def geojson_chunks(events: Events) -> Iterator[bytes]:
    """A FeatureCollection of points; each feature's properties are the event's fields."""
    yield b'{"type":"FeatureCollection","features":['
    parts: list[bytes] = []
    first = True
    for event in events:
        props = {k: v for k, v in event.items() if k not in ("latitude", "longitude")}
        geometry = {"type": "Point", "coordinates": [event["longitude"], event["latitude"]]}
        feature = {"type": "Feature", "id": event["id"], "geometry": geometry, "properties": props}
        parts.append((b"" if first else b",") + orjson.dumps(feature))
        first = False
        if len(parts) == BATCH:
            yield b"".join(parts)
            parts = []
    yield b"".join(parts) + b"]}"


def parquet_chunks(events: Events) -> Iterator[bytes]:
    """ACLED's columns (typed) plus the sources as JSON, in row groups of a few thousand events."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema(pa)
    sink = _Sink()
    with pq.ParquetWriter(pa.PythonFile(sink, mode="w"), schema, compression="zstd") as writer:
        batch: list[tuple[Any, ...]] = []
        for event in events:
            batch.append((*row(event), orjson.dumps(event.get("sources", [])).decode()))
            if len(batch) == BATCH * 10:
                writer.write_table(_table(pa, batch, schema))
                batch = []
                yield sink.take()
        writer.write_table(_table(pa, batch, schema))
    yield sink.take()


def _table(pa: Any, rows: list[tuple[Any, ...]], schema: Any) -> Any:
    columns: list[Any] = list(zip(*rows, strict=True)) if rows else [[] for _ in schema.names]
    return pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(columns, schema, strict=True)],
                                schema=schema)  # fmt: skip


def _parquet_schema(pa: Any) -> Any:
    ints = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
            "fatalities", "timestamp", "source_count"}  # fmt: skip
    floats = {"latitude", "longitude", "confidence"}
    fields = [(c, pa.int64() if c in ints else pa.float64() if c in floats
               else pa.bool_() if c == "disputed" else pa.string()) for c in COLUMNS]  # fmt: skip
    return pa.schema([*fields, ("sources", pa.string())])


FORMATS: dict[str, tuple[Callable[[Events], Iterator[bytes]], str, str]] = {
    "csv": (csv_chunks, "text/csv; charset=utf-8", "csv"),
    "jsonl": (jsonl_chunks, "application/x-ndjson", "jsonl"),
    "geojson": (geojson_chunks, "application/geo+json", "geojson"),
    "parquet": (parquet_chunks, "application/vnd.apache.parquet", "parquet"),
}


def writer(fmt: str) -> tuple[Callable[[Events], Iterator[bytes]], str, str]:
    """(chunks function, media type, file extension) of a format."""
    try:
        return FORMATS[fmt]
    except KeyError:
        raise ConfigError(f"unknown export format {fmt!r}; use {', '.join(FORMATS)}") from None


def _drain(buf: io.StringIO) -> bytes:
    out = buf.getvalue().encode()
    buf.seek(0)
    buf.truncate()
    return out


class _Sink:
    """A write-only file that hands over what was written so far and keeps counting offsets."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.offset = 0
        self.closed = False

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        self.offset += len(data)
        return len(data)

    def tell(self) -> int:
        return self.offset

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def take(self) -> bytes:
        out = b"".join(self.parts)
        self.parts = []
        return out
