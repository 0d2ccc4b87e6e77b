"""Members in the console (issue 10, SQLite and PostgreSQL): a store's members with their
balances and cards, searchable and paginated; one member's ledger; the stored-value liability of
a store and of the owner's chain, summed from the ledgers to the fen (debts listed apart); and an
overdraft written off from the console, refused without a reason, settled with an entry that the
liability page and a counter's next pull both see."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from sqlalchemy import text

from sync.operations.customers import CUSTOMER_CREATED
from sync.operations.sales import SALE_COMPLETED
from tests.conftest import FakeClock
from tests.keyring_backend import MemoryKeyring
from tests.sync.server import builders
from tests.sync.server.builders import balance_entry as entry
from tests.sync.server.conftest import Device, Server
from tests.sync.server.test_restore import Counter
from tests.sync.web.conftest import Browser

FIGURE = re.compile(r'data-testid="([a-z-]+)"[^>]*>([^<]*)<')


def top_up(customer_id: str, paid: int, bonus: int = 0) -> dict[str, Any]:
    sale = builders.sale([(builders.new_id(), paid)], customer_id)
    sale["lines"][0]["kind"] = "stored_value"
    sale["entries"] = [entry(customer_id, "principal", paid, "top_up")]
    if bonus:
        sale["entries"].append(entry(customer_id, "bonus", bonus, "top_up"))
    return sale


def spend(customer_id: str, fen: int, points: int = 0) -> dict[str, Any]:
    """A service paid all by stored value (principal), earning `points`."""
    sale = builders.sale([(builders.new_id(), fen)], customer_id)
    sale["payments"] = [sale["payments"][0] | {"kind": "stored_value", "tendered": fen}]
    sale["payments"][0]["applied"] = fen
    spent = entry(customer_id, "principal", -fen, "spend", ticket_id=sale["id"])
    sale["entries"] = [spent]
    if points:
        sale["entries"].append(entry(customer_id, "points", points, "earn", ticket_id=sale["id"]))
    return sale


def card_sale(
    customer_id: str, name: str, sessions: int, price: int, expires_on: str, used: int = 0
) -> dict[str, Any]:
    sale = builders.sale([(builders.new_id(), price)], customer_id)
    sale["lines"][0] |= {"kind": "package", "name": name}
    card = {
        "id": builders.new_id(), "customer_id": customer_id, "name": name,
        "service_ids": [builders.new_id()], "sessions": sessions, "price": price,
        "expires_on": expires_on, "ticket_id": sale["id"], "line_id": sale["lines"][0]["id"],
        "created_at": builders.AT.isoformat(),
    }  # fmt: skip
    sale["cards"] = [card]
    sold = entry(customer_id, "sessions", sessions, "card_sale", card_id=card["id"])
    sale["entries"] = [sold | {"ticket_id": sale["id"]}]
    if used:
        sale["entries"].append(entry(customer_id, "sessions", -used, "spend", card_id=card["id"]))
    return sale


class Members:
    """Customers of the first store with balances made by two counters, and one of the other."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.a, self.b = server.enroll(), server.enroll()
        self.zhang = self.customer(self.a, "张三", "13800138000")
        self.li = self.customer(self.a, "李四", "13900139000")
        self.wang = self.customer(self.a, "王五", "13700137000")
        self.zhao = self.customer(self.a, "赵六", "13600136000")
        self.push(self.a, top_up(self.zhang, 100000, 20000), spend(self.zhang, 30000, 300))
        self.push(self.a, card_sale(self.zhang, "面部护理10次卡", 10, 198000, "2027-06-01", 3))
        self.push(self.a, top_up(self.wang, 5000), card_sale(self.wang, "美甲5次卡", 5, 50000,
                                                              "2026-01-01"))  # fmt: skip
        self.push(self.a, top_up(self.zhao, 8000), spend(self.zhao, 8000))  # all spent
        self.push(self.a, top_up(self.li, 30000), spend(self.li, 30000))
        answer = self.push(self.b, spend(self.li, 30000))  # apart: the same ¥300 again
        self.overdraft = answer["results"][0]["conflict_ids"][0]
        other = server.enroll(server.other_store_id)
        self.elsewhere = self.customer(other, "孙七", "13500135000")
        self.push(other, top_up(self.elsewhere, 50000, 5000))

    def customer(self, device: Device, name: str, phone: str) -> str:
        person = builders.customer(phone=phone, name=name)
        self.server.push(device, [device.op(CUSTOMER_CREATED, person)])
        return str(person["id"])

    def push(self, device: Device, *sales: dict[str, Any]) -> Any:
        answer = self.server.push(device, [device.op(SALE_COMPLETED, s) for s in sales])
        assert all(r["status"] != "rejected" for r in answer["results"]), answer
        return answer


