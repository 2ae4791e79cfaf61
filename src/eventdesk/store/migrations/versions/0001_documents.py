"""documents, quarantine, learned boilerplate and runs

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("content_hash", sa.String(64), primary_key=True),
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("clean", sa.Text, nullable=False),
        sa.Column("offsets", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("published_precision", sa.String(8)),
        sa.Column("published_method", sa.String(10)),
        sa.Column("language", sa.String(8)),
        sa.Column("origin", sa.Text),
        sa.Column("format", sa.String(8)),
        sa.Column("outlet_key", sa.Text, nullable=False),
        sa.Column("line_keys", sa.Text, nullable=False),
        sa.Column("schema_version", sa.Integer, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_documents_doc_id", "documents", ["doc_id"])
    op.create_index("ix_documents_outlet_key", "documents", ["outlet_key"])
    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(64), nullable=False, unique=True),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("line", sa.Integer),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("sample", sa.LargeBinary),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "boilerplate",
        sa.Column("outlet_key", sa.Text, primary_key=True),
        sa.Column("line_key", sa.String(16), primary_key=True),
        sa.Column("doc_count", sa.Integer, nullable=False),
        sa.Column("example", sa.Text, nullable=False),
        sa.Column("applied", sa.Boolean, nullable=False),
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("command", sa.Text, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        sa.Column("report", sa.Text),
    )


def downgrade() -> None:
    op.drop_table("runs")
    op.drop_table("boilerplate")
    op.drop_table("quarantine")
    op.drop_index("ix_documents_outlet_key", "documents")
    op.drop_index("ix_documents_doc_id", "documents")
    op.drop_table("documents")
