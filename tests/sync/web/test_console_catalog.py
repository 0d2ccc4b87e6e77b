"""A store's catalog in the console (SQLite and PostgreSQL): listed with the store's prices and
searched like the counter searches; items added, edited, hidden; each bad input refused with its
reason and nothing changed; a CSV in the counter's format imported with a line-numbered report;
this store's own price and sharing to the chain; another account's ids are a 404."""

from __future__ import annotations

import csv
import gc
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from salon_pos.jobs.sync import RoundReport
from salon_pos.services.backend import Backend
from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.pages.cashier_catalog import ItemButton
from salon_pos.ui.shell import Shell
from sync.operations.setup import CHANGE_CATALOG_ITEM
from sync.server import master_data, models
from tests.conftest import FakeClock
from tests.keyring_backend import MemoryKeyring
from tests.sync.client.feed import open_counter, seed_store
from tests.sync.in_process import join, sync_in_process
from tests.sync.server.conftest import Server
from tests.sync.web.conftest import Browser

CHANGE = models.table_of(models.ChangeRecord)
SERVICE = {
    "kind": "service", "category": "面部护理", "name": "补水保湿护理", "price": "198",
    "duration_min": "60", "skill": "facial",
}  # fmt: skip
PRODUCT = {
    "kind": "product", "category": "护肤品", "name": "玻尿酸精华", "sku": "SKU-001",
    "barcode": "6901234567892", "price": "128.50", "cost": "60",
}  # fmt: skip


def catalog_of(server: Server, store_id: str | None = None) -> str:
    return f"/console/stores/{store_id or server.store_id}/catalog"


def add(browser: Browser, server: Server, fields: dict[str, str], **changed: str) -> Any:
    page = catalog_of(server)
    return browser.post(f"{page}/items", page, **(fields | changed))


def rows(server: Server) -> list[dict[str, Any]]:
    """The store's catalog as stored, with what its feed sends down."""
    with server.engine.connect() as connection:
        found = connection.execute(
            text("SELECT id, store_id, data FROM catalog_item ORDER BY name")
        ).mappings()
        return [dict(r) | json.loads(r["data"]) for r in found]


def feed(server: Server) -> list[tuple[str, dict[str, Any]]]:
    query = (
        select(CHANGE.c.entity_id, CHANGE.c.data)
        .where(CHANGE.c.store_id == server.store_id)
        .order_by(CHANGE.c.seq)
    )
    with server.engine.connect() as connection:
        return [(r[0], json.loads(r[1])) for r in connection.execute(query)]


def item_id(server: Server, name: str) -> str:
    [found] = [r["id"] for r in rows(server) if r["name"] == name]
    return str(found)


def test_items_added_in_the_console_are_listed_searched_and_sent_to_the_counters(
    server: Server, owner: Browser
) -> None:
    assert add(owner, server, SERVICE).status_code == 200
    answer = add(owner, server, PRODUCT)
    assert answer.status_code == 200 and "已添加“玻尿酸精华”" in answer.text
    stored = {r["name"]: r for r in rows(server)}
    assert stored["补水保湿护理"]["price"] == 19800 and stored["补水保湿护理"]["duration_min"] == 60
    product = stored["玻尿酸精华"]
    assert (product["price"], product["cost"], product["sku"]) == (12850, 6000, "SKU-001")
    sent = {data["name"]: data for _, data in feed(server)}
    assert (
        sent["玻尿酸精华"]["barcode"] == "6901234567892"
        and sent["补水保湿护理"]["skill"] == "facial"
    )

    page = owner.client.get(catalog_of(server)).text
    assert "¥198.00" in page and "¥128.50" in page and "面部护理" in page
    for query, found, not_found in (
        ("bsbs", "补水保湿护理", "玻尿酸精华"),  # pinyin initials, as at the counter
        ("SKU-0", "玻尿酸精华", "补水保湿护理"),
        ("6901234", "玻尿酸精华", "补水保湿护理"),
        ("保湿", "补水保湿护理", "玻尿酸精华"),
    ):
        shown = owner.client.get(catalog_of(server), params={"q": query}).text
        assert found in shown and not_found not in shown, query
    products = owner.client.get(catalog_of(server), params={"kind": "product"}).text
    assert "玻尿酸精华" in products and "补水保湿护理" not in products
    facial = owner.client.get(catalog_of(server), params={"category": "面部护理"}).text
    assert "补水保湿护理" in facial and "玻尿酸精华" not in facial


