"""A product's stock fields in the console's catalog forms (SQLite and PostgreSQL): the unit
its stock is kept in (件/毫升/克), units a package and whether a batch needs an expiry date,
checked as the counter checks them (domain.stock), saved through master_data so a real
counter pulls them, and a unit or package size change refused, as the counter refuses it,
while a store holds stock of the product."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import text

from salon_pos.db.models import Product
from salon_pos.domain.stock import UnitChangeWithStock, unit_words
from salon_pos.services.backend import Backend
from salon_pos.services.stock import ReceiptLine
from tests.sync.client.feed import seed_store, seed_team
from tests.sync.in_process import sync_in_process
from tests.sync.server.conftest import Server
from tests.sync.web.conftest import Browser
from tests.sync.web.test_console_catalog import (
    HEADER,
    PRODUCT,
    add,
    catalog_of,
    counter,
    csv_bytes,
    feed,
    item_id,
    rows,
    upload,
)

__all__ = ["counter"]  # the fixture, a real counter joined to the server
PACKED = PRODUCT | {"unit": "ml", "pack_size": "500", "needs_expiry": "1"}


def _form(fields: dict[str, str], **changed: str) -> dict[str, str]:
    return {k: v for k, v in (fields | changed).items() if k != "kind"}


def test_a_product_is_added_with_its_unit_package_and_expiry(
    server: Server, owner: Browser
) -> None:
    answer = add(owner, server, PACKED)
    assert answer.status_code == 200, answer.text
    [stored] = rows(server)
    assert (stored["unit"], stored["pack_size"], stored["needs_expiry"]) == ("ml", 500, True)
    with server.engine.connect() as connection:
        column = connection.execute(
            text("SELECT unit, pack_size, needs_expiry FROM catalog_item")
        ).one()
    assert tuple(column) == ("ml", 500, True)
    sent = feed(server)[-1][1]
    assert (sent["unit"], sent["pack_size"], sent["needs_expiry"]) == ("ml", 500, True)
    page = owner.client.get(f"{catalog_of(server)}/items/{stored['id']}").text
    assert '<option value="ml" selected>' in page and 'name="pack_size" value="500"' in page
    assert 'name="needs_expiry" value="1" checked' in page
    plain = add(owner, server, PRODUCT, name="面膜", sku="SKU-002", barcode="")
    assert plain.status_code == 200
    mask = next(r for r in rows(server) if r["name"] == "面膜")
    assert (mask["unit"], mask["pack_size"], mask["needs_expiry"]) == ("piece", 1, False)


def test_a_bad_unit_or_package_size_is_refused_and_nothing_saved(
    server: Server, owner: Browser
) -> None:
    for changed, message in (
        ({"unit": "kg"}, "玻尿酸精华：库存单位只能是件、毫升或克，不能是 kg。"),
        ({"pack_size": "0"}, "每包装数量须为 1 至 100000 的整数（当前为 0）"),
        ({"pack_size": "-3"}, "每包装数量须为 1 至 100000 的整数（当前为 -3）"),
        ({"pack_size": "1.5"}, "（当前为 1.5）"),
        ({"pack_size": "五百"}, "（当前为 五百）"),
        ({"pack_size": "100001"}, "（当前为 100001）"),
    ):
        answer = add(owner, server, PACKED, **changed)
        assert answer.status_code == 400 and message in answer.text, changed
        assert 'name="pack_size"' in answer.text  # the form again, as typed
    assert rows(server) == [] and feed(server) == []
    owner.client.cookies.set("salon_lang", "en")
    answer = add(owner, server, PACKED, pack_size="0")
    assert "a package holds a whole number of units from 1 to 100000 (got 0)" in answer.text


def test_an_edit_changes_the_unit_of_a_product_no_store_holds(
    server: Server, owner: Browser
) -> None:
    add(owner, server, PACKED)
    item = item_id(server, "玻尿酸精华")
    page = f"{catalog_of(server)}/items/{item}"
    refused = owner.post(page, page, **_form(PACKED, unit="litre"))
    assert refused.status_code == 400 and "不能是 litre" in refused.text
    answer = owner.post(page, page, **_form(PACKED, unit="g", pack_size="50", needs_expiry=""))
    assert answer.status_code == 200, answer.text
    sent = feed(server)[-1][1]
    assert (sent["unit"], sent["pack_size"], sent["needs_expiry"]) == ("g", 50, False)
    older = {k: v for k, v in _form(PACKED, price="99").items() if k not in ("unit", "pack_size")}
    assert owner.post(page, page, **older).status_code == 200  # a form without the fields
    [stored] = rows(server)
    assert (stored["price"], stored["unit"], stored["pack_size"]) == (9900, "g", 50)


def test_the_unit_reaches_a_counter_and_stays_while_the_store_holds_stock(
    server: Server, owner: Browser, counter: tuple[Backend, Path]
) -> None:
    app, home = counter
    team, shelf = seed_store(app)
    assert sync_in_process(app, home, server).error is None
    serum = shelf.serum
    page = f"{catalog_of(server)}/items/{serum}"
    form = _form(PACKED, barcode="6901234", price="128", cost="50")
    assert owner.post(page, page, **form).status_code == 200
    assert sync_in_process(app, home, server).error is None
    with app.db.read() as session:
        held = session.get(Product, serum)
        assert held is not None
        assert (held.unit, held.pack_size, held.needs_expiry) == ("ml", 500, True)

    line = ReceiptLine(serum, 2, 5000, "L2026", expires_on=date(2027, 6, 30))
    app.stock.receive([line], team.manager.id)
    assert sync_in_process(app, home, server).error is None
    with server.engine.connect() as connection:
        on_hand = connection.execute(
            text("SELECT quantity FROM stock_on_hand WHERE product_id = :p"), {"p": serum}
        ).scalar_one()
    assert on_hand == 1000
    before = feed(server)
    message = UnitChangeWithStock(name="玻尿酸精华", unit=unit_words("ml"), on_hand=1000)
    for changed in ({"unit": "g"}, {"pack_size": "250"}, {"unit": "piece", "pack_size": "1"}):
        refused = owner.post(page, page, **(form | changed))
        assert refused.status_code == 400 and message.text("zh_CN") in refused.text, changed
    assert feed(server) == before
    assert owner.post(page, page, **(form | {"needs_expiry": ""})).status_code == 200
    assert feed(server)[-1][1]["needs_expiry"] is False  # the expiry rule is not the ledger's
    assert sync_in_process(app, home, server).error is None
    with app.db.read() as session:
        held = session.get(Product, serum)
        assert held is not None
        assert (held.unit, held.pack_size, held.needs_expiry) == ("ml", 500, False)


def test_a_catalog_file_sets_the_stock_fields_keeps_them_when_left_out_and_refuses_a_change(
    server: Server, owner: Browser, counter: tuple[Backend, Path]
) -> None:
    """A file with 库存单位/包装规格/需效期 sets them; a price list without them leaves them
    as they are; a unit change is refused by line while a store holds stock."""
    header = ["类型", "分类", "名称", "价格", "编号", "成本", "库存单位", "包装规格", "需效期"]
    data = csv_bytes(
        [header, ["商品", "院装", "玻尿酸原液", "0", "BB-1", "300", "毫升", "500", "是"]]
    )
    assert "新增 1 条" in upload(owner, server, data).text
    [stored] = rows(server)
    assert (stored["unit"], stored["pack_size"], stored["needs_expiry"]) == ("ml", 500, True)
    prices = csv_bytes([HEADER, ["商品", "院装", "玻尿酸原液", "0", "", "BB-1", "", "320"]])
    assert "更新 1 条" in upload(owner, server, prices).text
    [stored] = rows(server)
    assert (stored["cost"], stored["unit"], stored["pack_size"]) == (32000, "ml", 500)
    assert stored["needs_expiry"] is True

    app, home = counter
    team = seed_team(app)
    assert sync_in_process(app, home, server).error is None
    line = ReceiptLine(stored["id"], 1, 32000, "L1", expires_on=date(2027, 6, 30))
    app.stock.receive([line], team.manager.id)
    assert sync_in_process(app, home, server).error is None
    before = feed(server)
    pieces = csv_bytes([header, ["商品", "院装", "玻尿酸原液", "0", "BB-1", "", "件", "", ""]])
    answer = upload(owner, server, pieces)
    message = UnitChangeWithStock(name="玻尿酸原液", unit=unit_words("ml"), on_hand=500)
    assert "出错 1 行" in answer.text and message.text("zh_CN") in answer.text
    assert feed(server) == before
    bad = csv_bytes([header, ["商品", "院装", "按摩油", "0", "BB-2", "", "升", "0", "也许"]])
    assert "出错 1 行" in upload(owner, server, bad).text
