"""Sync conflicts in the console (SQLite and PostgreSQL): real conflicts made by clashing
operations pushed from two counters, listed in the counter inbox's words, resolved through the
console's form by the same `conflict.resolved` handler a counter uses, so a counter's pull
carries the decision and its outcome; one resolved at a counter first stands; scope and CSRF."""

from __future__ import annotations

import html
import re
from typing import Any

from sqlalchemy import text

from sync import protocol
from sync.operations.conflicts import CONFLICT_RESOLVED
from sync.operations.customers import CUSTOMER_CREATED, CUSTOMER_UPDATED
from sync.operations.sales import SALE_COMPLETED, SALE_REFUNDED, SALE_VOIDED
from sync.operations.setup import CATALOG_ITEM_SAVED, STAFF_SAVED
from sync.server import master_data
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server
from tests.sync.web.conftest import OWNER, Browser

CARD = re.compile(r'<li class="card conflict (open|resolved)"[^>]*data-conflict="([^"]+)"')


def page_of(server: Server) -> str:
    return f"/console/stores/{server.store_id}/conflicts"


def latest(server: Server, device: Device, entity: str) -> dict[str, dict[str, Any]]:
    """The last change of each record of `entity` in the store's feed, as a counter pulls it."""
    changes = server.pull(device)["changes"]
    return {c["entity_id"]: c["data"] for c in changes if c["entity"] == entity}


def row(server: Server, conflict_id: str) -> dict[str, Any]:
    with server.engine.connect() as connection:
        found = connection.execute(
            text("SELECT status, resolution, resolved_by, resolved_at FROM conflict WHERE id = :i"),
            {"i": conflict_id},
        )
        return dict(found.mappings().one())


def owner_id(server: Server) -> str:
    with server.engine.connect() as connection:
        found = connection.execute(text("SELECT id FROM owner WHERE email = :e"), {"e": OWNER})
        return str(found.scalar_one())


