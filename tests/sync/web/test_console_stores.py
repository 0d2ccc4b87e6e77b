"""Stores and counters in the console, and the scope: an owner sees only their stores, a manager
only the stores they manage; another's ids in URLs or forms answer 404 and change nothing."""

from __future__ import annotations

import re

from sync.protocol import API
from sync.server.security import code_hash
from tests.sync.server.conftest import Server
from tests.sync.web.conftest import Browser

STORES = "/console/stores"
CODE = re.compile(r'data-testid="enrollment-code">([A-Z0-9-]+)<')


def test_owner_creates_a_store_and_lands_on_it(server: Server, owner: Browser) -> None:
    answer = owner.post(STORES, STORES, name=" 丽人美容 三店 ", time_zone="Asia/Hong_Kong")
    assert answer.status_code == 303
    page = owner.client.get(answer.headers["location"])
    assert "丽人美容 三店" in page.text and "Asia/Hong_Kong" in page.text
    assert "丽人美容 三店" in owner.client.get(STORES).text


def test_bad_store_input_is_refused_with_a_message(server: Server, owner: Browser) -> None:
    before = server.count("SELECT count(*) FROM store")
    empty = owner.post(STORES, STORES, name="  ", time_zone="Asia/Shanghai")
    assert empty.status_code == 400 and "门店名称须为" in empty.text
    zone = owner.post(STORES, STORES, name="新店", time_zone="Mars/Olympus")
    assert zone.status_code == 400 and "未知的时区：Mars/Olympus" in zone.text
    assert server.count("SELECT count(*) FROM store") == before


def test_an_enrollment_code_is_shown_once_and_enrolls_a_counter(
    server: Server, owner: Browser
) -> None:
    store_page = f"{STORES}/{server.store_id}"
    answer = owner.post(f"{store_page}/codes", store_page, hours="2")
    assert answer.status_code == 200
    code = CODE.search(answer.text)
    assert code is not None
    assert "<svg" in answer.text and "有效期至 2026-11-20 16:30" in answer.text  # 06:30 UTC + 2 h
    assert code.group(1) not in owner.client.get(store_page).text
    assert server.count(
        "SELECT count(*) FROM enrollment_code WHERE code_hash = :h", h=code_hash(code.group(1))
    ) == 1  # fmt: skip
    body = {"code": code.group(1), "device_id": "dev-1", "counter": "A1", "hostname": "前台电脑"}
    assert server.client.post(f"{API}/enroll", json=body).status_code == 200
    page = owner.client.get(store_page).text
    assert "A1" in page and "前台电脑" in page


def test_bad_hours_are_refused(server: Server, owner: Browser) -> None:
    store_page = f"{STORES}/{server.store_id}"
    for hours in ("0", "721", "abc", "-1"):
        assert owner.post(f"{store_page}/codes", store_page, hours=hours).status_code == 400
    assert server.count("SELECT count(*) FROM enrollment_code") == 0


def test_revoke_asks_first_then_the_counter_is_refused(server: Server, owner: Browser) -> None:
    device = server.enroll()
    store_page = f"{STORES}/{server.store_id}"
    confirm = f"{store_page}/counters/{device.id}/revoke"
    assert "停用后这台收银台不能再同步" in owner.client.get(confirm).text
    assert server.count("SELECT count(*) FROM device WHERE revoked_at IS NULL") == 1
    answer = owner.post(confirm, confirm)
    assert (answer.status_code, answer.headers["location"]) == (303, store_page)
    assert "已停用" in owner.client.get(store_page).text
    status = server.client.get(
        f"{API}/stores/{device.store_id}/devices/{device.id}", headers=device.headers
    )
    assert status.status_code == 403


def test_a_second_owner_sees_none_of_the_first_owners_stores(
    server: Server, owner: Browser, rival: Browser
) -> None:
    device = server.enroll()
    page = rival.client.get(STORES).text
    assert "对手店" in page and "丽人美容" not in page and server.store_id not in page
    store_page = f"{STORES}/{server.store_id}"
    revoke = f"{store_page}/counters/{device.id}/revoke"
    for path in (store_page, revoke, f"{STORES}/no-such-store"):
        answer = rival.client.get(path)
        assert answer.status_code == 404 and "找不到这个页面" in answer.text
    # Posting to another's store with the rival's own valid token: 404, nothing changes.
    own_token = rival.token(STORES)
    for path, form in ((f"{store_page}/codes", {"hours": "24"}), (revoke, {})):
        answer = rival.client.post(path, data={"csrf_token": own_token, **form})
        assert answer.status_code == 404
    assert server.count("SELECT count(*) FROM enrollment_code") == 1  # the one server.enroll used
    assert server.count("SELECT count(*) FROM device WHERE revoked_at IS NULL") == 1


