"""Sales in the console (SQLite and PostgreSQL): a day, week and month to the fen with the
tender mix; a store's tickets of a day and one ticket with who approved its void and refund;
and the scope: another owner's stores, tickets and figures answer 404 or are not counted."""

from __future__ import annotations

import re

from sync.operations.sales import SALE_COMPLETED, SALE_REFUNDED, SALE_VOIDED
from sync.operations.setup import STAFF_SAVED
from tests.sync.server import builders
from tests.sync.server.conftest import Server
from tests.sync.web.conftest import Browser

SALES = "/console/sales"
NET = re.compile(r'data-testid="net-sales">([^<]+)<')


def _day_of_sales(server: Server) -> tuple[list[dict], dict]:  # type: ignore[type-arg]
    """Three ¥494 sales (¥247 WeChat + ¥247 cash each) on 2026-11-20: the first voided by
    manager 王静, ¥50 of the second refunded in cash with her approval."""
    device = server.enroll()
    manager = builders.staff() | {"name": "王静", "role": "manager"}
    sales = [builders.sale() for _ in range(3)]
    void = builders.void(sales[0]) | {"approved_by": manager["id"], "reason": "录错了"}
    refund = builders.refund(sales[1], 5000) | {"approved_by": manager["id"]}
    ops = [device.op(STAFF_SAVED, manager)]
    ops += [device.op(SALE_COMPLETED, s) for s in sales]
    ops += [device.op(SALE_VOIDED, void), device.op(SALE_REFUNDED, refund)]
    answer = server.push(device, ops)
    assert [r["status"] for r in answer["results"]] == ["applied"] * 6
    return sales, manager


def _net(page: str) -> str:
    found = NET.search(page)
    assert found, page[:2000]
    return found.group(1)


def test_the_owner_sees_the_day_to_the_fen(server: Server, owner: Browser) -> None:
    _day_of_sales(server)
    page = owner.client.get(SALES)  # the FakeClock's business day: 2026-11-20
    assert page.status_code == 200
    assert _net(page.text) == "¥938.00"  # 2 × ¥494 − ¥50
    tenders = page.text[page.text.index('data-testid="tenders"') :]
    assert "微信" in tenders and "¥494.00" in tenders and "现金" in tenders and "¥444.00" in tenders
    assert "1 · ¥494.00" in page.text  # one void, of ¥494
    for period in ("week", "month"):
        assert _net(owner.client.get(f"{SALES}?period={period}&day=2026-11-20").text) == "¥938.00"
    assert _net(owner.client.get(f"{SALES}?period=month&day=2026-10-20").text) == "¥0.00"
    owner.client.cookies.set("salon_lang", "en")
    english = owner.client.get(SALES).text
    assert "Net sales" in english and "WeChat Pay" in english


def test_a_days_tickets_and_one_ticket_in_full(server: Server, owner: Browser) -> None:
    sales, _ = _day_of_sales(server)
    day = owner.client.get(f"/console/stores/{server.store_id}/tickets?day=2026-11-20").text
    assert _net(day) == "¥938.00"
    assert all(s["number"] in day for s in sales) and day.count("已作废") == 1
    voided = owner.client.get(f"/console/stores/{server.store_id}/tickets/{sales[0]['id']}").text
    void = voided[voided.index('data-testid="void"') :]
    assert "王静" in void and "录错了" in void
    assert "项目1" in voided and "¥494.00" in voided
    refunded = owner.client.get(f"/console/stores/{server.store_id}/tickets/{sales[1]['id']}")
    refund = refunded.text[refunded.text.index('data-testid="refund"') :]
    assert "¥50.00" in refund and "王静" in refund and "不满意" in refund


def test_another_owner_sees_none_of_it(server: Server, owner: Browser, rival: Browser) -> None:
    sales, _ = _day_of_sales(server)
    mine = owner.client.get(SALES).text
    theirs = rival.client.get(SALES)
    assert theirs.status_code == 200 and _net(theirs.text) == "¥0.00"
    assert "¥938.00" in mine and "¥938.00" not in theirs.text
    store, ticket = server.store_id, sales[0]["id"]
    for path in (
        f"{SALES}?store={store}",
        f"/console/stores/{store}/tickets",
        f"/console/stores/{store}/tickets/{ticket}",
    ):
        answer = rival.client.get(path)
        assert answer.status_code == 404 and "¥494.00" not in answer.text, path


def test_a_manager_sees_their_store(server: Server, manager: Browser) -> None:
    _day_of_sales(server)
    assert _net(manager.client.get(f"{SALES}?store={server.store_id}").text) == "¥938.00"


def test_a_bad_day_or_period_changes_nothing_and_shows_no_figures(
    server: Server, owner: Browser
) -> None:
    _day_of_sales(server)
    assert owner.client.get(f"{SALES}?day=2026-13-40").status_code == 404
    assert owner.client.get(f"{SALES}?period=year").status_code == 422
    missing = owner.client.get(f"/console/stores/{server.store_id}/tickets/nope")
    assert missing.status_code == 404
