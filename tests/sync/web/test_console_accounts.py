"""The console's accounts: sign-in with its lock, sessions and their cookie, CSRF on every
POST, logout, password change, the language switch."""

from __future__ import annotations

from tests.sync.server.conftest import Server
from tests.sync.web.conftest import OWNER, OWNER_PASSWORD, Browser, browser_of

STORES = "/console/stores"


def test_pages_need_a_session(server: Server) -> None:
    browser = browser_of(server)
    for path in (STORES, f"{STORES}/{server.store_id}", "/console/password", "/console/managers"):
        answer = browser.client.get(path, follow_redirects=False)
        assert (answer.status_code, answer.headers["location"]) == (303, "/console/login")


def test_session_cookie_is_httponly_lax_and_only_its_hash_is_stored(server: Server) -> None:
    browser = browser_of(server)
    answer = browser.sign_in(OWNER, OWNER_PASSWORD)
    assert answer.status_code == 303
    cookie = next(c for c in answer.headers.get_list("set-cookie") if "salon_session=" in c)
    value = cookie.split(";")[0].split("=", 1)[1]
    flags = cookie.lower()
    assert "httponly" in flags and "samesite=lax" in flags and "secure" not in flags
    assert server.count("SELECT count(*) FROM web_session WHERE id_hash = :v", v=value) == 0
    assert server.count("SELECT count(*) FROM web_session") == 1
    assert "丽人美容 一店" in browser.client.get(STORES).text


def test_cookie_is_secure_over_https(server: Server) -> None:
    browser = browser_of(server)
    browser.client.base_url = "https://testserver"  # type: ignore[assignment]
    answer = browser.sign_in(OWNER, OWNER_PASSWORD)
    assert "secure" in answer.headers["set-cookie"].lower()


def test_wrong_password_then_the_sixth_is_refused_even_when_right(server: Server) -> None:
    browser = browser_of(server)
    for _ in range(4):
        answer = browser.sign_in(OWNER, "wrong password")
        assert answer.status_code == 401 and "邮箱或密码不对" in answer.text
    assert browser.sign_in(OWNER, "wrong password").status_code == 429  # the fifth locks
    sixth = browser.sign_in(OWNER, OWNER_PASSWORD)
    assert sixth.status_code == 429 and "已锁定" in sixth.text
    assert server.count("SELECT count(*) FROM web_session") == 0
    server.clock.advance(minutes=14)
    assert browser.sign_in(OWNER, OWNER_PASSWORD).status_code == 429
    server.clock.advance(minutes=1, seconds=1)
    assert browser.sign_in(OWNER, OWNER_PASSWORD).status_code == 303


def test_a_right_password_clears_the_count(server: Server) -> None:
    browser = browser_of(server)
    for _ in range(4):
        browser.sign_in(OWNER, "wrong password")
    assert browser.sign_in(OWNER, OWNER_PASSWORD).status_code == 303
    for _ in range(4):
        assert browser_of(server).sign_in(OWNER, "wrong password").status_code == 401


def test_unknown_email_reads_like_a_wrong_password(server: Server) -> None:
    answer = browser_of(server).sign_in("nobody@example.com", "whatever password")
    assert answer.status_code == 401 and "邮箱或密码不对" in answer.text


def test_login_post_without_its_token_is_refused(server: Server) -> None:
    browser = browser_of(server)
    answer = browser.client.post(
        "/console/login", data={"email": OWNER, "password": OWNER_PASSWORD}
    )
    assert answer.status_code == 403
    assert server.count("SELECT count(*) FROM web_session") == 0


def test_post_without_or_with_a_wrong_csrf_token_changes_nothing(
    server: Server, owner: Browser
) -> None:
    before = server.count("SELECT count(*) FROM store")
    for form in ({"name": "偷偷开的店"}, {"name": "偷偷开的店", "csrf_token": "forged"}):
        answer = owner.client.post(STORES, data=form, follow_redirects=False)
        assert answer.status_code == 403 and "请求被拒绝" in answer.text
    assert server.count("SELECT count(*) FROM store") == before
    codes = f"{STORES}/{server.store_id}/codes"
    assert owner.client.post(codes, data={"hours": "24"}).status_code == 403
    assert server.count("SELECT count(*) FROM enrollment_code") == 0


def test_logout_ends_the_session(server: Server, owner: Browser) -> None:
    answer = owner.post("/console/logout", STORES)
    assert (answer.status_code, answer.headers["location"]) == (303, "/console/login")
    assert server.count("SELECT count(*) FROM web_session") == 0
    assert owner.client.get(STORES, follow_redirects=False).status_code == 303


def test_a_stolen_cookie_after_logout_is_worthless(server: Server, owner: Browser) -> None:
    stolen = dict(owner.client.cookies)
    owner.post("/console/logout", STORES)
    thief = browser_of(server)
    thief.client.cookies.update(stolen)
    assert thief.client.get(STORES, follow_redirects=False).status_code == 303


def test_sessions_expire_when_idle(server: Server, owner: Browser) -> None:
    server.clock.advance(hours=1, minutes=59)
    assert owner.client.get(STORES).status_code == 200  # and this page keeps it alive
    server.clock.advance(hours=1, minutes=59)
    assert owner.client.get(STORES).status_code == 200
    server.clock.advance(hours=2)
    assert owner.client.get(STORES, follow_redirects=False).status_code == 303


def test_password_change_needs_the_old_one_and_signs_out_elsewhere(
    server: Server, owner: Browser
) -> None:
    elsewhere = browser_of(server)
    elsewhere.sign_in(OWNER, OWNER_PASSWORD)
    wrong = owner.post("/console/password", "/console/password", old="nope", new="new password 1",
                       again="new password 1")  # fmt: skip
    assert wrong.status_code == 400 and "当前密码不对" in wrong.text
    short = owner.post("/console/password", "/console/password", old=OWNER_PASSWORD, new="short",
                       again="short")  # fmt: skip
    assert short.status_code == 400
    done = owner.post("/console/password", "/console/password", old=OWNER_PASSWORD,
                      new="new password 1", again="new password 1")  # fmt: skip
    assert done.status_code == 200 and "密码已修改" in done.text
    assert owner.client.get(STORES).status_code == 200
    assert elsewhere.client.get(STORES, follow_redirects=False).status_code == 303
    assert browser_of(server).sign_in(OWNER, OWNER_PASSWORD).status_code == 401
    assert browser_of(server).sign_in(OWNER, "new password 1").status_code == 303


def test_language_switch_is_remembered_and_stays_on_the_console(owner: Browser) -> None:
    answer = owner.client.get(
        "/console/language", params={"to": "en", "back": STORES}, follow_redirects=False
    )
    assert answer.headers["location"] == STORES
    assert "samesite=lax" in answer.headers["set-cookie"].lower()
    page = owner.client.get(STORES).text
    assert "Stores" in page and 'lang="en"' in page
    elsewhere = owner.client.get(
        "/console/language", params={"to": "zh_CN", "back": "//evil.example/"},
        follow_redirects=False,
    )  # fmt: skip
    assert elsewhere.headers["location"] == STORES
    assert 'lang="zh-CN"' in owner.client.get(STORES).text


def test_the_json_api_is_unchanged_and_the_console_is_not_in_its_schema(server: Server) -> None:
    schema = server.client.get("/openapi.json").json()
    assert not [path for path in schema["paths"] if path.startswith("/console") or path == "/"]
    assert server.client.get("/health").json() == {"status": "ok"}