def members_url(server: Server, store_id: str | None = None) -> str:
    return f"/console/stores/{store_id or server.store_id}/members"


def figures(page: str, testid: str = "liability") -> dict[str, str]:
    """The figures of one liability card, by their test ids."""
    start = page.index(f'data-testid="{testid}"')
    card = page[start : page.index("</section>", start)]
    found = {k: html.unescape(v).strip() for k, v in FIGURE.findall(card)}
    return {k: v for k, v in found.items() if v and not v.endswith(":")}  # not the headings


def plain(page: str) -> str:
    """The page's text as read: tags out, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def entries_of(server: Server, customer_id: str) -> list[tuple[str, int, str]]:
    with server.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT account, amount, reason FROM balance_entry WHERE customer_id = :c "
                "ORDER BY created_at, id"
            ),
            {"c": customer_id},
        )
        return [(r.account, int(r.amount), r.reason) for r in rows]


def test_the_stores_liability_is_its_ledgers_to_the_fen_with_debts_apart(
    server: Server, owner: Browser
) -> None:
    members = Members(server)
    page = owner.client.get(members_url(server))
    assert page.status_code == 200
    assert figures(page.text) == {
        "principal": "¥750.00",  # 张三 700 + 王五 50; 李四's -300 is not netted
        "bonus": "¥200.00",
        "stored-value": "¥950.00",
        "members": "2",
        "points": "300",
        "sessions": "7",  # the 美甲 card expired on 2026-01-01
        "sessions-value": "¥1,386.00",  # 7 × ¥1,980 ÷ 10
        "expired-sessions": "5",
        "principal-owed": "¥300.00",
        "overdraft-count": "1 笔",
        "overdraft-total": "¥300.00",
        "overdrafts-link": "查看并处理透支 ›",
    }
    link = f'href="/console/stores/{server.store_id}/conflicts?type=overdraft"'
    assert link in page.text
    members.customer(members.b, "张小三", "13800138000")  # a duplicate_customer conflict too
    conflicts = f"/console/stores/{server.store_id}/conflicts"
    assert "重复客户" in owner.client.get(conflicts).text
    filtered = owner.client.get(f"{conflicts}?type=overdraft").text
    assert "只显示：余额透支" in filtered and "重复客户" not in filtered
    assert f'data-conflict="{members.overdraft}"' in filtered
    assert "透支了 ¥300.00（单据 A1-" in html.unescape(filtered)
    assert "；收银台 C1、收银台 C2）。所有销售都已入账" in html.unescape(filtered)


def test_the_members_are_listed_with_balances_and_cards_and_found_by_name_or_phone(
    server: Server, owner: Browser
) -> None:
    members = Members(server)
    page = html.unescape(owner.client.get(members_url(server)).text)
    listed = re.findall(r'data-customer="([^"]+)"', page)
    assert listed == [members.zhang, members.li, members.wang]  # by name; 赵六 holds nothing
    zhang = page[page.index(f'data-customer="{members.zhang}"') :]
    zhang = zhang[: zhang.index("</li>")]
    for shown in ("张三", "13800138000", "¥700.00", "¥200.00", "300", "面部护理10次卡",
                  "剩 7 / 10 次", "至 2027-06-01"):  # fmt: skip
        assert shown in zhang, shown
    wang = page[page.index(f'data-customer="{members.wang}"') :]
    assert "美甲5次卡" in wang[: wang.index("</li>")] and "已过期" in wang[: wang.index("</li>")]
    li = page[page.index(f'data-customer="{members.li}"') :]
    assert '<dd class="negative">-¥300.00</dd>' in li[: li.index("</li>")]
    assert "孙七" not in page  # the other store's
    for search, found in (("李", [members.li]), ("0137", [members.wang]), ("无此人", [])):
        shown = owner.client.get(members_url(server), params={"q": search}).text
        assert re.findall(r'data-customer="([^"]+)"', shown) == found, search
    assert "没有符合的会员" in owner.client.get(members_url(server), params={"q": "无此人"}).text
    owner.client.cookies.set("salon_lang", "en")
    english = html.unescape(owner.client.get(members_url(server)).text)
    for words in ("Stored-value liability", "Principal", "Package sessions left", "7 of 10 left",
                  "Owed by customers", "Open overdrafts", "until 2027-06-01"):  # fmt: skip
        assert words in english, words


def test_fifty_members_a_page(server: Server, owner: Browser) -> None:
    device = server.enroll()
    people = [builders.customer(phone=f"1380000{n:04d}", name=f"会员{n:03d}") for n in range(53)]
    ops = [device.op(CUSTOMER_CREATED, p) for p in people]
    ops += [device.op(SALE_COMPLETED, top_up(p["id"], 100 + n)) for n, p in enumerate(people)]
    server.push(device, ops)
    first = owner.client.get(members_url(server)).text
    assert len(re.findall(r'data-customer="', first)) == 50 and 'data-testid="next-page"' in first
    second = owner.client.get(members_url(server), params={"page": 2}).text
    assert re.findall(r'data-customer="([^"]+)"', second) == [p["id"] for p in people[50:]]
    assert 'data-testid="next-page"' not in second and "‹ 上一页" in second
    assert figures(first)["principal"] == f"¥{sum(100 + n for n in range(53)) / 100:,.2f}"


def test_a_members_page_shows_the_ledger_newest_first_and_the_cards(
    server: Server, owner: Browser
) -> None:
    members = Members(server)
    url = f"{members_url(server)}/{members.zhang}"
    page = html.unescape(owner.client.get(url).text)
    assert figures(page, "balances") == {"principal": "¥700.00", "bonus": "¥200.00",
                                         "points": "300"}  # fmt: skip
    reasons = re.findall(r'data-reason="([a-z_]+)"', page)
    assert sorted(reasons) == sorted(["top_up", "top_up", "spend", "earn", "card_sale", "spend"])
    assert "储值本金 · 充值" in page and "+¥1,000.00" in page and "-¥300.00" in page
    assert "疗程卡次数 · 面部护理10次卡 · 消费" in page and "-3 次" in page
    assert "积分 · 消费得积分" in page and "+300 分" in page
    assert re.search(r"单据 A1-\w{6}</a>", page)  # the sale that spent, by its number
    assert "收银台 C1" in page  # the counter that made the entries
    assert "剩 7 / 10 次" in page and "¥1,980.00 · 至 2027-06-01" in page
    other = f"{members_url(server)}/{members.elsewhere}"
    assert owner.client.get(other).status_code == 404  # the other store's customer, here
    assert owner.client.get(f"{members_url(server)}/{builders.new_id()}").status_code == 404


def test_the_chain_page_adds_up_the_owners_stores(
    server: Server, owner: Browser, manager: Browser
) -> None:
    Members(server)
    page = html.unescape(owner.client.get("/console/members").text)
    total = figures(page, "chain-total")
    assert (total["principal"], total["bonus"], total["stored-value"]) == (
        "¥1,250.00",
        "¥250.00",
        "¥1,500.00",
    )  # fmt: skip — the first store's 750 + 200 and the other's 500 + 50
    assert total["members"] == "3" and total["principal-owed"] == "¥300.00"
    assert figures(page, f"liability-{server.other_store_id}")["principal"] == "¥500.00"
    assert figures(page, f"liability-{server.store_id}")["principal"] == "¥750.00"
    mine = html.unescape(manager.client.get("/console/members").text)
    assert "chain-total" not in mine and f"liability-{server.other_store_id}" not in mine
    assert manager.client.get(members_url(server, server.other_store_id)).status_code == 404


def test_another_owner_sees_none_of_it(server: Server, rival: Browser) -> None:
    members = Members(server)
    assert rival.client.get(members_url(server)).status_code == 404
    assert rival.client.get(f"{members_url(server)}/{members.zhang}").status_code == 404
    assert "¥750.00" not in rival.client.get("/console/members").text


def test_an_overdraft_written_off_in_the_console_needs_a_reason_and_reaches_a_counter(
    server: Server,
    owner: Browser,
    tmp_path: Path,
    clock: FakeClock,
    migrated_template: Path,
    memory_keyring: MemoryKeyring,
) -> None:
    members = Members(server)
    conflicts = f"/console/stores/{server.store_id}/conflicts"
    form_page = f"{conflicts}?type=overdraft"
    page = owner.client.get(form_page).text
    assert 'name="note"' in page and 'value="write_off"' in page
    before = entries_of(server, members.li)
    for note in ("", "   "):
        refused = owner.post(f"{conflicts}/{members.overdraft}", form_page,
                             resolution="write_off", note=note, view="overdraft")  # fmt: skip
        assert refused.status_code == 400
        assert "注销意味着店里承担这笔透支：请在备注里写明原因" in refused.text
        assert f'data-conflict="{members.overdraft}" data-type="overdraft"' in refused.text
        assert "只显示：余额透支" in refused.text  # the same page, its form again
    assert entries_of(server, members.li) == before
    with server.engine.connect() as connection:
        status = connection.execute(
            text("SELECT status FROM conflict WHERE id = :i"), {"i": members.overdraft}
        ).scalar_one()
    assert status == "open"
    counter = Counter(tmp_path / "a1", migrated_template, clock, server)
    try:
        assert counter.sync().error is None  # it holds 李四's -¥300 before the decision
        done = owner.post(f"{conflicts}/{members.overdraft}", form_page, resolution="write_off",
                          note="老顾客，店里承担", view="overdraft")  # fmt: skip
        assert done.status_code == 303
        assert done.headers["location"].endswith(f"resolved={members.overdraft}&type=overdraft")
        assert entries_of(server, members.li)[-1] == ("principal", 30000, "write_off")
        resolved = html.unescape(owner.client.get(done.headers["location"]).text)
        assert "备注: 老顾客，店里承担" in resolved and "已处理：注销" in resolved
        after = figures(html.unescape(owner.client.get(members_url(server)).text))
        assert "principal-owed" not in after and "overdraft-total" not in after
        assert (after["principal"], after["overdraft-count"]) == ("¥750.00", "0 笔")
        ledger = plain(owner.client.get(f"{members_url(server)}/{members.li}").text)
        assert (
            "储值本金 · 透支已注销 +¥300.00 2026-11-20 14:30 · 管理后台 · 老顾客，店里承担"
            in ledger
        )
        assert counter.sync().error is None
        with counter.app.db.read() as session:
            held = session.execute(
                text("SELECT amount, reason, note FROM balance_entry WHERE customer_id = :c"),
                {"c": members.li},
            ).all()
        assert (30000, "write_off", "老顾客，店里承担") in [tuple(r) for r in held]
        assert sum(r.amount for r in held if r.reason != "earn") == 0  # the counter agrees
    finally:
        counter.app.close()


def test_collect_and_carry_need_no_reason(server: Server, owner: Browser) -> None:
    members = Members(server)
    conflicts = f"/console/stores/{server.store_id}/conflicts"
    answer = owner.post(f"{conflicts}/{members.overdraft}", conflicts, resolution="carry")
    assert answer.status_code == 303
    assert entries_of(server, members.li)[-1][2] == "spend"  # carried: no entry, the debt stays
    assert figures(owner.client.get(members_url(server)).text)["principal-owed"] == "¥300.00"
