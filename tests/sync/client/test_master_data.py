"""Master data converges through the real server (SQLite and PostgreSQL): two counters that
import the same catalog offline end with one catalog; sales of either copy count once; prices
and store-wide settings changed at the server reach every counter on its next pull."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from salon_pos.db.models import ParkedChange, Product, ServiceItem, Ticket, TicketLine
from salon_pos.domain.ticket import LineKind, RoundingRule, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest, Tender
from salon_pos.services.importing import import_catalog
from sync.server import admin, master_data, models
from tests.conftest import FakeClock, Team
from tests.keyring_backend import MemoryKeyring
from tests.sync.client.conftest import enroll, sync_once
from tests.sync.client.feed import open_counter, seed_team
from tests.sync.live_server import LiveServer

ALIAS = models.table_of(models.CatalogAlias)
CATALOG = models.table_of(models.CatalogItem)


def write_catalog(path: Path) -> Path:
    """15 services and 15 products, as a salon's catalog CSV."""
    with path.open("w", newline="", encoding="utf-8") as out:
        rows = csv.writer(out)
        rows.writerow(["类型", "分类", "名称", "价格", "时长", "编号", "条码"])
        for n in range(15):
            rows.writerow(["服务", f"护理{n % 3}", f"项目{n:02d}", f"{100 + n}.00", "60", "", ""])
        for n in range(15):
            name, price, sku = f"精华{n:02d}", f"{50 + n}.50", f"SKU-{n:03d}"
            rows.writerow(["商品", "护肤品", name, price, "", sku, f"69012345{n:05d}"])
    return path


def catalog_ids(counter: Backend) -> set[str]:
    with counter.db.read() as session:
        services = session.scalars(select(ServiceItem.id)).all()
        products = session.scalars(select(Product.id)).all()
    return {*services, *products}


def sell_everything_once(counter: Backend, team: Team) -> int:
    """One ticket per five items of the counter's catalog, every item once; the fen taken."""
    offers = [(LineKind.SERVICE, s.id, s.price) for s in counter.catalog.services()]
    offers += [(LineKind.PRODUCT, p.id, p.price) for p in counter.catalog.products()]
    taken = 0
    for start in range(0, len(offers), 5):
        chunk = offers[start : start + 5]
        total = sum(price for _, _, price in chunk)
        lines = [SaleLine(kind, item_id, technician_id=team.tech.id) for kind, item_id, _ in chunk]
        request = SaleRequest(team.desk.id, lines, [Tender(TenderKind.CASH, total)])
        taken += counter.checkout.complete_sale(request).total
    return taken


def dangling_lines(counter: Backend) -> list[str]:
    """Ticket lines whose item this counter's catalog does not hold."""
    known = catalog_ids(counter)
    with counter.db.read() as session:
        return [i for i in session.scalars(select(TicketLine.item_id)) if i not in known]


def test_two_counters_importing_one_catalog_offline_end_with_one(
    counters: tuple[Backend, Backend],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    tmp_path: Path,
    clock: FakeClock,
) -> None:
    a1, b1 = counters
    team = seed_team(a1)
    assert sync_once(a1).error is None and sync_once(b1).error is None  # B1 knows the staff

    live_server.stop()  # both offline: each imports the same catalog and sells all of it
    catalog = write_catalog(tmp_path / "catalog.csv")
    for counter in (a1, b1):
        report = import_catalog(counter, catalog)
        assert (report.created, report.bad_rows) == (30, 0), report
    assert catalog_ids(a1).isdisjoint(catalog_ids(b1))  # two copies, with ids of their own
    taken = sell_everything_once(a1, team)
    clock.advance(minutes=5)
    taken += sell_everything_once(b1, team)
    assert taken == 2 * (sum(range(100, 115)) * 100 + sum(range(50, 65)) * 100 + 15 * 50)

    live_server.start()
    for counter in (a1, b1, a1, b1):
        report = sync_once(counter)
        assert report.error is None and report.pending == 0 and report.rejected == 0, report

    kept = catalog_ids(a1)
    assert len(kept) == 30 and catalog_ids(b1) == kept  # one catalog, the first applied
    for counter in (a1, b1):
        assert dangling_lines(counter) == []
        with counter.db.read() as session:
            assert session.scalar(select(func.count()).select_from(Ticket)) == 12
    with server_engine.connect() as connection:
        held = connection.execute(
            select(func.count()).select_from(CATALOG).where(CATALOG.c.store_id == store_id)
        ).scalar()
        aliases = connection.execute(select(ALIAS.c.alias_id, ALIAS.c.item_id)).all()
    assert held == 30 and len(aliases) == 30 and {a.item_id for a in aliases} == kept
    per_item = master_data.sales_per_item(server_engine, store_id)
    assert set(per_item) == kept
    assert {s.quantity for s in per_item.values()} == {2}  # each sale counted once, both copies
    assert sum(s.amount for s in per_item.values()) == taken
    assert admin.store_sales_total(server_engine, store_id) == taken

    # A price changed at the server is on both counters after their next pull.
    item = sorted(kept)[0]
    master_data.set_price(server_engine, store_id, item, 88800)
    for counter in (a1, b1):
        assert sync_once(counter).error is None
        prices = {s.id: s.price for s in counter.catalog.services()}
        prices |= {p.id: p.price for p in counter.catalog.products()}
        assert prices[item] == 88800


