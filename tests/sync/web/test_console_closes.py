"""A store's closes and commission on the console (SQLite and PostgreSQL): three days sold and
closed at A1 (drawers with a float, cash sales, a pay-out, voids and refunds, counts off by a
little, the last ¥2 short), a day sold and not closed, and B1's sale of a closed day pushed
after its close. What the pages show equals an independent computation from the raw tables
and from what the counters pushed; another owner's store answers 404."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Any

import pytest
from sqlalchemy import text

from salon_pos.domain.day_close import figures_json
from salon_pos.domain.shares import split
from sync.server import master_data
from sync.server.day_figures import server_day_figures
from tests.sync.client.test_close_month import independent
from tests.sync.server.conftest import Server
from tests.sync.web import closes_scenario
from tests.sync.web.closes_scenario import DayPlan, Op, People
from tests.sync.web.conftest import Browser

ROW = re.compile(r'<tr[^>]*data-(?:day|key|staff)="([^"]+)"[^>]*>(.*?)</tr>', re.S)
CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.S)
TAGS = re.compile(r"(?:<[^>]+>|\s)+")
NET = re.compile(r'data-figure="net".*?<strong>([^<]+)</strong>.*?日结时 ([^<]+)<', re.S)
DAYS = [date(2026, 11, 17), date(2026, 11, 18), date(2026, 11, 19)]
OPEN_DAY = date(2026, 11, 20)  # the FakeClock's business day


def closes_pushed(server: Server) -> tuple[People, list[DayPlan], dict[str, Any]]:
    devices = {"A1": server.enroll(), "B1": server.enroll()}

    def push(counter: str, ops: list[Op]) -> None:
        device = devices[counter]
        answer = server.push(device, [device.op(kind, payload) for kind, payload in ops])
        assert all(r["status"] != "rejected" for r in answer["results"]), answer

    def figures(day: date) -> dict[str, Any]:
        with server.engine.connect() as connection:
            return figures_json(server_day_figures(connection, server.store_id, day))

    master_data.edit_store_settings(
        server.engine, server.store_id, {"commission_rules": closes_scenario.RULES}
    )
    return closes_scenario.closed_days(push, figures, DAYS, OPEN_DAY)


def _rows(page: str, table: str) -> dict[str, list[str]]:
    """The rows of the table with data-testid `table`: data-day or data-key → cell texts."""
    start = page.index(f'data-testid="{table}"')
    body = page[start : page.index("</table>", start)]
    rows = {}
    for key, cells in ROW.findall(body):
        rows[key] = [TAGS.sub(" ", cell).strip() for cell in CELL.findall(cells)]
    return rows


def _yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    return f"{sign}¥{abs(fen) // 100:,}.{abs(fen) % 100:02d}"


def _variance(fen: int) -> str:
    sign = "-" if fen < 0 else "+" if fen > 0 else ""
    return f"¥{sign}{abs(fen) // 100:,}.{abs(fen) % 100:02d}"


def _net(server: Server, day: date) -> int:
    with server.engine.connect() as connection:
        return int(independent(connection, server.store_id, day)["net"])  # type: ignore[call-overload]


def test_the_month_of_closes_adds_up(server: Server, owner: Browser) -> None:
    _, plans, late = closes_pushed(server)
    page = owner.client.get(f"/console/stores/{server.store_id}/closes?month=2026-11")
    assert page.status_code == 200
    rows = _rows(page.text, "closes")
    assert list(rows) == ["2026-11-20", "2026-11-19", "2026-11-18", "2026-11-17"]  # newest first
    assert "未日结" in rows["2026-11-20"][1]
    for plan in plans:
        cells = rows[plan.day.isoformat()]
        assert cells[2] == "王静 · C1"  # who closed it, at which counter
        assert cells[3].startswith(_yuan(_net(server, plan.day)))
        tickets = len(plan.sales) + (plan.day == DAYS[-1])
        assert cells[4] == str(tickets)
        assert cells[5] == _yuan(plan.close["expected"])
        assert cells[6] == _yuan(plan.close["counted"])
        assert cells[7] == _variance(plan.close["counted"] - plan.close["expected"])
    assert rows["2026-11-19"][7] == "¥-2.00"
    amended = page.text[page.text.index('data-day="2026-11-19"') :]
    assert 'data-testid="amended"' in amended.split("</tr>")[0]
    assert f"/console/stores/{server.store_id}/conflicts?type=closed_day_amended" in amended
    before = _net(server, DAYS[-1]) - late["total"]
    assert f"日结时 {_yuan(before)}" in rows["2026-11-19"][3]
    assert 'data-testid="amended"' not in page.text[page.text.index('data-day="2026-11-18"') :]
    earlier = owner.client.get(f"/console/stores/{server.store_id}/closes?month=2026-10")
    assert earlier.status_code == 200 and "这个月没有营业记录" in earlier.text
    store = owner.client.get(f"/console/stores/{server.store_id}").text
    assert f"/console/stores/{server.store_id}/closes" in store


def test_an_amended_day_shows_the_close_and_the_server_side_by_side(
    server: Server, owner: Browser
) -> None:
    people, plans, late = closes_pushed(server)
    day = DAYS[-1]
    page = owner.client.get(f"/console/stores/{server.store_id}/closes/{day.isoformat()}").text
    with server.engine.connect() as connection:
        expected = independent(connection, server.store_id, day)
    summary = page[page.index('data-testid="summary"') :]
    net = NET.search(summary)
    assert net and net.group(1) == _yuan(int(expected["net"]))  # type: ignore[call-overload]
    assert net.group(2) == _yuan(int(expected["net"]) - late["total"])  # type: ignore[call-overload]
    tenders = _rows(page, "by-tender")
    for kind, amount in expected["by_tender"].items():  # type: ignore[attr-defined]
        assert tenders[kind][1] == _yuan(amount)
    paid = {p["kind"]: p["applied"] for p in late["payments"]}
    for kind in ("cash", "wechat"):  # the late sale's tenders: now, at the close, the difference
        now, then, difference = tenders[kind][1:]
        assert difference == _variance(paid[kind]) and now != then
    categories = _rows(page, "by-category")
    assert {k: v[1] for k, v in categories.items()} == {
        k: _yuan(v)
        for k, v in expected["by_category"].items()  # type: ignore[attr-defined]
    }
    technicians = _rows(page, "by-technician")
    names = {p["id"]: p["name"] for p in people.techs}
    assert {row[0] for row in technicians.values()} <= set(names.values())
    assert technicians and all(k in names for k in technicians)
    by_tech = _technicians(server, day)
    assert {k: v[1] for k, v in technicians.items()} == {k: _yuan(v) for k, v in by_tech.items()}
    plan = plans[-1]
    drawer = page[page.index(f'data-session="{plan.session["id"]}"') :]
    assert re.search(r'data-testid="expected">' + re.escape(_yuan(plan.close["expected"])), drawer)
    assert re.search(r'data-testid="counted">' + re.escape(_yuan(plan.close["counted"])), drawer)
    assert 'class="short" data-testid="variance">¥-2.00<' in drawer
    assert "采购支出" in drawer and "-¥50.00" in drawer and "¥500.00" in drawer
    voids = page[page.index('data-testid="voids"') :]
    assert plan.sales[0]["number"] in voids and "王静" in voids and "顾客取消" in voids
    assert "日结后有迟到单据（1 次）" in page
    arrived = _rows(page, "late")[late["id"]]
    assert arrived[0] == late["number"] and arrived[1] == "销售 · C2"
    assert arrived[2] == _variance(late["total"]) and arrived[3] == "待处理"
    calm = owner.client.get(f"/console/stores/{server.store_id}/closes/{DAYS[0].isoformat()}")
    assert "日结时（收银台）" not in calm.text and 'data-testid="amended"' not in calm.text
    not_closed = owner.client.get(f"/console/stores/{server.store_id}/closes/2026-11-20").text
    assert "未日结" in not_closed


SOLD = (
    "SELECT l.id, l.technician_id, l.net_total FROM ticket_line l JOIN ticket t"
    " ON t.id = l.ticket_id WHERE l.kind = 'service' AND t.store_id = :store"
)
REFUNDED = (
    "SELECT l.id, l.technician_id, rl.amount FROM refund_line rl JOIN ticket_line l"
    " ON l.id = rl.ticket_line_id JOIN refund r ON r.id = rl.refund_id"
    " WHERE l.kind = 'service' AND r.store_id = :store AND r.business_day = :day"
)


def _technicians(server: Server, day: date) -> dict[str, int]:
    """Service lines by technician from the raw tables: sold on the day, less the day's voids
    and refunds, a shared line split by its shares."""
    totals: Counter[str] = Counter()
    with server.engine.connect() as connection:
        shares: dict[str, list[tuple[str, int]]] = {}
        for line_id, staff_id, share in connection.execute(
            text("SELECT ticket_line_id, staff_id, share FROM ticket_line_share ORDER BY staff_id")
        ):
            shares.setdefault(line_id, []).append((staff_id, share))
        params = {"store": server.store_id, "day": day}
        for sign, sql in (
            (1, f"{SOLD} AND t.business_day = :day"),
            (-1, f"{SOLD} AND t.void_business_day = :day"),
            (-1, REFUNDED),
        ):
            for line_id, tech, amount in connection.execute(text(sql), params):
                parts = shares.get(line_id) or [(tech, 10_000)]
                for (who, _), part in zip(parts, split(amount, [s for _, s in parts]), strict=True):
                    totals[who] += sign * part
    return {k: v for k, v in totals.items() if v}


def _commission(server: Server, first: date, last: date) -> dict[str, int]:
    """The rules of closes_scenario applied to each line as it stands at the end of the
    period (all its sales, voids and refunds are in it), split by shares."""
    totals: Counter[str] = Counter()
    with server.engine.connect() as connection:
        shares: dict[str, list[tuple[str, int]]] = {}
        for line_id, staff_id, share in connection.execute(
            text("SELECT ticket_line_id, staff_id, share FROM ticket_line_share ORDER BY staff_id")
        ):
            shares.setdefault(line_id, []).append((staff_id, share))
        refunded = dict(
            connection.execute(
                text("SELECT ticket_line_id, SUM(amount) FROM refund_line GROUP BY ticket_line_id")
            ).all()
        )
        rows = connection.execute(
            text(
                "SELECT l.id, l.technician_id, l.net_total, l.category, l.requested, t.status "
                "FROM ticket_line l JOIN ticket t ON t.id = l.ticket_id "
                "WHERE t.store_id = :store AND t.business_day BETWEEN :first AND :last"
            ),
            {"store": server.store_id, "first": first, "last": last},
        )
        for line_id, tech, net, category, requested, status in rows:
            left = 0 if status == "voided" else net - int(refunded.get(line_id) or 0)
            rate = 1200 if category == "美甲" else 1500 if requested else 1000  # 美甲: no 点钟 rate
            earned = left * rate // 10_000
            parts = shares.get(line_id) or [(tech, 10_000)]
            for (who, _), part in zip(parts, split(earned, [s for _, s in parts]), strict=True):
                totals[who] += part
    return dict(totals)


def test_commission_per_technician_is_the_rules_applied_to_the_net_lines(
    server: Server, owner: Browser
) -> None:
    people, _, _ = closes_pushed(server)
    page = owner.client.get(f"/console/stores/{server.store_id}/commission?month=2026-11")
    assert page.status_code == 200
    rows = _rows(page.text, "commission")
    expected = _commission(server, date(2026, 11, 1), date(2026, 11, 30))
    names = {p["id"]: p["name"] for p in people.techs}
    assert set(rows) == set(names) and sum(expected.values()) > 0
    for staff_id, cells in rows.items():
        assert cells[0].startswith(names[staff_id])
        assert cells[5] == _yuan(expected.get(staff_id, 0)), names[staff_id]
    assert f'data-testid="all-together"><strong>{_yuan(sum(expected.values()))}<' in page.text
    tech = people.techs[0]
    detail = owner.client.get(
        f"/console/stores/{server.store_id}/commission/{tech['id']}?month=2026-11"
    ).text
    assert f'data-testid="total">{_yuan(expected[tech["id"]])}<' in detail
    assert "作废" in detail and "退款" in detail  # taken back on their days
    owner.client.cookies.set("salon_lang", "en")
    english = owner.client.get(f"/console/stores/{server.store_id}/commission?month=2026-11")
    assert "Net commission" in english.text
    empty = owner.client.get(f"/console/stores/{server.store_id}/commission?month=2026-10")
    assert _rows(empty.text, "commission")  # the active technicians, with nothing
    assert "¥0.00" in empty.text


@pytest.mark.parametrize(
    "path",
    [
        "/closes",
        "/closes?month=2026-11",
        "/closes/2026-11-19",
        "/commission?month=2026-11",
    ],
)
def test_another_owners_store_is_not_found(
    server: Server, owner: Browser, rival: Browser, path: str
) -> None:
    closes_pushed(server)
    assert owner.client.get(f"/console/stores/{server.store_id}{path}").status_code == 200
    answer = rival.client.get(f"/console/stores/{server.store_id}{path}")
    assert answer.status_code == 404 and "¥" not in answer.text


def test_a_manager_sees_only_the_stores_they_manage(server: Server, manager: Browser) -> None:
    people, _, _ = closes_pushed(server)
    mine = f"/console/stores/{server.store_id}"
    assert manager.client.get(f"{mine}/closes").status_code == 200
    assert manager.client.get(f"{mine}/commission/{people.techs[0]['id']}").status_code == 200
    other = f"/console/stores/{server.other_store_id}"
    for path in ("/closes", "/closes/2026-11-19", "/commission"):
        assert manager.client.get(f"{other}{path}").status_code == 404
    # a technician of this store through the other store's address
    assert manager.client.get(f"{other}/commission/{people.techs[0]['id']}").status_code == 404


def test_bad_months_and_days_are_not_found(server: Server, owner: Browser) -> None:
    base = f"/console/stores/{server.store_id}"
    for path in ("/closes?month=2026-13", "/closes?month=soon", "/closes/2026-02-30",
                 "/commission?month=2026-1x", "/commission/nobody"):  # fmt: skip
        assert owner.client.get(f"{base}{path}").status_code in (404, 422), path


def test_a_close_whose_figures_cannot_be_read_shows_the_servers(
    server: Server, owner: Browser
) -> None:
    closes_pushed(server)
    with server.engine.begin() as connection:
        connection.execute(
            text("UPDATE day_close SET data = :d WHERE business_day = :day"),
            {"d": '{"figures": {"net": 1}}', "day": DAYS[-1]},
        )
    page = owner.client.get(f"/console/stores/{server.store_id}/closes/{DAYS[-1].isoformat()}")
    assert page.status_code == 200 and "日结时（收银台）" not in page.text
    assert _rows(page.text, "by-tender")["cash"][1].startswith("¥")
    listed = owner.client.get(f"/console/stores/{server.store_id}/closes?month=2026-11")
    assert "日结时" not in _rows(listed.text, "closes")["2026-11-19"][3]
