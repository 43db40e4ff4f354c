"""brands, posts, documents

Revision ID: 0001
Revises:
Create Date: 2025-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "brands",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("audience", sa.Text, nullable=False),
        sa.Column("voice_notes", sa.Text, nullable=False),
        sa.Column("words_to_use", sa.JSON, nullable=False),
        sa.Column("words_to_avoid", sa.JSON, nullable=False),
        sa.Column("default_channels", sa.JSON, nullable=False),
        sa.Column("industry", sa.String(100), nullable=False),
        sa.Column("style_profile", sa.JSON, nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sqlite_autoincrement=True,  # ids key KB chunks: never reuse one
    )
    op.create_table(
        "posts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("brand_id", sa.Integer, sa.ForeignKey("brands.id", ondelete="CASCADE"), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("channel", sa.String(50), nullable=True),
        sa.Column("engagement", sa.JSON, nullable=True),
        sa.Column("posted_at", _TS, nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.UniqueConstraint("brand_id", "content_hash", name="uq_posts_brand_hash"),
    )
    op.create_index("ix_posts_brand_id", "posts", ["brand_id"])
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("brand_id", sa.Integer, sa.ForeignKey("brands.id", ondelete="CASCADE"), nullable=False),
        sa.Column("path", sa.String(1000), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("mime", sa.String(100), nullable=False),
        sa.Column("n_chunks", sa.Integer, nullable=False),
        sa.Column("ingested_at", _TS, nullable=False),
        sa.UniqueConstraint("brand_id", "path", name="uq_documents_brand_path"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_documents_brand_id", "documents", ["brand_id"])
    op.create_index("ix_documents_content_hash", "documents", ["content_hash"])


def downgrade() -> None:
    op.drop_table("documents")
    op.drop_table("posts")
    op.drop_table("brands")
