"""RSVP details kept with the click: the display name a member clicked with, and which of an
agenda's Discord scheduled events each member marked "Interested".

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("rsvps") as batch:
        batch.add_column(sa.Column("display_name", sa.String(length=100), nullable=True))
    op.create_table(
        "rsvp_interests",
        sa.Column("guild_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("schedule_id", sa.String(length=128), nullable=False),
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("event_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint(
            "guild_id", "schedule_id", "user_id", "event_id", name=op.f("pk_rsvp_interests")
        ),
    )


def downgrade() -> None:
    op.drop_table("rsvp_interests")
    with op.batch_alter_table("rsvps") as batch:
        batch.drop_column("display_name")
