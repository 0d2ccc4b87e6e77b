"""The console in a real browser against a real server: signing in, a store and its code,
what a second owner and a manager cannot see or do, CSRF, cookie flags and the lock."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text

from sync.server import admin
from sync.server.config import utc_now
from sync.server.db import create_server_engine
from sync.server.web import accounts
from tests.sync.live_server import LiveServer
from tests.sync.web.browser import (
    DESKTOP,
    PHONE,
    WHY_NOT,
    chromium_missing,
    new_store,
    sign_in,
)

pytestmark = pytest.mark.skipif(chromium_missing(), reason=WHY_NOT)
playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
Page = playwright_api.Page
OWNER, PASSWORD = "boss@example.com", "correct horse"
RIVAL, RIVAL_PASSWORD = "rival@example.com", "rival password"


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, Engine]]:
    folder = tmp_path_factory.mktemp("console")
    server = LiveServer(f"sqlite:///{folder / 'server.db'}", folder / "server.log").start()
    engine = create_server_engine(server.database_url)
    admin.create_owner(engine, OWNER, PASSWORD)
    admin.create_owner(engine, RIVAL, RIVAL_PASSWORD)
    admin.create_store(engine, RIVAL, "对手店")
    yield server, engine
    engine.dispose()
    server.stop()


@pytest.fixture
def page(chromium: object, console: tuple[LiveServer, Engine]) -> Iterator[Page]:
    context = chromium.new_context(viewport=DESKTOP, base_url=console[0].url)  # type: ignore[attr-defined]
    yield context.new_page()
    context.close()


def count(engine: Engine, sql: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(sql)).scalar_one())


def test_owner_creates_a_store_and_an_enrollment_code(
    page: Page, console: tuple[LiveServer, Engine]
) -> None:
    sign_in(page, OWNER, PASSWORD)
    page.wait_for_url("**/console/stores")
    store_id = new_store(page, "丽人美容 浏览器店")
    page.fill("input[name=hours]", "48")
    page.click("form[action$='/codes'] button")
    code = page.get_by_test_id("enrollment-code").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    assert page.locator(".qr svg").count() == 1
    page.goto(f"/console/stores/{store_id}")  # shown once: the store's page has no code
    assert page.get_by_test_id("enrollment-code").count() == 0
    cookies = {c["name"]: c for c in page.context.cookies()}
    session = cookies["salon_session"]
    assert session["httpOnly"] is True and session["sameSite"] == "Lax"
    assert page.evaluate("document.cookie") == ""  # HttpOnly: scripts cannot read it


def test_a_second_owner_sees_nothing_of_the_first(
    page: Page, chromium: object, console: tuple[LiveServer, Engine]
) -> None:
    server, engine = console
    sign_in(page, OWNER, PASSWORD)
    store_id = new_store(page, "老板甲的店")
    rival = chromium.new_context(viewport=PHONE, base_url=server.url).new_page()  # type: ignore[attr-defined]
    sign_in(rival, RIVAL, RIVAL_PASSWORD)
    rival.wait_for_url("**/console/stores")
    assert "对手店" in rival.content() and "老板甲的店" not in rival.content()
    answer = rival.goto(f"/console/stores/{store_id}")  # an id edited in the URL
    assert answer is not None and answer.status == 404
    assert "老板甲的店" not in rival.content()
    # A hidden form field edited: the rival's own code form, aimed at the other store.
    rival.goto("/console/stores")
    rival.click("text=对手店")
    codes_before = count(engine, "SELECT count(*) FROM enrollment_code")
    rival.eval_on_selector(
        "form[action$='/codes']", "(f, id) => f.action = `/console/stores/${id}/codes`", store_id
    )
    with rival.expect_response(re.compile("/codes$")) as posted:
        rival.click("form[action$='/codes'] button")
    assert posted.value.status == 404
    # And a store id put into the manager form's checkbox.
    rival.goto("/console/managers")
    rival.eval_on_selector("input[name=stores]", "(box, id) => box.value = id", store_id)
    rival.check("input[name=stores]")
    rival.fill("input[name=email]", "spy@example.com")
    rival.fill("input[name=password]", "spy password")
    with rival.expect_response(re.compile("/console/managers$")) as made:
        rival.click("form[action='/console/managers'] button")
    assert made.value.status == 404
    assert count(engine, "SELECT count(*) FROM enrollment_code") == codes_before
    assert count(engine, "SELECT count(*) FROM store_manager") == 0
    rival.context.close()


def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(
    page: Page, console: tuple[LiveServer, Engine]
) -> None:
    engine = console[1]
    sign_in(page, OWNER, PASSWORD)
    page.wait_for_url("**/console/stores")
    before = count(engine, "SELECT count(*) FROM store")
    token = "form[action='/console/stores'] input[name=csrf_token]"
    page.eval_on_selector(token, "e => e.remove()")
    page.fill("input[name=name]", "没有令牌的店")
    with page.expect_response(re.compile("/console/stores$")) as posted:
        page.click("form[action='/console/stores'] button")
    assert posted.value.status == 403
    assert "请求被拒绝" in page.content()
    assert count(engine, "SELECT count(*) FROM store") == before


def test_the_sixth_password_is_refused_even_when_right(
    page: Page, console: tuple[LiveServer, Engine]
) -> None:
    admin.create_owner(console[1], "careless@example.com", "the right one")
    for _ in range(5):
        sign_in(page, "careless@example.com", "a wrong one")
    sign_in(page, "careless@example.com", "the right one")
    assert "/console/login" in page.url
    assert "账号已锁定" in page.locator(".error").inner_text()
    page.goto("/console/stores")
    assert page.url.endswith("/console/login")


def test_a_manager_cannot_open_another_stores_pages(
    page: Page, console: tuple[LiveServer, Engine]
) -> None:
    engine = console[1]
    owner_id = admin_owner_id(engine, OWNER)
    mine = admin.create_store(engine, OWNER, "店长管的店")
    other = admin.create_store(engine, OWNER, "店长不管的店")
    accounts.create_manager(engine, owner_id, "mgr@example.com", "manager pass", [mine], utc_now())
    sign_in(page, "mgr@example.com", "manager pass")
    page.wait_for_url("**/console/stores")
    assert "店长管的店" in page.content() and "店长不管的店" not in page.content()
    assert page.goto(f"/console/stores/{mine}").status == 200  # type: ignore[union-attr]
    for path in (f"/console/stores/{other}", "/console/managers"):
        answer = page.goto(path)
        assert answer is not None and answer.status == 404


def admin_owner_id(engine: Engine, email: str) -> str:
    with engine.connect() as connection:
        return str(
            connection.execute(text("SELECT id FROM owner WHERE email = :e"), {"e": email}).scalar()
        )


def test_phone_width_has_no_horizontal_scroll(
    chromium: object, console: tuple[LiveServer, Engine]
) -> None:
    context = chromium.new_context(viewport=PHONE, base_url=console[0].url)  # type: ignore[attr-defined]
    phone = context.new_page()
    sign_in(phone, OWNER, PASSWORD)
    phone.wait_for_url("**/console/stores")
    store_id = new_store(phone, "一个名字很长很长很长很长很长很长的美容美发门店")
    phone.click("form[action$='/codes'] button")
    for path in ("/console/stores", f"/console/stores/{store_id}", "/console/managers"):
        if path != f"/console/stores/{store_id}":
            phone.goto(path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} scrolls sideways: {width}px"
    context.close()


def test_staff_and_settings_pages_in_a_browser_at_phone_width(
    chromium: object, console: tuple[LiveServer, Engine]
) -> None:
    """From the store's page to its staff: a manager added with a PIN typed twice (the PIN is
    not on any page after), then the store-wide settings saved; no page scrolls sideways."""
    context = chromium.new_context(viewport=PHONE, base_url=console[0].url)  # type: ignore[attr-defined]
    phone = context.new_page()
    sign_in(phone, OWNER, PASSWORD)
    phone.wait_for_url("**/console/stores")
    store_id = new_store(phone, "员工测试店")
    phone.click(f"a[href='/console/stores/{store_id}/staff']")
    phone.fill(
        "form[method=post][action$='/staff'] input[name=name]", "欧阳晓晓晓晓晓晓晓晓晓晓晓晓"
    )
    phone.select_option("select[name=role]", "manager")
    phone.fill("input[name=skills]", "facial, nail, lash, massage, makeup, hair")
    phone.fill("form[method=post][action$='/staff'] input[name=pin]", "8642")
    phone.fill("form[method=post][action$='/staff'] input[name=pin_again]", "8642")
    phone.click("form[method=post][action$='/staff'] button")
    phone.wait_for_url(re.compile(r"/staff/[0-9a-f-]{36}\?saved=1$"))
    assert "已设 PIN" in phone.content() and "8642" not in phone.content()
    member = phone.url
    phone.goto(f"/console/stores/{store_id}/settings")
    phone.fill("input[name=cutover_hour]", "6")
    phone.click("form[action$='/settings'] button")
    phone.wait_for_url("**/settings?saved=1")
    assert phone.input_value("input[name=cutover_hour]") == "6"
    for path in (f"/console/stores/{store_id}/staff", member, phone.url):
        phone.goto(path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} scrolls sideways: {width}px"
    context.close()