def test_an_item_is_edited_and_hidden_and_shown_as_hidden(server: Server, owner: Browser) -> None:
    add(owner, server, PRODUCT)
    item = item_id(server, "玻尿酸精华")
    page = f"{catalog_of(server)}/items/{item}"
    changed = dict(PRODUCT, name="玻尿酸精华 30ml", price="138", barcode="")
    del changed["kind"]
    answer = owner.post(page, page, **changed)
    assert answer.status_code == 200, answer.text
    [stored] = rows(server)
    assert (stored["name"], stored["price"], stored["barcode"]) == ("玻尿酸精华 30ml", 13800, None)
    assert feed(server)[-1][1]["price"] == 13800

    assert owner.post(f"{page}/active", page, active="0").status_code == 200
    assert rows(server)[0]["active"] is False and feed(server)[-1][1]["active"] is False
    listed = owner.client.get(catalog_of(server)).text
    assert "hidden-item" in listed and "已隐藏" in listed
    assert owner.post(f"{page}/active", page, active="1").status_code == 200
    assert rows(server)[0]["active"] is True


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (dict(SERVICE, price="-1"), "价格不能为负数"),
        (dict(SERVICE, price="abc"), "“abc”不是有效金额"),
        (dict(SERVICE, price="1.234"), "“1.234”不是有效金额"),
        (dict(SERVICE, name="  "), "名称为必填项"),
        (dict(SERVICE, duration_min="0"), "时长须大于 0 分钟"),
        (dict(SERVICE, name="补水保湿护理"), "分类“面部护理”中已有名为“补水保湿护理”的服务"),
        (dict(PRODUCT, name="另一个", sku="SKU-009"), "条码 6901234567892 已被 玻尿酸精华 使用"),
        (dict(PRODUCT, name="另一个", barcode=""), "编号 SKU-001 已被 玻尿酸精华 使用"),
        (dict(PRODUCT, sku=""), "编号为必填项"),
    ],
)
def test_bad_items_are_refused_with_the_form_kept_and_nothing_changed(
    server: Server, owner: Browser, fields: dict[str, str], message: str
) -> None:
    add(owner, server, SERVICE)
    add(owner, server, PRODUCT)
    before, sent = rows(server), feed(server)
    answer = add(owner, server, fields)
    assert answer.status_code == 400 and message in answer.text, answer.text[-2000:]
    assert f'value="{fields["category"]}"' in answer.text  # the form is shown again, filled
    assert rows(server) == before and feed(server) == sent


def test_bad_edits_are_refused_and_change_nothing(server: Server, owner: Browser) -> None:
    add(owner, server, SERVICE)
    add(owner, server, SERVICE, name="日式美甲", category="美甲")
    item = item_id(server, "日式美甲")
    page = f"{catalog_of(server)}/items/{item}"
    before, sent = rows(server), feed(server)
    base = {k: v for k, v in SERVICE.items() if k != "kind"} | {
        "category": "美甲",
        "name": "日式美甲",
    }
    for changed, message in (
        ({"price": "-1"}, "价格不能为负数"),
        ({"price": "abc"}, "不是有效金额"),
        ({"price": "1.234"}, "不是有效金额"),
        ({"name": ""}, "名称为必填项"),
        ({"category": "面部护理", "name": "补水保湿护理"}, "已有名为“补水保湿护理”的服务"),
    ):
        answer = owner.post(page, page, **(base | changed))
        assert answer.status_code == 400 and message in answer.text, changed
    price = owner.post(f"{page}/price", page, store_price="-5")
    assert price.status_code == 400 and "价格不能为负数" in price.text
    assert rows(server) == before and feed(server) == sent


def test_a_post_without_the_csrf_token_is_refused(server: Server, owner: Browser) -> None:
    answer = owner.client.post(f"{catalog_of(server)}/items", data=SERVICE)
    assert answer.status_code == 403
    upload = owner.client.post(
        f"{catalog_of(server)}/import", files={"file": ("c.csv", b"x", "text/csv")}
    )
    assert upload.status_code == 403
    assert rows(server) == []


# CSV import: the counter's format


def csv_bytes(lines: list[list[str]], encoding: str = "utf-8-sig") -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(lines)
    return out.getvalue().encode(encoding)


HEADER = ["类型", "分类", "名称", "价格", "时长", "编号", "条码", "成本"]