def test_a_device_id_of_another_store_is_not_found_under_ones_own(
    server: Server, owner: Browser, rival: Browser
) -> None:
    device = server.enroll()
    rival_store = re.search(r'href="/console/stores/([^"]+)"', rival.client.get(STORES).text)
    assert rival_store is not None
    path = f"{STORES}/{rival_store.group(1)}/counters/{device.id}/revoke"
    assert rival.client.get(path).status_code == 404
    assert rival.client.post(path, data={"csrf_token": rival.token(STORES)}).status_code == 404
    assert server.count("SELECT count(*) FROM device WHERE revoked_at IS NULL") == 1


def test_a_manager_sees_only_their_store(server: Server, manager: Browser) -> None:
    page = manager.client.get(STORES).text
    assert "丽人美容 一店" in page and "丽人美容 二店" not in page
    assert "新建门店" not in page and "店长账号" not in page
    assert manager.client.get(f"{STORES}/{server.store_id}").status_code == 200
    assert manager.client.get(f"{STORES}/{server.other_store_id}").status_code == 404
    token = manager.token(STORES)
    other_codes = f"{STORES}/{server.other_store_id}/codes"
    assert manager.client.post(other_codes, data={"csrf_token": token}).status_code == 404
    assert manager.client.post(STORES, data={"csrf_token": token, "name": "x"}).status_code == 404
    assert manager.client.get("/console/managers").status_code == 404
    assert server.count("SELECT count(*) FROM store") == 2
    assert server.count("SELECT count(*) FROM enrollment_code") == 0


def test_owner_makes_a_manager_of_own_stores_only(
    server: Server, owner: Browser, rival: Browser
) -> None:
    made = owner.post("/console/managers", "/console/managers", email="li@example.com",
                      password="manager pass", stores=[server.other_store_id])  # fmt: skip
    assert made.status_code == 200 and "已创建店长账号 li@example.com" in made.text
    assert "丽人美容 二店" in owner.client.get("/console/managers").text
    stolen = rival.post("/console/managers", "/console/managers", email="spy@example.com",
                        password="spy password", stores=[server.store_id])  # fmt: skip
    assert stolen.status_code == 404
    taken = owner.post("/console/managers", "/console/managers", email="rival@example.com",
                       password="whatever pass", stores=[server.store_id])  # fmt: skip
    assert taken.status_code == 400 and "这个邮箱已有账号" in taken.text
    none = owner.post("/console/managers", "/console/managers", email="x@example.com",
                      password="whatever pass")  # fmt: skip
    assert none.status_code == 400
    assert server.count("SELECT count(*) FROM store_manager") == 1
    assert "丽人美容 一店" not in rival.client.get("/console/managers").text


def test_what_a_counter_reports_is_on_its_row(server: Server, owner: Browser) -> None:
    device = server.enroll()
    url = f"{API}/stores/{device.store_id}/devices/{device.id}"
    store_page = f"{STORES}/{server.store_id}"
    assert "—" in owner.client.get(store_page).text  # nothing reported yet
    plain = server.client.get(url, headers=device.headers)  # an older counter: no report
    assert plain.status_code == 200
    report = {"version": "0.2.0", "queued": "3", "oldest_queued_at": "2026-11-20T04:30:00Z"}
    assert server.client.get(url, params=report, headers=device.headers).status_code == 200
    page = owner.client.get(store_page).text
    assert "0.2.0" in page and "3 条，最早的已等 2 小时" in page
    assert server.count("SELECT count(*) FROM device_report") == 1
    bad = server.client.get(url, params={"version": "x" * 40}, headers=device.headers)
    assert bad.status_code == 422


def test_owner_removes_a_manager_who_is_signed_out_at_once(
    server: Server, owner: Browser, manager: Browser, rival: Browser
) -> None:
    manager_id = re.search(r'href="/console/managers/([^/"]+)/remove"',
                           owner.client.get("/console/managers").text)  # fmt: skip
    assert manager_id is not None
    remove = f"/console/managers/{manager_id.group(1)}/remove"
    for other in (rival, manager):  # not theirs to remove
        assert other.client.get(remove).status_code == 404
        assert (
            other.client.post(remove, data={"csrf_token": other.token(STORES)}).status_code == 404
        )
    assert server.count("SELECT count(*) FROM store_manager") == 1
    assert "立即退出" in owner.client.get(remove).text
    assert owner.post(remove, remove).status_code == 303
    assert server.count("SELECT count(*) FROM store_manager") == 0
    assert server.count("SELECT count(*) FROM managed_store") == 0
    assert manager.client.get(STORES, follow_redirects=False).status_code == 303
