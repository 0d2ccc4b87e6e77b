"""The members' store-wide settings in the console (SQLite and PostgreSQL): spend order, offline
allowance (typed in yuan, held in fen), top-up rules (one a line in words, held as the counter
reads them), points earned and points worth ¥1; saved so a counter takes them on its next pull
(and a counter's own edit goes up store-wide), every bad value refused with nothing saved."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

from salon_pos.domain.balances import SpendOrder, TopUpRule, top_up
from sync.operations.setup import store_setting
from sync.server import master_data
from sync.server.web import member_settings
from tests.conftest import FakeClock
from tests.keyring_backend import MemoryKeyring
from tests.sync.server.conftest import Server
from tests.sync.server.test_restore import Counter
from tests.sync.web.conftest import Browser
from tests.sync.web.test_console_settings import form_of, settings_url

MEMBER_FORM = {
    "spend_order": "principal_first",
    "offline_allowance": "0.00",
    "top_up_rules": "",
    "points_earn_rate": "1",
    "points_per_yuan": "100",
}


def held(server: Server) -> dict[str, Any]:
    return master_data.store_settings(server.engine, server.store_id)


def test_the_members_group_shows_what_a_counter_starts_with(server: Server, owner: Browser) -> None:
    page = html.unescape(owner.client.get(settings_url(server)).text)
    start = page.index("<legend>会员</legend>")
    members = page[start : page.index("</fieldset>", start)]
    for words in ("储值扣款顺序", "先扣本金，再扣赠送", "离线时可超出已知余额（元", 'value="0.00"',
                  "充值赠送（每行一条", "每消费 1 元得积分", 'value="1"', "多少积分抵 1 元",
                  'value="100"', "积分有效天数（自获得之日起；0 为永不过期）"):  # fmt: skip
        assert words in members, words
    assert members.count("未设置") == len(member_settings.FIELDS)  # each a counter's own yet
    for words in ("会员等级依据", "累计消费", "普通 0 100", "生日当月价格百分比", "分类积分"):
        assert words in members, words
    owner.client.cookies.set("salon_lang", "en")
    english = html.unescape(owner.client.get(settings_url(server)).text)
    for words in ("<legend>Members</legend>", "Stored value is spent", "Principal first",
                  "Offline allowance", "pay 1000 get 200", "Points worth ¥1"):  # fmt: skip
        assert words in english, words


def test_member_settings_saved_in_yuan_and_words_reach_a_counter(
    server: Server,
    owner: Browser,
    tmp_path: Path,
    clock: FakeClock,
    migrated_template: Path,
    memory_keyring: MemoryKeyring,
) -> None:
    counter = Counter(tmp_path / "a1", migrated_template, clock, server)
    try:
        page = settings_url(server)
        typed = {
            "spend_order": "bonus_first", "offline_allowance": "50.5",
            "top_up_rules": "充 1000 送 200\r\n500=80\r\n\r\nPay ¥2,000 get 500元",
            "points_earn_rate": "2", "points_per_yuan": "50", "points_valid_days": "365",
        }  # fmt: skip
        answer = owner.post(page, page, **form_of(server, **typed))
        assert answer.status_code == 303, answer.text
        assert held(server) == {
            "spend_order": "bonus_first",
            "offline_allowance": 5050,
            "top_up_rules": "100000:20000,50000:8000,200000:50000",
            "points_earn_rate": 2,
            "points_per_yuan": 50,
            "points_valid_days": 365,
        }  # only what changed: the other settings stay each counter's own
        shown = html.unescape(owner.client.get(page).text)
        assert "充 1000 送 200\n充 500 送 80\n充 2000 送 500</textarea>" in shown
        assert 'value="50.50"' in shown
        as_shown = {"offline_allowance": "50.50",
                    "top_up_rules": "充 1000 送 200\n充 500 送 80\n充 2000 送 500"}  # fmt: skip
        again = owner.post(page, page, **form_of(server, **typed | as_shown))
        assert again.status_code == 200 and "没有修改任何设置" in again.text  # as shown: no change
        assert counter.sync().error is None
        now = counter.app.settings.current
        assert (now.spend_order, now.offline_allowance, now.points_earn_rate) == (
            "bonus_first", 5050, 2,
        )  # fmt: skip
        rules = now.member_rules()
        assert rules.spend_order is SpendOrder.BONUS_FIRST and rules.points_per_yuan == 50
        assert rules.points_valid_days == 365
        assert TopUpRule(100000, 20000) in rules.top_up_rules
        assert top_up(120000, rules.top_up_rules).bonus == 20000  # ¥1,200 paid: ¥200 given
        counter.app.settings.update(spend_order="proportional")  # a counter's edit, store-wide
        assert counter.sync().error is None
        assert held(server)["spend_order"] == "proportional"
    finally:
        counter.app.close()


BAD = [
    ({"offline_allowance": "-1"}, "离线可超出额度须为 0 到 100000 元的金额（当前为“-1”）"),
    ({"offline_allowance": "五十"}, "离线可超出额度须为 0 到 100000 元的金额"),
    ({"offline_allowance": "100000.01"}, "离线可超出额度须为 0 到 100000 元的金额"),
    ({"top_up_rules": "充 1000 送 200\n充 2000"}, "充值赠送第 2 行“充 2000”看不懂"),
    ({"top_up_rules": "充 0 送 10"}, "充值赠送第 1 行“充 0 送 10”：充值金额须大于 0"),
    ({"top_up_rules": "1000=200\n充 1000 送 300"}, "两条充值赠送规则的充值金额相同（1000 元）"),
    ({"top_up_rules": "\n".join(f"充 {n} 送 1" for n in range(1, 22))}, "充值赠送规则最多 20 条"),
    ({"points_earn_rate": "1001"}, "每消费 1 元所得积分须为 0 到 1000 的整数"),
    ({"points_earn_rate": "1.5"}, "每消费 1 元所得积分须为 0 到 1000 的整数"),
    ({"points_per_yuan": "0"}, "抵 1 元所需积分须为 1 到 10000 的整数"),
    ({"points_valid_days": "3651"}, "积分有效天数须为 0（永不过期）到 3650 的整数（当前为“3651”）"),
    ({"points_valid_days": "一年"}, "积分有效天数须为 0（永不过期）到 3650 的整数"),
    ({"spend_order": "newest_first"}, "请选择一种储值扣款顺序"),
]


@pytest.mark.parametrize(("typed", "message"), BAD)
def test_bad_member_settings_are_refused_with_nothing_saved(
    server: Server, owner: Browser, typed: dict[str, str], message: str
) -> None:
    page = settings_url(server)
    form = form_of(server, address="新地址", **MEMBER_FORM | {"points_per_yuan": "80"} | typed)
    answer = owner.post(page, page, **form)
    assert answer.status_code == 400 and message in html.unescape(answer.text), answer.text
    assert "新地址" in answer.text  # what was typed is kept
    assert held(server) == {}


def test_the_server_checks_a_counters_member_settings_as_strictly_as_the_counter() -> None:
    assert store_setting("top_up_rules", "100000:20000,50000:8000") == "100000:20000,50000:8000"
    assert store_setting("offline_allowance", 10_000_000) == 10_000_000
    for field, value in (
        ("top_up_rules", "0:100"), ("top_up_rules", "1000:１"), ("top_up_rules", "100:1,100:2"),
        ("top_up_rules", "1000=200"), ("offline_allowance", 10_000_001),
        ("offline_allowance", "500"), ("points_per_yuan", 0), ("points_earn_rate", True),
        ("spend_order", "fifo"), ("points_valid_days", 3651), ("points_valid_days", -1),
    ):  # fmt: skip
        with pytest.raises(ValueError):
            store_setting(field, value)


def test_the_birthday_gift_is_chosen_among_the_stores_services(
    server: Server, owner: Browser
) -> None:
    engine, store = server.engine, server.store_id
    facial = master_data.create_catalog_item(
        engine, store, {"kind": "service", "category": "面部护理", "name": "补水保湿护理",
                        "price": 19800, "duration_min": 60},
    )  # fmt: skip
    master_data.create_catalog_item(
        engine, store, {"kind": "product", "category": "护肤品", "name": "玻尿酸精华",
                        "price": 12800, "sku": "SKU-1"},
    )  # fmt: skip
    page = settings_url(server)
    shown = html.unescape(owner.client.get(page).text)
    start = shown.index('<select name="birthday_service_id">')
    choices = shown[start : shown.index("</select>", start)]
    assert "生日礼" in shown and "面部护理 · 补水保湿护理" in choices
    assert "玻尿酸精华" not in choices and '<option value="" selected>无' in choices
    answer = owner.post(page, page, **form_of(server, birthday_service_id=facial))
    assert answer.status_code == 303, answer.text
    assert held(server) == {"birthday_service_id": facial}
    chosen = html.unescape(owner.client.get(page).text)
    assert f'<option value="{facial}" selected>' in chosen


def test_each_setting_is_one_field_of_its_kind(server: Server, owner: Browser) -> None:
    """One form control a setting (two of one name post two values), numbers as numbers; the
    commission rules' table posts a list a column (cr_*) on purpose."""
    shown = owner.client.get(settings_url(server)).text
    names = re.findall(r'<(?:input|select|textarea) name="([^"]+)"', shown)
    repeated = [n for n in set(names) if names.count(n) > 1]
    assert sorted(repeated) == ["cr_how", "cr_requested", "cr_rotation", "cr_target"]
    for name in ("points_earn_rate", "points_per_yuan", "points_valid_days", "birthday_percent"):
        assert re.search(rf'<input name="{name}" type="number"', shown), name