def upload(browser: Browser, server: Server, data: bytes, name: str = "catalog.csv") -> Any:
    page = catalog_of(server)
    token = browser.token(page)
    return browser.client.post(
        f"{page}/import",
        data={"csrf_token": token},
        files={"file": (name, data, "text/csv")},
        follow_redirects=False,
    )


def test_a_catalog_file_is_imported_and_again_changes_nothing(
    server: Server, owner: Browser
) -> None:
    data = csv_bytes(
        [
            HEADER,
            ["服务", "面部护理", "补水保湿护理", "198", "60", "", "", ""],
            ["商品", "护肤品", "玻尿酸精华", "128.50", "", "SKU-001", "6901234567892", "60"],
        ]
    )
    answer = upload(owner, server, data)
    assert answer.status_code == 200 and "新增 2 条，更新 0 条，未变 0 条，出错 0 行" in answer.text
    assert {r["name"]: r["price"] for r in rows(server)} == {
        "补水保湿护理": 19800,
        "玻尿酸精华": 12850,
    }
    again = upload(owner, server, data)
    assert "新增 0 条，更新 0 条，未变 2 条" in again.text
    raised = data.replace(b"198,60", b"208,60")
    assert "更新 1 条" in upload(owner, server, raised).text
    assert {r["name"]: r["price"] for r in rows(server)}["补水保湿护理"] == 20800


def test_bad_lines_are_reported_by_number_and_the_good_ones_kept(
    server: Server, owner: Browser
) -> None:
    add(owner, server, PRODUCT)
    data = csv_bytes(
        [
            HEADER,
            ["服务", "面部护理", "补水保湿护理", "198", "60", "", "", ""],
            ["服务", "面部护理", "眼部护理", "abc", "45", "", "", ""],
            ["服务", "面部护理", "补水保湿护理", "199", "60", "", "", ""],
            ["商品", "护肤品", "另一个精华", "88", "", "SKU-002", "6901234567892", ""],
            ["蛋糕", "甜品", "奶油", "10", "", "", "", ""],
            ["商品", "护肤品", "面膜", "-1", "", "SKU-003", "", ""],
            ["服务", "美甲", "日式美甲", "168", "90", "", "", ""],
        ]
    )
    answer = upload(owner, server, data)
    assert answer.status_code == 200
    assert "新增 2 条，更新 0 条，未变 0 条，出错 5 行" in answer.text
    report = answer.text
    assert "第 3 行：“abc”不是有效金额" in report
    assert "第 4 行：服务 面部护理/补水保湿护理 已在本文件第 2 行出现" in report
    assert "第 5 行：条码 6901234567892 已被 玻尿酸精华 使用" in report
    assert "第 6 行：“蛋糕”不是可选值之一" in report
    assert "第 7 行：面膜 的价格不能为负数" in report
    assert sorted(r["name"] for r in rows(server)) == sorted(
        ["玻尿酸精华", "补水保湿护理", "日式美甲"]
    )


def test_a_gbk_file_from_excel_is_read(server: Server, owner: Browser) -> None:
    data = csv_bytes([HEADER, ["服务", "美发", "洗剪吹", "88", "45分钟", "", "", ""]], "gbk")
    answer = upload(owner, server, data)
    assert "新增 1 条" in answer.text
    assert [(r["category"], r["name"], r["duration_min"]) for r in rows(server)] == [
        ("美发", "洗剪吹", 45)
    ]


def test_a_utf16_tab_separated_file_is_read_and_said_so(server: Server, owner: Browser) -> None:
    lines = (
        "\t".join(HEADER) + "\r\n" + "\t".join(["服务", "美发", "洗剪吹", "88", "45", "", "", ""])
    )
    answer = upload(owner, server, lines.encode("utf-16"))
    assert "新增 1 条" in answer.text and "UTF-16" in answer.text and "制表符" in answer.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            csv_bytes([["分类", "名称", "价格"], ["美发", "洗剪吹", "88"]]),
            "缺少必需的列：类型 kind",
        ),
        (b"PK\x03\x04\x00\x00\x08\x00" * 50, "不是文本 CSV 文件"),  # an .xlsx
        (csv_bytes([HEADER]) + '服务,美发,"洗剪吹,88\n'.encode(), "无法按 CSV 读取"),
        (b"", "请选择要导入的 CSV 文件"),
    ],
)
def test_a_file_that_cannot_be_imported_is_refused_whole(
    server: Server, owner: Browser, data: bytes, message: str
) -> None:
    answer = upload(owner, server, data)
    assert answer.status_code == 400 and message in answer.text
    assert rows(server) == [] and feed(server) == []


