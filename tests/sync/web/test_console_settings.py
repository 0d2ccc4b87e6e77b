"""A store's store-wide settings in the console (SQLite and PostgreSQL): every setting shown as
held, changes checked as a counter's are and saved so a counter takes them on its pull, bad
input refused with nothing saved, the sales pages following the store's time zone and
business-day start, and the scope."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from salon_pos.domain.ticket import RoundingRule
from sync.operations.setup import STORE_SETTING_FIELDS
from sync.server import master_data
from tests.conftest import FakeClock
from tests.keyring_backend import MemoryKeyring
from tests.sync.server.conftest import Server
from tests.sync.server.test_restore import Counter
from tests.sync.web.conftest import Browser


def settings_url(server: Server, store_id: str | None = None) -> str:
    return f"/console/stores/{store_id or server.store_id}/settings"


def form_of(server: Server, **changes: str) -> dict[str, str]:
    """The form as the page fills it, with these fields typed over."""
    shown = {
        "store_name": "丽人美容 一店", "address": "", "phone": "", "receipt_header": "",
        "receipt_footer": "", "time_zone": "Asia/Shanghai", "cutover_hour": "4",
        "rounding": "none", "idle_lock_minutes": "5", "patch_test_days": "180",
        "class_member_spend": "1000",
        "class_member_visits": "5", "class_vip_spend": "10000", "class_vip_visits": "24",
        "class_lapsed_days": "60",
    }  # fmt: skip
    return shown | changes


def held(server: Server) -> Any:
    with server.engine.connect() as connection:
        store = connection.exec_driver_sql(
            "SELECT name, time_zone, change_seq FROM store ORDER BY id"
        ).all()
    return master_data.store_settings(server.engine, server.store_id), store


def test_every_store_wide_setting_is_on_the_page_grouped_and_labelled(
    server: Server, owner: Browser
) -> None:
    master_data.edit_store_settings(server.engine, server.store_id, {"receipt_footer": "周一店休"})
    page = owner.client.get(settings_url(server)).text
    for field in STORE_SETTING_FIELDS:
        assert f'name="{field}"' in page, field
    for words in ("门店资料", "小票", "营业日与收银", "小票页脚", "抹零规则", "闲置锁屏"):
        assert words in page
    assert (
        "周一店休" in page and 'value="丽人美容 一店"' in page and 'value="Asia/Shanghai"' in page
    )
    assert page.count("未设置") == len(STORE_SETTING_FIELDS) - 1  # all but the footer


def test_saved_settings_reach_a_counter_on_its_next_pull(
    server: Server,
    owner: Browser,
    tmp_path: Path,
    clock: FakeClock,
    migrated_template: Path,
    memory_keyring: MemoryKeyring,
) -> None:
    counter = Counter(tmp_path / "a1", migrated_template, clock, server)
    try:
        counter.app.settings.update(address="人民路 1 号")  # the counter's own, not set here
        page = settings_url(server)
        form = form_of(
            server, store_name="丽人美业 人民路店", receipt_footer="周一店休\r\n欢迎再来",
            cutover_hour="6", rounding="drop_jiao", idle_lock_minutes="0",
        )  # fmt: skip
        answer = owner.post(page, page, **form)
        assert answer.status_code == 303
        assert "全店设置已保存" in owner.client.get(answer.headers["location"]).text
        settings, stores = held(server)
        assert settings == {
            "store_name": "丽人美业 人民路店",
            "receipt_footer": "周一店休\n欢迎再来",
            "cutover_hour": 6,
            "rounding": "drop_jiao",
            "idle_lock_minutes": 0,
        }  # fmt: skip — the fields left as shown were not sent
        assert ("丽人美业 人民路店", "Asia/Shanghai") in [(s.name, s.time_zone) for s in stores]
        assert counter.sync().error is None
        now = counter.app.settings.current
        assert (now.store_name, now.receipt_footer) == ("丽人美业 人民路店", "周一店休\n欢迎再来")
        assert (now.cutover_hour, now.rounding, now.idle_lock_minutes) == (
            6, RoundingRule.DROP_JIAO, 0,
        )  # fmt: skip
        assert now.address == "人民路 1 号"
    finally:
        counter.app.close()


BAD = [
    ({"cutover_hour": "24"}, "营业日开始时间须为 0 到 23 点"),
    ({"cutover_hour": "六"}, "营业日开始时间须为 0 到 23 点"),
    ({"idle_lock_minutes": "241"}, "闲置锁屏须为 0 到 240 分钟"),
    ({"idle_lock_minutes": "-1"}, "闲置锁屏须为 0 到 240 分钟"),
    ({"time_zone": "Mars/Olympus"}, "未知的时区：Mars/Olympus"),
    ({"store_name": "  "}, "门店名称不能为空"),
    ({"rounding": "half"}, "请选择一种抹零规则"),
    ({"receipt_header": "字" * 2001}, "小票抬头过长：最多 2000 个字"),
    ({"phone": "1" * 41}, "电话过长：最多 40 个字"),
    ({"patch_test_days": "3651"}, "皮试有效期须为 0 到 3650 天"),
    ({"patch_test_days": "-1"}, "皮试有效期须为 0 到 3650 天"),
]


@pytest.mark.parametrize(("typed", "message"), BAD)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(
    server: Server, owner: Browser, typed: dict[str, str], message: str
) -> None:
    page = settings_url(server)
    before = held(server)
    answer = owner.post(page, page, **form_of(server, address="新地址", **typed))
    assert answer.status_code == 400 and message in answer.text, answer.text
    assert "新地址" in answer.text  # what was typed is kept
    assert held(server) == before


def test_the_sales_pages_follow_the_stores_time_zone_and_day_start(
    server: Server, owner: Browser
) -> None:
    tickets = f"/console/stores/{server.store_id}/tickets"
    assert "2026-11-20" in owner.client.get(tickets).text  # 14:30 in Shanghai
    page = settings_url(server)
    form = form_of(server, time_zone="America/Los_Angeles")  # 22:30 on the 19th there
    assert owner.post(page, page, **form).status_code == 303
    assert "2026-11-19" in owner.client.get(tickets).text
    form = form_of(server, time_zone="America/Los_Angeles", cutover_hour="23")
    assert owner.post(page, page, **form).status_code == 303
    assert "· 2026-11-18" in owner.client.get(tickets).text  # the 19th starts at 23:00
    assert "America/Los_Angeles" in owner.client.get(f"/console/stores/{server.store_id}").text


def test_only_ones_own_stores_settings_and_never_without_the_token(
    server: Server, owner: Browser, rival: Browser, manager: Browser
) -> None:
    before = held(server)
    form = form_of(server, cutover_hour="7")
    token = owner.token(settings_url(server))
    assert rival.client.get(settings_url(server)).status_code == 404
    rival_token = rival.token("/console/stores")
    refused = rival.client.post(settings_url(server), data=form | {"csrf_token": rival_token})
    assert refused.status_code == 404
    assert manager.client.get(settings_url(server, server.other_store_id)).status_code == 404
    assert manager.client.get(settings_url(server)).status_code == 200
    assert owner.client.post(settings_url(server), data=form).status_code == 403
    wrong = form | {"csrf_token": token[::-1]}
    assert owner.client.post(settings_url(server), data=wrong).status_code == 403
    assert held(server) == before


def test_customer_class_thresholds_are_whole_yuan_on_the_page_and_fen_in_the_settings(
    server: Server, owner: Browser
) -> None:
    page = owner.client.get(settings_url(server)).text
    assert "客户分类" in page and 'name="class_vip_spend"' in page and 'value="10000"' in page
    saved = owner.post(
        settings_url(server), settings_url(server), **form_of(server, class_vip_spend="8000")
    )
    assert saved.status_code == 303
    assert master_data.store_settings(server.engine, server.store_id) == {
        "class_vip_spend": 800_000
    }
    refused = owner.post(
        settings_url(server), settings_url(server), **form_of(server, class_lapsed_days="-3")
    )
    assert refused.status_code == 400
    assert "客户分类的门槛须为 0 或正整数（当前为“-3”）" in refused.text
    assert master_data.store_settings(server.engine, server.store_id) == {
        "class_vip_spend": 800_000
    }
