"""the owner's web console: store-manager accounts and their stores, browser sessions (only
the hash of the cookie's id), wrong-password counts, and what each counter last reported

Revision ID: 0003_web_console
Revises: 0002_identity
Create Date: 2026-12-06 16:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_web_console"
down_revision = "0002_identity"
branch_labels = None
depends_on = None

ID = sa.String(length=36)
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "store_manager",
        sa.Column("id", ID, nullable=False),
        sa.Column("owner_id", ID, nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["owner.id"], name=op.f("fk_store_manager_owner_id_owner")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store_manager")),
        sa.UniqueConstraint("email", name=op.f("uq_store_manager_email")),
    )
    op.create_index(op.f("ix_store_manager_owner_id"), "store_manager", ["owner_id"], unique=False)
    op.create_table(
        "managed_store",
        sa.Column("manager_id", ID, nullable=False),
        sa.Column("store_id", ID, nullable=False),
        sa.ForeignKeyConstraint(
            ["manager_id"],
            ["store_manager.id"],
            name=op.f("fk_managed_store_manager_id_store_manager"),
        ),
        sa.ForeignKeyConstraint(
            ["store_id"], ["store.id"], name=op.f("fk_managed_store_store_id_store")
        ),
        sa.PrimaryKeyConstraint("manager_id", "store_id", name=op.f("pk_managed_store")),
    )
    op.create_table(
        "web_session",
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("account_id", ID, nullable=False),
        sa.Column("account_kind", sa.String(length=8), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("expires_at", WHEN, nullable=False),
        sa.Column("last_seen_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id_hash", name=op.f("pk_web_session")),
    )
    op.create_index(op.f("ix_web_session_account_id"), "web_session", ["account_id"], unique=False)
    op.create_table(
        "login_failure",
        sa.Column("account_id", ID, nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", WHEN, nullable=True),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_login_failure")),
    )
    op.create_table(
        "device_report",
        sa.Column("device_id", ID, nullable=False),
        sa.Column("seen_at", WHEN, nullable=False),
        sa.Column("app_version", sa.String(length=32), nullable=True),
        sa.Column("queued", sa.BigInteger(), nullable=True),
        sa.Column("oldest_queued_at", WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["device_id"], ["device.id"], name=op.f("fk_device_report_device_id_device")
        ),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_device_report")),
    )


def downgrade() -> None:
    op.drop_table("device_report")
    op.drop_table("login_failure")
    op.drop_index(op.f("ix_web_session_account_id"), table_name="web_session")
    op.drop_table("web_session")
    op.drop_table("managed_store")
    op.drop_index(op.f("ix_store_manager_owner_id"), table_name="store_manager")
    op.drop_table("store_manager")