# This store's own price, the chain, and the scope


def test_this_stores_own_price_is_set_and_cleared(server: Server, owner: Browser) -> None:
    add(owner, server, SERVICE)
    item = item_id(server, "补水保湿护理")
    page = f"{catalog_of(server)}/items/{item}"
    answer = owner.post(f"{page}/price", page, store_price="168")
    assert answer.status_code == 200 and "本店价格已设为 ¥168.00" in answer.text
    assert feed(server)[-1][1]["price"] == 16800
    assert "¥168.00" in owner.client.get(catalog_of(server)).text
    assert owner.post(f"{page}/price/clear", page).status_code == 200
    assert feed(server)[-1][1]["price"] == 19800


def test_a_shared_item_reaches_the_other_store_which_sets_its_own_price(
    server: Server, owner: Browser
) -> None:
    add(owner, server, SERVICE)
    item = item_id(server, "补水保湿护理")
    page = f"{catalog_of(server)}/items/{item}"
    assert "共享到 1 个其他门店" in owner.post(f"{page}/share", page).text
    other = catalog_of(server, server.other_store_id)
    listed = owner.client.get(other).text
    assert "补水保湿护理" in listed and "连锁共享" in listed
    there = f"{other}/items/{item}"
    assert "只能设置本店价格" in owner.client.get(there).text
    assert (
        owner.post(there, there, **{k: v for k, v in SERVICE.items() if k != "kind"}).status_code
        == 404
    )
    assert owner.post(f"{there}/price", there, store_price="178").status_code == 200
    there_entry = master_data.catalog_entry(server.engine, server.other_store_id, item)
    here_entry = master_data.catalog_entry(server.engine, server.store_id, item)
    assert there_entry is not None and (there_entry.price, there_entry.item_price) == (17800, 19800)
    assert here_entry is not None and here_entry.price == 19800  # the first store's unchanged


def test_other_accounts_items_and_stores_are_a_404(
    server: Server, owner: Browser, rival: Browser, manager: Browser
) -> None:
    add(owner, server, SERVICE)
    item = item_id(server, "补水保湿护理")
    mine = f"{catalog_of(server)}/items/{item}"
    assert rival.client.get(catalog_of(server)).status_code == 404
    assert rival.client.get(mine).status_code == 404
    with server.engine.connect() as connection:
        rival_store = connection.execute(
            text("SELECT id FROM store WHERE name = '对手店'")
        ).scalar()
    theirs = catalog_of(server, rival_store)
    edited = {k: v for k, v in SERVICE.items() if k != "kind"} | {"price": "1"}
    for path in (f"{theirs}/items/{item}", f"{theirs}/items/{item}/price"):
        answer = rival.post(path, theirs, **(edited | {"store_price": "1"}))
        assert answer.status_code == 404, path
    # a manager of the first store only: that store's catalog, not the second's, no sharing
    assert manager.client.get(catalog_of(server)).status_code == 200
    assert manager.client.get(catalog_of(server, server.other_store_id)).status_code == 404
    second = f"{catalog_of(server, server.other_store_id)}/items/{item}"
    assert manager.post(f"{second}/price", catalog_of(server), store_price="1").status_code == 404
    assert manager.post(f"{mine}/share", mine).status_code == 404
    assert manager.post(mine, mine, **edited).status_code == 200  # their own store's item
    assert [r["price"] for r in rows(server)] == [100]
    # once the owner shares it, it is every store's: the manager sets only their store's price
    assert owner.post(f"{mine}/share", mine).status_code == 200
    refused = manager.post(mine, mine, **(edited | {"price": "2"}))
    assert refused.status_code == 400 and "只有老板可以修改" in refused.text
    assert manager.post(f"{mine}/active", mine, active="0").status_code == 400
    assert [(r["price"], r["active"]) for r in rows(server)] == [(100, True)]
    assert "只有老板可以修改" in manager.client.get(mine).text  # no edit form, the reason
    assert owner.client.get(f"{catalog_of(server)}/items/nonexistent").status_code == 404


# The issue's acceptance test: a price changed in the web console is on the counters' tiles
# after their next pull, without restarting the app; an item made there is a new tile.


