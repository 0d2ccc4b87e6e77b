"""The migrations build the schema the models describe, on both databases."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from sync.server import models
from sync.server.db import create_server_engine
from sync.server.migrate import HEAD_REVISION, MIGRATIONS, alembic_config, migrate


def test_head_revision_constant_matches_the_scripts() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION
    assert (Path(MIGRATIONS) / "versions" / f"{HEAD_REVISION}.py").exists()


def test_migrations_match_the_models_and_run_twice(empty_server_database_url: str) -> None:
    migrate(empty_server_database_url)
    migrate(empty_server_database_url)
    engine = create_server_engine(empty_server_database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection)
            assert context.get_current_revision() == HEAD_REVISION
            differences = compare_metadata(context, models.Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_master_data_fills_the_codes_of_products_held_and_goes_down_again(
    empty_server_database_url: str,
) -> None:
    from alembic import command

    engine = create_server_engine(empty_server_database_url)
    data = '{"id": "p1", "kind": "product", "sku": "SKU-1", "barcode": "690", "price": 1}'
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0002_identity")
            for sql in (
                "INSERT INTO owner VALUES ('o1', 'a@b.c', 'x', '2026-11-20 06:30:00+00')",
                "INSERT INTO store VALUES ('s1', '一店', 'Asia/Shanghai', 'o1', 0,"
                " '2026-11-20 06:30:00+00')",
                "INSERT INTO catalog_item VALUES ('p1', 's1', 'product', '护肤品', '精华', 1,"
                f" '{data}', '2026-11-20 06:30:00+00')",
            ):
                connection.execute(text(sql))
            command.upgrade(alembic_config(connection), "head")
            row = connection.execute(text("SELECT sku, barcode, stamps FROM catalog_item")).one()
            assert tuple(row) == ("SKU-1", "690", "{}")
            command.downgrade(alembic_config(connection), "0002_identity")
            command.upgrade(alembic_config(connection), "head")
    finally:
        engine.dispose()


def test_inventory_gives_the_products_held_their_stock_defaults_and_goes_down_again(
    empty_server_database_url: str,
) -> None:
    from alembic import command

    engine = create_server_engine(empty_server_database_url)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0024_report_days")
            for sql in (
                "INSERT INTO owner VALUES ('o1', 'a@b.c', 'x', '2026-11-20 06:30:00+00')",
                "INSERT INTO store (id, name, time_zone, owner_id, change_seq, created_at)"
                " VALUES ('s1', '一店', 'Asia/Shanghai', 'o1', 0, '2026-11-20 06:30:00+00')",
                "INSERT INTO catalog_item (id, store_id, kind, category, name, price, data,"
                " updated_at) VALUES ('p1', 's1', 'product', '护肤品', '精华', 1, '{}',"
                " '2026-11-20 06:30:00+00')",
            ):
                connection.execute(text(sql))
            command.upgrade(alembic_config(connection), "head")
            row = connection.execute(
                text("SELECT unit, pack_size, needs_expiry FROM catalog_item")
            ).one()
            assert (row.unit, row.pack_size, bool(row.needs_expiry)) == ("piece", 1, False)
            command.downgrade(alembic_config(connection), "0024_report_days")
            command.upgrade(alembic_config(connection), "head")
            assert connection.execute(text("SELECT COUNT(*) FROM stock_movement")).scalar() == 0
    finally:
        engine.dispose()


def test_a_batch_is_kept_per_store_and_goes_down_to_one_row(
    empty_server_database_url: str,
) -> None:
    """0026: a transfer keeps the batch sent in the receiving store under its id too; going
    down, one store's row of it stays."""
    from alembic import command

    engine = create_server_engine(empty_server_database_url)
    batch = (
        "INSERT INTO stock_batch (id, store_id, product_id, code, received_at, op_id)"
        " VALUES ('b1', :store, 'p1', 'L1', '2026-11-20 06:30:00+00', 'op1')"
    )
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
            connection.execute(
                text("INSERT INTO owner VALUES ('o1', 'a@b.c', 'x', '2026-11-20 06:30:00+00')")
            )
            for store in ("s1", "s2"):
                connection.execute(
                    text(
                        "INSERT INTO store (id, name, time_zone, owner_id, change_seq, created_at)"
                        " VALUES (:store, '店', 'Asia/Shanghai', 'o1', 0, '2026-11-20 06:30:00+00')"
                    ),
                    {"store": store},
                )
                connection.execute(text(batch), {"store": store})
            command.downgrade(alembic_config(connection), "0025_inventory")
            kept = connection.execute(text("SELECT store_id FROM stock_batch")).scalars().all()
            assert kept == ["s1"]
            command.upgrade(alembic_config(connection), "head")
            assert connection.execute(text("SELECT COUNT(*) FROM stocktake")).scalar() == 0
    finally:
        engine.dispose()


def test_stock_on_hand_is_filled_from_the_ledger_and_goes_down_again(
    empty_server_database_url: str,
) -> None:
    """0027: each store's on hand per product, and whether the store keeps its stock, worked
    out from the movements held."""
    from alembic import command

    engine = create_server_engine(empty_server_database_url)
    movement = (
        "INSERT INTO stock_movement (id, store_id, product_id, kind, quantity, at, business_day,"
        " document_id, reason, op_id) VALUES (:id, :store, :product, :kind, :units,"
        " '2026-11-20 06:30:00+00', '2026-11-20', 'd1', '', 'op1')"
    )
    moved = [
        ("m1", "s1", "p1", "receipt", 10),
        ("m2", "s1", "p1", "sale", -3),
        ("m3", "s1", "p2", "sale", -2),  # never put in: not kept
        ("m4", "s2", "p1", "transfer_in", 4),
    ]
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0026_stock_documents")
            connection.execute(
                text("INSERT INTO owner VALUES ('o1', 'a@b.c', 'x', '2026-11-20 06:30:00+00')")
            )
            for store in ("s1", "s2"):
                connection.execute(
                    text(
                        "INSERT INTO store (id, name, time_zone, owner_id, change_seq, created_at)"
                        " VALUES (:store, '店', 'Asia/Shanghai', 'o1', 0, '2026-11-20 06:30:00+00')"
                    ),
                    {"store": store},
                )
            for m, store, product, kind, units in moved:
                values = {"id": m, "store": store, "product": product, "kind": kind}
                connection.execute(text(movement), values | {"units": units})
            command.upgrade(alembic_config(connection), "head")
            held = connection.execute(
                text("SELECT store_id, product_id, quantity, kept FROM stock_on_hand")
            ).all()
            assert sorted((s, p, q, bool(k)) for s, p, q, k in held) == [
                ("s1", "p1", 7, True),
                ("s1", "p2", -2, False),
                ("s2", "p1", 4, True),
            ]
            command.downgrade(alembic_config(connection), "0026_stock_documents")
            command.upgrade(alembic_config(connection), "head")
            assert connection.execute(text("SELECT COUNT(*) FROM stock_on_hand")).scalar() == 3
    finally:
        engine.dispose()