def test_store_wide_settings_reach_every_counter_and_local_ones_stay(
    counters: tuple[Backend, Backend], server_engine: Engine, store_id: str, clock: FakeClock
) -> None:
    a1, b1 = counters
    a1.settings.update(store_name="丽人美业·人民路店", rounding=RoundingRule.DROP_JIAO)
    a1.settings.update(paper_width_mm=58, language="en")  # this counter's own
    clock.advance(seconds=5)
    b1.settings.update(receipt_footer="周一店休", rounding=RoundingRule.DROP_FEN)  # later: wins
    for counter in (a1, b1, a1):
        assert sync_once(counter).error is None
    for counter in (a1, b1):
        now = counter.settings.current
        assert (now.store_name, now.receipt_footer) == ("丽人美业·人民路店", "周一店休")
        assert now.rounding is RoundingRule.DROP_FEN
    assert (a1.settings.current.paper_width_mm, b1.settings.current.paper_width_mm) == (58, 80)
    assert b1.settings.current.language == "zh_CN"

    clock.advance(seconds=5)
    master_data.edit_store_settings(server_engine, store_id, {"cutover_hour": 6})
    for counter in (a1, b1):
        report = sync_once(counter)
        assert report.error is None and report.changed.touches("settings")
        assert counter.settings.current.cutover_hour == 6
    assert master_data.store_settings(server_engine, store_id)["store_name"] == "丽人美业·人民路店"


@pytest.fixture
def two_stores(
    tmp_path: Path,
    clock: FakeClock,
    migrated_template: Path,
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    memory_keyring: MemoryKeyring,
) -> Iterator[tuple[Backend, Backend]]:
    """A1 of the first store and C1 of a second store of the same owner, both enrolled."""
    second = admin.create_store(server_engine, "owner@example.com", "丽人美容 二店")
    a1 = open_counter(tmp_path / "a1", migrated_template, clock, "A1")
    c1 = open_counter(tmp_path / "c1", migrated_template, clock, "C1")
    for counter, store in ((a1, store_id), (c1, second)):
        enroll(counter, live_server.url, admin.create_enrollment_code(server_engine, store))
    yield a1, c1
    a1.close()
    c1.close()


def test_a_chain_item_edited_at_a_counter_of_another_store_reaches_both_at_their_own_prices(
    two_stores: tuple[Backend, Backend], server_engine: Engine
) -> None:
    a1, c1 = two_stores
    facial = a1.catalog.add_service("面部护理", "补水保湿护理", 19800, 60, "facial")
    assert sync_once(a1).pending == 0
    master_data.share_item(server_engine, facial.id)  # the owner shares it with the chain
    assert sync_once(c1).error is None
    held = c1.catalog.item(LineKind.SERVICE, facial.id)
    assert (held.name, held.price) == ("补水保湿护理", 19800)

    # The second store's manager renames it and gives it the store's own price.
    c1.catalog.edit(replace(held, name="深层补水护理", price=16800))
    for counter in (c1, a1, c1):
        assert sync_once(counter).error is None
    here, there = (c.catalog.item(LineKind.SERVICE, facial.id) for c in (a1, c1))
    assert (here.name, here.price) == ("深层补水护理", 19800)  # the name is the chain's
    assert (there.name, there.price) == ("深层补水护理", 16800)  # the price the store's


def test_a_stores_own_product_becomes_the_chain_item_when_the_owner_shares_the_same_one(
    two_stores: tuple[Backend, Backend], server_engine: Engine
) -> None:
    a1, c1 = two_stores
    team = seed_team(c1)
    ours = a1.catalog.add_product("护肤品", "玻尿酸精华", "S-1", 26800, barcode="6901234500001")
    theirs = c1.catalog.add_product("护肤品", "玻尿酸精华液", "B-7", 25800, barcode="6901234500001")
    sale = SaleRequest(team.desk.id, [SaleLine(LineKind.PRODUCT, theirs.id)],
                       [Tender(TenderKind.CASH, 25800)])  # fmt: skip
    c1.checkout.complete_sale(sale)
    for counter in (a1, c1):
        assert sync_once(counter).pending == 0

    master_data.share_item(server_engine, ours.id)  # the owner puts A's serum in the chain
    report = sync_once(c1)
    assert report.error is None and report.rejected == 0, report
    assert [p.id for p in c1.catalog.products()] == [ours.id]  # one serum, the chain's
    held = c1.catalog.item(LineKind.PRODUCT, ours.id)
    assert (held.name, held.price, held.sku) == ("玻尿酸精华", 25800, "S-1")  # its price
    with c1.db.read() as session:
        assert list(session.scalars(select(TicketLine.item_id))) == [ours.id]
        assert session.scalar(select(func.count()).select_from(ParkedChange)) == 0
    assert sync_once(a1).error is None
    assert a1.catalog.item(LineKind.PRODUCT, ours.id).price == 26800