class RealPull:
    """A sync driver whose round is the counter's real sync_round against the console's
    server (in process), run when woken, as the app's scheduler runs it."""

    def __init__(self, app: Backend, home: Path, server: Server) -> None:
        self.app, self.home, self.server, self.due = app, home, server, True

    def tick(self) -> RoundReport | None:
        if not self.due:
            return None
        self.due = False
        return sync_in_process(self.app, self.home, self.server)

    def wake(self) -> None:
        self.due = True

    def stop(self) -> None:
        pass


@pytest.fixture
def counter(
    server: Server,
    tmp_path: Path,
    clock: FakeClock,
    migrated_template: Path,
    memory_keyring: MemoryKeyring,
) -> Iterator[tuple[Backend, Path]]:
    """Counter A1 enrolled with the console's server."""
    home = tmp_path / "a1"
    app = open_counter(home, migrated_template, clock, "A1")
    join(app, server)
    yield app, home
    app.close()


def tiles(page: CashierPage) -> dict[str, int]:
    """Item id → the price on its tile in the grid now, all categories shown."""
    page.catalog.categories.setCurrentRow(0)
    return {
        t.offer.id: t.offer.price for t in page.catalog.tiles.tiles if isinstance(t, ItemButton)
    }


def test_a_price_changed_in_the_console_is_on_the_counters_tiles_after_its_next_pull(
    qapp: QApplication,
    qtbot: QtBot,
    server: Server,
    owner: Browser,
    counter: tuple[Backend, Path],
) -> None:
    app, home = counter
    team, shelf = seed_store(app)
    assert sync_in_process(app, home, server).error is None
    shell = Shell(qapp, app, "zh_CN")
    try:
        shell.window.show()
        shell.ctx.sign_in(team.desk)
        window, page = shell.window, shell.window.open_page("cashier")
        assert isinstance(page, CashierPage)
        assert tiles(page)[shelf.facial] == 19800 and len(tiles(page)) == 3

        item_page = f"{catalog_of(server)}/items/{shelf.facial}"
        form = {k: v for k, v in SERVICE.items() if k != "kind"} | {"price": "228.00"}
        assert owner.post(item_page, item_page, **form).status_code == 200
        added = add(owner, server, SERVICE, category="头部", name="头部按摩", price="88")
        assert added.status_code == 200
        massage = item_id(server, "头部按摩")

        touched = lambda c: c.touches(CHANGE_CATALOG_ITEM)  # noqa: E731
        with qtbot.waitSignal(shell.ctx.changed, timeout=10_000, check_params_cb=touched):
            shell.start_sync(RealPull(app, home, server), watch_network=False)

        assert shell.window is window and shell.window.open_page("cashier") is page  # no restart
        shown = tiles(page)
        assert shown[shelf.facial] == 22800
        assert shown[massage] == 8800
    finally:
        shell.close()
        gc.collect()


def test_a_code_of_a_chain_item_is_taken_in_every_store_of_the_chain(
    server: Server, owner: Browser
) -> None:
    add(owner, server, PRODUCT)
    item = item_id(server, "玻尿酸精华")
    page = f"{catalog_of(server)}/items/{item}"
    assert owner.post(f"{page}/share", page).status_code == 200
    other = catalog_of(server, server.other_store_id)
    before = rows(server)
    for changed, message in (
        ({"sku": "SKU-777"}, "条码 6901234567892 已被 玻尿酸精华 使用"),
        ({"barcode": ""}, "编号 SKU-001 已被 玻尿酸精华 使用"),
    ):
        answer = owner.post(f"{other}/items", other, **(PRODUCT | {"name": "仿品"} | changed))
        assert answer.status_code == 400 and message in answer.text
    assert rows(server) == before


def test_an_items_points_price_is_edited_and_sent_to_the_counters(
    server: Server, owner: Browser
) -> None:
    add(owner, server, PRODUCT)
    item = item_id(server, "玻尿酸精华")
    page = f"{catalog_of(server)}/items/{item}"
    shown = owner.client.get(page).text
    assert "积分兑换" in shown and 'name="points_price"' in shown
    changed = dict(PRODUCT, points_price="2000")
    del changed["kind"]
    assert owner.post(page, page, **changed).status_code == 200
    assert feed(server)[-1][1]["points_price"] == 2000
    entry = master_data.catalog_entry(server.engine, server.store_id, item)
    assert entry is not None and entry.points_price == 2000
    refused = owner.post(page, page, **dict(changed, points_price="两千"))
    assert refused.status_code == 400 and "“两千”不是整数" in refused.text
    assert feed(server)[-1][1]["points_price"] == 2000
