"""Documents in and out of the store (rows <-> records)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from eventdesk.records import DateMethod, DatePrecision, Document


def to_row(doc: Document, outlet_key: str, line_keys: list[str]) -> dict[str, Any]:
    return {
        "content_hash": doc.content_hash,
        "doc_id": doc.id,
        "text": doc.text,
        "clean": doc.clean,
        "offsets": json.dumps(doc.offsets, separators=(",", ":")),
        "url": doc.url,
        "source": doc.source,
        "title": doc.title,
        "published": doc.published,
        "published_precision": doc.published_precision and doc.published_precision.value,
        "published_method": doc.published_method and doc.published_method.value,
        "language": doc.language,
        "origin": doc.origin,
        "format": doc.format,
        "outlet_key": outlet_key,
        "line_keys": json.dumps(line_keys),
        "schema_version": doc.schema_version,
        "ingested_at": datetime.now(UTC),
    }


def from_row(row: Any) -> Document:
    """A Document from a row mapping (SQLAlchemy RowMapping or a dict)."""
    return Document(
        id=row["doc_id"],
        text=row["text"],
        clean=row["clean"],
        offsets=tuple(tuple(r) for r in json.loads(row["offsets"])),  # type: ignore[misc]
        content_hash=row["content_hash"],
        url=row["url"],
        source=row["source"],
        title=row["title"],
        published=row["published"],
        published_precision=DatePrecision(row["published_precision"])
        if row["published_precision"]
        else None,
        published_method=DateMethod(row["published_method"]) if row["published_method"] else None,
        language=row["language"],
        origin=row["origin"],
        format=row["format"],
        schema_version=row["schema_version"],
    )
