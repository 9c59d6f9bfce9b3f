"""Agendas imported in Discord servers move into the database (every process reads them);
`follows.lead_minutes`, which holds leads as typed ("1d,15m"), is renamed `leads`.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "imported_agendas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imported_agendas")),
        sa.UniqueConstraint("guild_id", "name", name=op.f("uq_imported_agendas_guild_id")),
    )
    # Batch mode: SQLite renames a column by copying the table; the rows keep their values.
    with op.batch_alter_table("follows") as batch_op:
        batch_op.alter_column("lead_minutes", new_column_name="leads")


def downgrade() -> None:
    with op.batch_alter_table("follows") as batch_op:
        batch_op.alter_column("leads", new_column_name="lead_minutes")
    op.drop_table("imported_agendas")
