"""events and the documents they were read from

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("event_date", sa.String(10), nullable=False),
        sa.Column("event_type", sa.Text, nullable=False),
        sa.Column("sub_event_type", sa.Text, nullable=False),
        sa.Column("country_iso3", sa.String(3), nullable=False),
        sa.Column("admin1_code", sa.String(8)),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("schema_version", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_events_date", "events", ["event_date"])
    op.create_index("ix_events_place", "events", ["country_iso3", "admin1_code"])
    op.create_table(
        "event_sources",
        sa.Column(
            "event_id",
            sa.String(40),
            sa.ForeignKey("events.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("doc_id", sa.Text, primary_key=True),
        sa.Column("start", sa.Integer, primary_key=True),
        sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_index("ix_event_sources_doc", "event_sources", ["doc_id"])


def downgrade() -> None:
    op.drop_index("ix_event_sources_doc", "event_sources")
    op.drop_table("event_sources")
    op.drop_index("ix_events_place", "events")
    op.drop_index("ix_events_date", "events")
    op.drop_table("events")