class Clashes:
    """One conflict of every kind, made by two counters of the store: conflict ids by type."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.a, self.b = server.enroll(), server.enroll()
        self.ids: dict[str, str] = {}
        self.older = builders.customer(name="张三", notes="对花粉过敏")
        self.newer = builders.customer(name="张小三", notes="喜欢安静")
        self.edited = builders.customer(phone="13900139000", name="李梅")
        self.staff_older = builders.staff() | {"name": "王芳", "hlc": self._stamp(0, self.a)}
        self.staff_newer = builders.staff() | {"name": "王芳", "hlc": self._stamp(1, self.b)}
        self._duplicates()
        self._overwritten()
        self._clock_and_prices()

    def _stamp(self, seconds: float, device: Device) -> str:
        wall = int(self.server.clock().timestamp() * 1000 + seconds * 1000)
        return protocol.hlc_stamp(wall, 0, device.id)

    def _flagged(self, device: Device, op_type: str, payload: dict[str, Any]) -> str:
        result = self.server.push(device, [device.op(op_type, payload)])["results"][0]
        assert result["status"] == "applied_with_flags", result
        return str(result["conflict_ids"][0])

    def _duplicates(self) -> None:
        server, a, b = self.server, self.a, self.b
        server.push(a, [a.op(CUSTOMER_CREATED, self.older), a.op(STAFF_SAVED, self.staff_older)])
        self.ids["duplicate_customer"] = self._flagged(b, CUSTOMER_CREATED, self.newer)
        self.ids["duplicate_staff"] = self._flagged(b, STAFF_SAVED, self.staff_newer)

    def _overwritten(self) -> None:
        server, a, b = self.server, self.a, self.b
        self.edited["hlc"] = self._stamp(-60, a)
        server.push(a, [a.op(CUSTOMER_CREATED, self.edited)])
        late = {"id": self.edited["id"], "changed": {"name": "李梅梅"}, "before": {"name": "李梅"},
                "hlc": self._stamp(-10, b)}  # fmt: skip
        early = {"id": self.edited["id"], "changed": {"name": "李小梅"},
                 "before": {"name": "李梅"}, "hlc": self._stamp(-20, a)}  # fmt: skip
        server.push(b, [b.op(CUSTOMER_UPDATED, late)])
        self.ids["field_overwritten"] = self._flagged(a, CUSTOMER_UPDATED, early)

    def _clock_and_prices(self) -> None:
        server, a = self.server, self.a
        ahead = builders.customer(phone="13700137000", name="赵敏")
        ahead["hlc"] = self._stamp(3600, a)
        self.ids["clock_ahead"] = self._flagged(a, CUSTOMER_CREATED, ahead)
        item = builders.catalog_item(19800)
        server.push(a, [a.op(CATALOG_ITEM_SAVED, item)])
        master_data.set_price(server.engine, server.store_id, item["id"], 21800, clock=server.clock)
        self.ids["price_mismatch"] = self._flagged(
            a, SALE_COMPLETED, builders.sale([(item["id"], 19800)])
        )
        sale = builders.sale()
        server.push(a, [a.op(SALE_COMPLETED, sale)])
        server.push(a, [a.op(SALE_REFUNDED, builders.refund(sale, sale["total"], whole=True))])
        self.ids["money_back_twice"] = self._flagged(a, SALE_VOIDED, builders.void(sale))


def test_the_store_page_links_to_its_open_conflicts(server: Server, owner: Browser) -> None:
    Clashes(server)
    store = owner.client.get(f"/console/stores/{server.store_id}").text
    assert f'href="{page_of(server)}"' in store and "6 个待处理" in store


def test_every_kind_is_listed_in_the_counters_words(server: Server, owner: Browser) -> None:
    clashes = Clashes(server)
    page = owner.client.get(page_of(server))
    assert page.status_code == 200
    shown = html.unescape(page.text)
    cards = CARD.findall(page.text)
    assert {c for _, c in cards} == set(clashes.ids.values())
    assert {s for s, _ in cards} == {"open"}
    for title in ("重复客户", "重名员工", "资料被覆盖", "时钟超前", "价格不一致", "重复退款"):
        assert title in shown
    # What clashed, with the server's names and the counters' names, as the counter says it.
    assert "两位客户的手机号相同（13800138000）：张三（先登记）和张小三" in shown
    assert "客户“李梅梅”的姓名在两台收银机上都被修改过" in shown and "“李小梅”已记入历史" in shown
    assert "收银台 C1的时钟比服务器快" in shown
    assert "“项目1”按 ¥198.00 收款，总部价格为 ¥218.00" in shown
    assert "收银台 C2新建的员工“王芳”" in shown
    assert "建议：合并" in shown and "建议：接受" in shown
    merge = f'action="{page_of(server)}/{clashes.ids["duplicate_customer"]}"'
    assert merge in page.text
    form = page.text[page.text.index(merge) : page.text.index("</form>", page.text.index(merge))]
    assert re.findall(r'value="(merge|keep_both|accept|use_other)"', form) == ["merge", "keep_both"]
    owner.client.cookies.set("salon_lang", "en")
    english = html.unescape(owner.client.get(page_of(server)).text)
    assert "Duplicate customer" in english and "Suggested: Merge" in english
    assert "The clock of counter C1 is ahead" in english


def test_each_kind_is_resolved_through_the_form_and_reaches_the_counters(
    server: Server, owner: Browser
) -> None:
    clashes = Clashes(server)
    ids, boss = clashes.ids, owner_id(server)
    choices = {
        "duplicate_customer": "merge",
        "duplicate_staff": "merge",
        "field_overwritten": "use_other",
        "clock_ahead": "accept",
        "price_mismatch": "accept",
        "money_back_twice": "accept",
    }
    for kind, resolution in choices.items():
        answer = owner.post(
            f"{page_of(server)}/{ids[kind]}", page_of(server), resolution=resolution
        )
        assert answer.status_code == 303, (kind, answer.text[:500])
        assert answer.headers["location"] == f"{page_of(server)}?resolved={ids[kind]}"
        stored = row(server, ids[kind])
        assert (stored["status"], stored["resolution"], stored["resolved_by"]) == (
            "resolved", resolution, boss,
        )  # fmt: skip
        assert stored["resolved_at"] is not None
    done = html.unescape(owner.client.get(f"{page_of(server)}?resolved={ids['clock_ahead']}").text)
    assert "时钟超前：已处理（接受）。各收银台下次同步时会收到。" in done
    assert {s for s, _ in CARD.findall(done)} == {"resolved"}
    assert f"处理人：{OWNER}（管理后台），2026-11-20 14:30" in done
    # The outcomes, on the server and in what a counter pulls (no device is their origin).
    a = clashes.a
    conflicts = latest(server, a, "conflict")
    for kind, resolution in choices.items():
        pulled = conflicts[ids[kind]]
        assert (pulled["status"], pulled["resolution"], pulled["resolved_by"]) == (
            "resolved", resolution, boss,
        )  # fmt: skip
    customers = latest(server, a, "customer")
    assert customers[clashes.newer["id"]]["merged_into"] == clashes.older["id"]
    assert "喜欢安静" in customers[clashes.older["id"]]["notes"]
    assert customers[clashes.edited["id"]]["name"] == "李小梅"  # the other value, restored
    staff = latest(server, a, "staff")
    assert staff[clashes.staff_newer["id"]]["active"] is False
    assert staff[clashes.staff_older["id"]]["active"] is True
    assert server.count(
        "SELECT count(*) FROM change WHERE entity = 'conflict' AND origin_device_id IS NULL"
    ) == len(choices)


def test_keep_both_leaves_two_customers(server: Server, owner: Browser) -> None:
    clashes = Clashes(server)
    conflict = clashes.ids["duplicate_customer"]
    answer = owner.post(f"{page_of(server)}/{conflict}", page_of(server), resolution="keep_both")
    assert answer.status_code == 303
    assert row(server, conflict)["resolution"] == "keep_both"
    assert server.count("SELECT count(*) FROM customer WHERE merged_into IS NOT NULL") == 0


def test_one_resolved_at_a_counter_first_shows_who_and_cannot_be_resolved_again(
    server: Server, owner: Browser
) -> None:
    clashes = Clashes(server)
    conflict, b = clashes.ids["duplicate_customer"], clashes.b
    form_page = owner.token(page_of(server))  # the owner's page was open before the counter
    manager = builders.staff() | {"name": "王静", "role": "manager"}
    decision = {"conflict_id": conflict, "resolution": "keep_both", "resolved_by": manager["id"]}
    server.push(b, [b.op(STAFF_SAVED, manager), b.op(CONFLICT_RESOLVED, decision)])
    late = owner.client.post(
        f"{page_of(server)}/{conflict}",
        data={"csrf_token": form_page, "resolution": "merge"},
        follow_redirects=False,
    )
    assert late.status_code == 409
    assert "这个冲突已经有人处理过了" in late.text
    assert row(server, conflict)["resolution"] == "keep_both"  # the first decision stands
    assert server.count("SELECT count(*) FROM customer WHERE merged_into IS NOT NULL") == 0
    page = html.unescape(owner.client.get(page_of(server)).text)
    card = page[page.index(f'data-conflict="{conflict}"') :]
    card = card[: card.index("</li>")]
    assert "已处理：保留两位。" in card and "处理人：王静（收银台），2026-11-20 14:30" in card
    assert "<form" not in card


def test_another_owners_conflict_is_not_found(
    server: Server, owner: Browser, rival: Browser
) -> None:
    clashes = Clashes(server)
    conflict = clashes.ids["clock_ahead"]
    rival_store = rival.client.get("/console/stores").text
    rival_id = re.search(r'href="/console/stores/([0-9a-f-]{36})"', rival_store)
    assert rival_id
    assert rival.client.get(page_of(server)).status_code == 404
    refused = rival.post(f"{page_of(server)}/{conflict}", "/console/stores", resolution="accept")
    assert refused.status_code == 404
    through_own = rival.post(
        f"/console/stores/{rival_id.group(1)}/conflicts/{conflict}",
        "/console/stores",
        resolution="accept",
    )
    assert through_own.status_code == 404  # a conflict of a store not in the URL
    other = f"/console/stores/{server.other_store_id}/conflicts/{conflict}"
    assert owner.post(other, page_of(server), resolution="accept").status_code == 404
    assert row(server, conflict)["status"] == "open"


def test_a_post_without_the_csrf_token_or_with_a_wrong_choice_changes_nothing(
    server: Server, owner: Browser
) -> None:
    clashes = Clashes(server)
    conflict = clashes.ids["duplicate_customer"]
    bare = owner.client.post(
        f"{page_of(server)}/{conflict}", data={"resolution": "merge"}, follow_redirects=False
    )
    assert bare.status_code == 403
    wrong = owner.post(f"{page_of(server)}/{conflict}", page_of(server), resolution="use_other")
    assert wrong.status_code == 400 and "请选择这个冲突可用的处理方式" in wrong.text
    assert row(server, conflict)["status"] == "open"
    assert server.count("SELECT count(*) FROM customer WHERE merged_into IS NOT NULL") == 0


def test_a_manager_of_the_store_resolves_as_themself(server: Server, manager: Browser) -> None:
    clashes = Clashes(server)
    conflict = clashes.ids["price_mismatch"]
    answer = manager.post(f"{page_of(server)}/{conflict}", page_of(server), resolution="accept")
    assert answer.status_code == 303
    page = html.unescape(manager.client.get(page_of(server)).text)
    assert "处理人：manager@example.com（管理后台）" in page
    manager.client.cookies.set("salon_lang", "en")
    english = html.unescape(manager.client.get(page_of(server)).text)
    assert "By manager@example.com (web console), 2026-11-20 14:30" in english
