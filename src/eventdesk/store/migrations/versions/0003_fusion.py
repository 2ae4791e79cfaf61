"""fusion: each document's reports of incidents, and the ids fused events had before

Revision ID: 0003_fusion
Revises: 0002
Create Date: 2026-11-30

`reports` keeps every event as one document tells it (the code stage's per-document event and
the document features fusion compares), with the fused event it belongs to: a new document's
reports are fused with the stored ones near them, and only the events they touch are rewritten.
`event_aliases` maps the id of an event that was merged into another (or whose earliest report
changed) to the id it has now. `unknown_actors` keeps the names of groups the actor registry did
not know, verbatim, with the sentence each was read in (`eventdesk actors unknown`). The
`events` and `event_sources` tables keep their columns and meaning.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_fusion"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("event_id", sa.String(40)),
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("country_iso3", sa.String(3), nullable=False),
        sa.Column("admin1_code", sa.String(8)),
        sa.Column("day", sa.Integer, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("schema_version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_reports_place_day", "reports", ["country_iso3", "day"])
    op.create_index("ix_reports_event", "reports", ["event_id"])
    op.create_index("ix_reports_content_hash", "reports", ["content_hash"])
    op.create_table(
        "event_aliases",
        sa.Column("old_id", sa.String(40), primary_key=True),
        sa.Column("event_id", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_event_aliases_event", "event_aliases", ["event_id"])
    op.create_table(
        "unknown_actors",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("language", sa.String(8)),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
    )
    op.create_index("ix_unknown_actors_content_hash", "unknown_actors", ["content_hash"])
    op.create_index("ix_unknown_actors_key", "unknown_actors", ["key"])


def downgrade() -> None:
    op.drop_index("ix_unknown_actors_key", "unknown_actors")
    op.drop_index("ix_unknown_actors_content_hash", "unknown_actors")
    op.drop_table("unknown_actors")
    op.drop_index("ix_event_aliases_event", "event_aliases")
    op.drop_table("event_aliases")
    op.drop_index("ix_reports_content_hash", "reports")
    op.drop_index("ix_reports_event", "reports")
    op.drop_index("ix_reports_place_day", "reports")
    op.drop_table("reports")
