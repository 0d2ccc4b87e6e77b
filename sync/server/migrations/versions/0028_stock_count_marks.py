"""stocktakes across counters: the latest posted count of each product in a store
(stock_count_mark), filled from the stocktakes already posted, so a movement made before a
count and reaching the server after its post is taken back as of the count

Revision ID: 0028_stock_count_marks
Revises: 0027_stock_on_hand
Create Date: 2026-12-07 16:00:00
"""

import json
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0028_stock_count_marks"
down_revision = "0027_stock_on_hand"
branch_labels = None
depends_on = None

_ID = sa.String(length=36)


def upgrade() -> None:
    mark = op.create_table(
        "stock_count_mark",
        sa.Column("store_id", _ID, nullable=False),
        sa.Column("product_id", _ID, nullable=False),
        sa.Column("counted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stocktake_id", _ID, nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"], ["store.id"], name="fk_stock_count_mark_store_id_store"
        ),
        sa.PrimaryKeyConstraint("store_id", "product_id"),
    )
    posted = op.get_bind().execute(
        sa.text("SELECT id, store_id, lines FROM stocktake WHERE lines IS NOT NULL")
    )
    latest: dict[tuple[str, str], tuple[datetime, str]] = {}
    for take_id, store_id, lines in posted:
        for line in json.loads(lines):
            if not line.get("counted_at"):
                continue
            at = datetime.fromisoformat(line["counted_at"])
            key = (store_id, line["product_id"])
            if key not in latest or at > latest[key][0]:
                latest[key] = (at, take_id)
    rows = [
        {"store_id": s, "product_id": p, "counted_at": at, "stocktake_id": t}
        for (s, p), (at, t) in latest.items()
    ]
    if rows:
        op.bulk_insert(mark, rows)


def downgrade() -> None:
    op.drop_table("stock_count_mark")
