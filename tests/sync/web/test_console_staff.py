"""A store's staff in the console (SQLite and PostgreSQL): the list and its search, adding and
editing a member, a PIN set here that a counter verifies after its pull, each refusal of the
counter's staff rules changing nothing (here and in the `edit-staff` command), a CSV import,
and the scope (another store's or owner's ids are a 404; a POST without CSRF a 403)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from salon_pos.domain.errors import UserError
from sync.server import master_staff
from sync.server.cli import main
from tests.conftest import FakeClock
from tests.keyring_backend import MemoryKeyring
from tests.sync.server.conftest import Server
from tests.sync.server.test_restore import Counter
from tests.sync.web.conftest import Browser

MEMBER = re.compile(r'/staff/([0-9a-f-]{36})"')


def staff_url(server: Server, store_id: str | None = None) -> str:
    return f"/console/stores/{store_id or server.store_id}/staff"


def add(browser: Browser, server: Server, **form: Any) -> Any:
    page = staff_url(server)
    return browser.post(page, page, **({"role": "technician"} | form))


def added(browser: Browser, server: Server, **form: Any) -> str:
    answer = add(browser, server, **form)
    assert answer.status_code == 303, answer.text
    return str(answer.headers["location"]).split("/staff/")[1].split("?")[0]


def snapshot(server: Server) -> Any:
    """Everything a refused change must leave as it was."""
    with server.engine.connect() as connection:
        staff = connection.exec_driver_sql(
            "SELECT id, role, pin_hash, data, stamps FROM staff ORDER BY id"
        ).all()
        seq = connection.exec_driver_sql("SELECT id, change_seq FROM store ORDER BY id").all()
    return staff, seq


@pytest.fixture
def team(server: Server, owner: Browser) -> dict[str, str]:
    """A manager with PIN 1111, a front-desk person and a technician, added in the console."""
    return {
        "manager": added(
            owner, server, name="王店长", role="manager", pin="1111", pin_again="1111"
        ),
        "desk": added(owner, server, name="周小敏", role="front_desk", phone="138 0013 8000"),
        "tech": added(owner, server, name="李娜", skills="facial, nail", phone="13900139000"),
    }


def test_the_list_shows_roles_and_skills_in_words_and_searches(
    server: Server, owner: Browser, team: dict[str, str]
) -> None:
    page = owner.client.get(staff_url(server)).text
    assert "王店长" in page and "店长" in page and "前台" in page and "技师" in page
    assert "面部护理、美甲" in page and "13800138000" in page  # phone as counters keep it
    assert page.count("已设 PIN") == 1 and page.count("未设 PIN") == 2
    assert "$argon2" not in page
    found = owner.client.get(staff_url(server), params={"q": "小敏"}).text
    assert "周小敏" in found and "李娜" not in found
    by_phone = owner.client.get(staff_url(server), params={"q": "1390013"}).text
    assert "李娜" in by_phone and "周小敏" not in by_phone
    owner.client.cookies.set("salon_lang", "en")
    english = owner.client.get(staff_url(server)).text
    assert "Facial, Nails" in english and "technician" in english


def test_an_edit_is_saved_and_an_inactive_member_is_listed_apart(
    server: Server, owner: Browser, team: dict[str, str]
) -> None:
    page = f"{staff_url(server)}/{team['tech']}"
    form = {"name": "李娜娜", "role": "technician", "skills": "lash", "phone": "", "active": ""}
    answer = owner.post(page, page, **form)
    assert answer.status_code == 303
    member = master_staff.staff_member(server.engine, server.store_id, team["tech"])
    assert (member["name"], member["skills"], member["active"]) == ("李娜娜", ["lash"], False)
    listing = owner.client.get(staff_url(server)).text
    active, inactive = listing.split('data-testid="inactive-staff"')
    assert "李娜娜" in inactive and "李娜娜" not in active and "美睫" in inactive


def test_a_pin_set_in_the_console_signs_the_person_in_at_a_counter(
    server: Server,
    owner: Browser,
    tmp_path: Path,
    clock: FakeClock,
    migrated_template: Path,
    memory_keyring: MemoryKeyring,
) -> None:
    counter = Counter(tmp_path / "a1", migrated_template, clock, server)
    try:
        manager = added(owner, server, name="王店长", role="manager", pin="4321", pin_again="4321")
        tech = added(owner, server, name="李娜", skills="facial")
        assert counter.sync().error is None
        assert counter.app.sign_in.sign_in(manager, "4321").name == "王店长"
        member = counter.app.staff.get(tech)
        assert (member.name, member.role.value, member.skills) == (
            "李娜",
            "technician",
            ("facial",),
        )
        with pytest.raises(UserError):  # pulled without a PIN: none signs them in
            counter.app.sign_in.sign_in(tech, "0000")

        page = f"{staff_url(server)}/{tech}"
        assert owner.post(f"{page}/pin", page, pin="2580", pin_again="2580").status_code == 303
        assert owner.post(f"{page}/pin", page, pin="2581", pin_again="2581").status_code == 303
        assert counter.sync().error is None
        assert counter.app.sign_in.sign_in(tech, "2581").id == tech
        with pytest.raises(UserError):
            counter.app.sign_in.sign_in(tech, "2580")
    finally:
        counter.app.close()


REFUSALS = [
    ("add", {"name": "  ", "role": "technician"}, "姓名为必填项"),
    ("add", {"name": "新人", "role": "manager"}, "请同时为其设置新的 PIN"),
    ("add", {"name": "新人", "pin": "12", "pin_again": "12"}, "PIN 须为 4 到 8 位数字"),
    ("add", {"name": "新人", "pin": "12a4", "pin_again": "12a4"}, "PIN 须为 4 到 8 位数字"),
    ("add", {"name": "新人", "pin": "1234", "pin_again": "1235"}, "两次输入的 PIN 不一致"),
    ("add", {"name": "新人", "role": "manager", "pin": "1111", "pin_again": "1111"}, "已有另一位"),
    ("desk", {"name": "周小敏", "role": "manager", "active": "1"}, "请同时为其设置新的 PIN"),
    ("desk", {"name": "周小敏", "role": "manager", "active": "1", "pin": "1111",
              "pin_again": "1111"}, "已有另一位"),
    ("desk", {"name": "", "role": "front_desk", "active": "1"}, "姓名为必填项"),
    ("manager", {"name": "王店长", "role": "manager", "active": ""}, "最后一位在职的店长"),
    ("manager", {"name": "王店长", "role": "technician", "active": "1"}, "最后一位在职的店长"),
    ("desk-pin", {"pin": "99", "pin_again": "99"}, "PIN 须为 4 到 8 位数字"),
    ("desk-pin", {"pin": "9999", "pin_again": "9998"}, "两次输入的 PIN 不一致"),
    ("manager-pin", {"pin": "", "pin_again": ""}, "PIN 须为 4 到 8 位数字"),
]  # fmt: skip


@pytest.mark.parametrize(("target", "form", "message"), REFUSALS)
def test_each_refusal_is_a_400_with_the_form_and_changes_nothing(
    server: Server,
    owner: Browser,
    team: dict[str, str],
    target: str,
    form: dict[str, str],
    message: str,
) -> None:
    before = snapshot(server)
    if target == "add":
        page = action = staff_url(server)
    else:
        who, _, pin = target.partition("-")
        page = f"{staff_url(server)}/{team[who]}"
        action = f"{page}/pin" if pin else page
    answer = owner.post(action, page, **form)
    assert answer.status_code == 400 and message in answer.text, answer.text
    assert 'name="csrf_token"' in answer.text
    if form.get("name", "").strip():
        assert f'value="{form["name"]}"' in answer.text  # the typed values are kept
    assert snapshot(server) == before


def test_a_second_manager_may_take_over_and_the_first_step_down(
    server: Server, owner: Browser, team: dict[str, str]
) -> None:
    page = f"{staff_url(server)}/{team['desk']}"
    form = {"name": "周小敏", "role": "manager", "active": "1", "pin": "2222", "pin_again": "2222"}
    assert owner.post(page, page, **form).status_code == 303
    page = f"{staff_url(server)}/{team['manager']}"
    assert owner.post(page, page, name="王店长", role="manager", active="").status_code == 303
    assert not master_staff.staff_member(server.engine, server.store_id, team["manager"])["active"]


def test_the_edit_staff_command_refuses_as_the_console_does(
    server: Server,
    team: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SALON_POS_LANG", "en")
    url = server.engine.url.render_as_string(hide_password=False)
    base = ["edit-staff", "--database-url", url, "--store", server.store_id]
    before = snapshot(server)
    cases = [
        (team["manager"], "active=false", "last active manager or owner"),
        (team["manager"], "role=technician", "last active manager or owner"),
        (team["desk"], "role=manager", "set a new PIN for them"),
        (team["desk"], "name= ", "name is required"),
    ]
    for staff_id, change, message in cases:
        assert main([*base, "--staff", staff_id, "--set", change]) == 2
        assert message in capsys.readouterr().err
    assert snapshot(server) == before
    assert main([*base, "--staff", team["tech"], "--set", "phone=139 0013 9001"]) == 0
    tech = master_staff.staff_member(server.engine, server.store_id, team["tech"])
    assert tech["phone"] == "13900139001"


GBK_CSV = (
    '姓名,角色,技能,电话\n张婷,技师,"facial,lash",13700137000\n'
    "孙经理,店长,,\n,技师,,\n赵前台,前台,,12345\n"
)


def test_a_csv_import_adds_staff_and_reports_refused_lines(server: Server, owner: Browser) -> None:
    page = staff_url(server)
    answer = owner.client.post(
        f"{page}/import",
        data={"csrf_token": owner.token(page)},
        files={"file": ("staff.csv", GBK_CSV.encode("gbk"), "text/csv")},
    )
    assert answer.status_code == 200, answer.text
    assert "已导入 1 位员工，3 行未导入" in answer.text
    assert "第 3 行：店长和老板需要 PIN" in answer.text
    assert (
        "第 4 行：姓名为必填项" in answer.text
        and "第 5 行：“12345”不是有效的电话号码" in answer.text
    )
    assert "张婷" in answer.text and "面部护理、美睫" in answer.text
    utf16 = "name\trole\tphone\n钱技师\ttechnician\t13600136000\n".encode("utf-16")
    answer = owner.client.post(
        f"{page}/import",
        data={"csrf_token": owner.token(page)},
        files={"file": ("staff.txt", utf16, "text/plain")},
    )
    assert "已导入 1 位员工，0 行未导入" in answer.text
    assert server.count("SELECT count(*) FROM staff") == 2


def test_a_file_without_a_name_column_imports_nothing(server: Server, owner: Browser) -> None:
    page = staff_url(server)
    answer = owner.client.post(
        f"{page}/import",
        data={"csrf_token": owner.token(page)},
        files={"file": ("x.csv", b"a,b\n1,2\n", "text/csv")},
    )
    assert answer.status_code == 400 and "x.csv 缺少必需的列：姓名" in answer.text
    assert server.count("SELECT count(*) FROM staff") == 0


@pytest.fixture
def other_member(server: Server) -> Iterator[str]:
    yield master_staff.add_staff(
        server.engine, server.other_store_id, {"name": "二店技师", "role": "technician"}
    )


def test_another_stores_member_is_a_404_under_ones_own_store(
    server: Server, owner: Browser, team: dict[str, str], other_member: str
) -> None:
    before = snapshot(server)
    edited = f"{staff_url(server)}/{other_member}"
    assert owner.client.get(edited).status_code == 404
    form = {"csrf_token": owner.token(staff_url(server)), "name": "改名", "role": "technician"}
    assert owner.client.post(edited, data=form).status_code == 404
    pin = {"csrf_token": form["csrf_token"], "pin": "5555", "pin_again": "5555"}
    assert owner.client.post(f"{edited}/pin", data=pin).status_code == 404
    assert snapshot(server) == before


def test_another_owner_and_a_manager_of_one_store_see_only_theirs(
    server: Server, rival: Browser, manager: Browser, team: dict[str, str], other_member: str
) -> None:
    before = snapshot(server)
    assert rival.client.get(staff_url(server)).status_code == 404
    assert rival.client.get(f"/console/stores/{server.store_id}/settings").status_code == 404
    assert manager.client.get(staff_url(server, server.other_store_id)).status_code == 404
    page = manager.client.get(staff_url(server)).text
    assert "李娜" in page and "二店技师" not in page
    form = {"name": "老板娘", "role": "owner", "pin": "7777", "pin_again": "7777"}
    answer = manager.post(staff_url(server), staff_url(server), **form)
    assert answer.status_code == 400 and "只有老板" in answer.text
    assert snapshot(server) == before


def test_a_post_without_the_csrf_token_is_refused(
    server: Server, owner: Browser, team: dict[str, str]
) -> None:
    before = snapshot(server)
    page = f"{staff_url(server)}/{team['tech']}"
    assert owner.client.post(staff_url(server), data={"name": "x"}).status_code == 403
    assert (
        owner.client.post(f"{page}/pin", data={"pin": "5555", "pin_again": "5555"}).status_code
        == 403
    )
    assert snapshot(server) == before


def test_staff_and_settings_are_linked_from_the_store_page(server: Server, owner: Browser) -> None:
    page = owner.client.get(f"/console/stores/{server.store_id}").text
    assert f'href="{staff_url(server)}"' in page
    assert f'href="/console/stores/{server.store_id}/settings"' in page
