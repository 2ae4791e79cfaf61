"""The store's tables, as SQLAlchemy Core metadata (the migrations create them; this describes them)."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("content_hash", sa.String(64), primary_key=True),
    sa.Column("doc_id", sa.Text, nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("clean", sa.Text, nullable=False),
    sa.Column("offsets", sa.Text, nullable=False),  # JSON list of (clean_start, raw_start, length)
    sa.Column("url", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(10)),
    sa.Column("published_precision", sa.String(8)),
    sa.Column("published_method", sa.String(10)),
    sa.Column("language", sa.String(8)),
    sa.Column("origin", sa.Text),
    sa.Column("format", sa.String(8)),
    sa.Column("outlet_key", sa.Text, nullable=False, index=True),
    sa.Column("line_keys", sa.Text, nullable=False),  # JSON list: the paragraphs' boilerplate keys
    sa.Column("schema_version", sa.Integer, nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

quarantine = sa.Table(
    "quarantine",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("key", sa.String(64), nullable=False, unique=True),  # one row per input and reason
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("line", sa.Integer),
    sa.Column("reason", sa.String(32), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("sample", sa.LargeBinary),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

boilerplate = sa.Table(
    "boilerplate",
    metadata,
    sa.Column("outlet_key", sa.Text, primary_key=True),
    sa.Column("line_key", sa.String(16), primary_key=True),
    sa.Column("doc_count", sa.Integer, nullable=False),
    sa.Column("example", sa.Text, nullable=False),
    sa.Column(
        "applied", sa.Boolean, nullable=False
    ),  # stored documents re-cleaned since it became boilerplate
)

runs = sa.Table(
    "runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("command", sa.Text, nullable=False),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.Column("report", sa.Text),  # JSON counts
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("event_date", sa.String(10), nullable=False, index=True),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("sub_event_type", sa.Text, nullable=False),
    sa.Column("country_iso3", sa.String(3), nullable=False),
    sa.Column("admin1_code", sa.String(8)),
    sa.Column("data", sa.Text, nullable=False),  # the event's JSON (schema fields)
    sa.Column("schema_version", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    # read from `data` (store.eventrows.index_columns), for filters and sorting
    sa.Column("country", sa.Text),
    sa.Column("admin1", sa.Text),
    sa.Column("location", sa.Text),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("fatalities", sa.Integer),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("disputed", sa.Boolean, nullable=False),
    sa.Column("actors", sa.Text, nullable=False),  # lower-cased actor names, one a line
    sa.Column("search", sa.Text, nullable=False),  # lower-cased text for free-text search
    sa.Column("priority", sa.Float, nullable=False),  # how much it needs a human (review queue)
    # review state
    sa.Column("status", sa.String(10), nullable=False),  # new accepted edited rejected merged
    sa.Column("version", sa.Integer, nullable=False),  # +1 on every review write (ETag)
    sa.Column("merged_into", sa.String(40)),
)

event_sources = sa.Table(
    "event_sources",
    metadata,
    sa.Column(
        "event_id", sa.String(40), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("doc_id", sa.Text, primary_key=True, index=True),
    sa.Column("start", sa.Integer, primary_key=True),
    sa.Column("end", sa.Integer, nullable=False),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(80), nullable=False, unique=True),
    sa.Column("role", sa.String(10), nullable=False),  # viewer reviewer admin
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("disabled", sa.Boolean, nullable=False),
)

tokens = sa.Table(
    "tokens",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("digest", sa.String(64), nullable=False, unique=True),  # sha256 of the token
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True)),
)

reviews = sa.Table(  # append-only: rows are never updated or deleted; an undo is a new row
    "reviews",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("action", sa.String(10), nullable=False),  # accept edit reject merge split undo
    sa.Column("event_id", sa.String(40), nullable=False),  # the event the action was asked on
    sa.Column("user_name", sa.String(80), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("before", sa.Text, nullable=False),  # JSON {event id: state or null}
    sa.Column("after", sa.Text, nullable=False),
    sa.Column("comment", sa.Text),
    sa.Column("undoes", sa.Integer),  # the review an undo reverts
)

review_events = sa.Table(  # every event a review touched (a merge or split touches several)
    "review_events",
    metadata,
    sa.Column("review_id", sa.Integer, sa.ForeignKey("reviews.id"), primary_key=True),
    sa.Column("event_id", sa.String(40), primary_key=True, index=True),
)

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("key", sa.String(40), primary_key=True),  # fuse.Report.key
    sa.Column("event_id", sa.String(40), index=True),  # the fused event it belongs to
    sa.Column("doc_id", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False, index=True),
    sa.Column("country_iso3", sa.String(3), nullable=False),
    sa.Column("admin1_code", sa.String(8)),
    sa.Column("day", sa.Integer, nullable=False),  # the event date's ordinal
    sa.Column(
        "data", sa.Text, nullable=False
    ),  # JSON {"event": per-document event, "doc": features}
    sa.Column("schema_version", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_reports_place_day", "country_iso3", "day"),
)

event_aliases = sa.Table(
    "event_aliases",
    metadata,
    sa.Column("old_id", sa.String(40), primary_key=True),  # an id an event no longer has
    sa.Column("event_id", sa.String(40), nullable=False, index=True),  # the id it has now
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

unknown_actors = sa.Table(
    "unknown_actors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("content_hash", sa.String(64), nullable=False, index=True),
    sa.Column("doc_id", sa.Text, nullable=False),
    sa.Column("language", sa.String(8)),
    sa.Column("name", sa.Text, nullable=False),  # verbatim
    sa.Column("key", sa.Text, nullable=False, index=True),  # casefolded, spaces collapsed
    sa.Column("sentence", sa.Text, nullable=False),
)
