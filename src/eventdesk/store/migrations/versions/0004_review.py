"""review: the columns the API filters and sorts events by, users, tokens, and the audit log

Revision ID: 0004_review
Revises: 0002
Create Date: 2026-11-30

The events table gains columns read from each event's JSON (coordinates, confidence, actors,
a lower-cased search text, the review priority), its review state (status, version) and
indexes for the dashboard's usual queries. `users`, `tokens` and `reviews` (append-only: a row
is never updated or deleted; an undo is a new row) hold who may write and what they did.
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0004_review"
down_revision = "0003_fusion"
branch_labels = None
depends_on = None


def event_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("country", sa.Text),
        sa.Column("admin1", sa.Text),
        sa.Column("location", sa.Text),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("fatalities", sa.Integer),
        sa.Column("confidence", sa.Float, nullable=False, server_default="0"),
        sa.Column("disputed", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("actors", sa.Text, nullable=False, server_default=""),
        sa.Column("search", sa.Text, nullable=False, server_default=""),
        sa.Column("priority", sa.Float, nullable=False, server_default="0"),
        sa.Column("status", sa.String(10), nullable=False, server_default="new"),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("merged_into", sa.String(40)),
    ]


INDEXES = {
    # a filter's column, then the default order (event_date, id), then status (every query
    # checks it): a page or a count is a range of one index, without reading the table
    "ix_events_date_id": ["event_date", "id", "status"],
    "ix_events_country_date": ["country_iso3", "event_date", "id", "status"],
    "ix_events_admin1_date": ["admin1_code", "event_date", "id", "status"],
    "ix_events_type_date": ["event_type", "event_date", "id", "status"],
    "ix_events_sub_type_date": ["sub_event_type", "event_date", "id", "status"],
    "ix_events_status_priority": ["status", "priority", "id"],  # the review queue
    # covers the map, the timeline, the menus and the other filters and sorts: they read this
    # index, never the events' JSON
    "ix_events_overview": [
        "status",
        "event_type",
        "sub_event_type",
        "country_iso3",
        "admin1_code",
        "event_date",
        "id",
        "latitude",
        "longitude",
        "fatalities",
        "confidence",
        "disputed",
    ],
}


def upgrade() -> None:
    from eventdesk.store.eventrows import index_columns

    with op.batch_alter_table("events") as batch:
        for column in event_columns():
            batch.add_column(column)
    names = {c.name for c in event_columns()}
    events = sa.table("events", sa.column("id"), sa.column("data"), *map(sa.column, names))
    conn = op.get_bind()
    for event_id, data in conn.execute(sa.select(events.c.id, events.c.data)).all():
        values = {k: v for k, v in index_columns(json.loads(data)).items() if k in names}
        conn.execute(sa.update(events).where(events.c.id == event_id).values(**values))
    for name, cols in INDEXES.items():
        op.create_index(name, "events", cols)
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(80), nullable=False, unique=True),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "tokens",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("event_id", sa.String(40), nullable=False),
        sa.Column("user_name", sa.String(80), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("before", sa.Text, nullable=False),
        sa.Column("after", sa.Text, nullable=False),
        sa.Column("comment", sa.Text),
        sa.Column("undoes", sa.Integer),
    )
    op.create_table(
        "review_events",
        sa.Column("review_id", sa.Integer, sa.ForeignKey("reviews.id"), primary_key=True),
        sa.Column("event_id", sa.String(40), primary_key=True),
    )
    op.create_index("ix_review_events_event", "review_events", ["event_id"])


def downgrade() -> None:
    op.drop_index("ix_review_events_event", "review_events")
    op.drop_table("review_events")
    op.drop_table("reviews")
    op.drop_table("tokens")
    op.drop_table("users")
    for name in INDEXES:
        op.drop_index(name, "events")
    with op.batch_alter_table("events") as batch:
        for column in reversed(event_columns()):
            batch.drop_column(column.name)
