"""A fresh counter joins a real store with the setup wizard: a real server on 127.0.0.1 that
holds the staff, catalog and customers another counter pushed; afterwards the store's staff
are on the sign-in screen (their PINs work) and its catalog on the cashier's tiles, before any
sale of this counter's own. And what the join page says when the code is wrong."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QListWidget,
    QPushButton,
    QToolButton,
    QWizard,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select

from salon_pos.db.models import Ticket
from salon_pos.jobs.first_pull import first_pull
from salon_pos.jobs.sync import sync_round
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.first_run import FirstRun, first_run
from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.setup.start import FirstRunSetup
from salon_pos.ui.setup.wizard import JOIN, PRINTER, PULL
from salon_pos.ui.shell import Shell
from sync.server import admin
from tests.cli.conftest import own_log_handlers, run  # noqa: F401 -- a fixture, by name
from tests.conftest import FakeClock, Shelf, Team
from tests.keyring_backend import MemoryKeyring
from tests.sync.client.conftest import enroll
from tests.sync.client.feed import open_counter, seed_store
from tests.sync.live_server import LiveServer
from tests.ui.selling import sell_one_service
from tests.ui.test_sign_in import sign_in_with_pad


@pytest.fixture
def seeded(
    tmp_path: Path,
    clock: FakeClock,
    migrated_template: Path,
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    memory_keyring: MemoryKeyring,
) -> Iterator[tuple[Team, Shelf]]:
    """The store's first counter pushed its staff, catalog and two customers to the server."""
    a1 = open_counter(tmp_path / "a1", migrated_template, clock, "A1")
    team, shelf = seed_store(a1)
    a1.customers.add("张丽", "13800138000")
    a1.customers.add("刘芳", "13900139000")
    enroll(a1, live_server.url, admin.create_enrollment_code(server_engine, store_id))
    assert sync_round(a1, Paths(a1.db.path.parent), timeout=10).pending == 0
    a1.close()
    yield team, shelf


@pytest.fixture
def setup(qapp: QApplication, fresh: Backend) -> Iterator[FirstRunSetup]:
    made = FirstRunSetup(qapp, fresh, first_run(fresh), partial(first_pull, fresh), "zh_CN")
    made.wizard.show()
    yield made
    made.close()
    gc.collect()


def ask_to_join(wizard: QWizard, url: str, code: str, prefix: str = "B1") -> None:
    wizard.choice.join.setChecked(True)
    wizard.next()
    assert wizard.currentId() == JOIN
    wizard.findChild(QLineEdit, "serverUrl").setText(url)
    wizard.findChild(QLineEdit, "enrollmentCode").setText(code)
    wizard.findChild(QLineEdit, "joinCounterPrefix").setText(prefix)
    wizard.next()  # enrolls in the background, then moves on


def test_a_fresh_counter_joins_and_sells_the_stores_catalog_with_its_staff(
    qtbot: QtBot,
    qapp: QApplication,
    seeded: tuple[Team, Shelf],
    fresh: Backend,
    setup: FirstRunSetup,
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
) -> None:
    team, shelf = seeded
    wizard = setup.wizard
    ask_to_join(wizard, live_server.url, admin.create_enrollment_code(server_engine, store_id))
    refused = lambda: wizard.join.message.property("kind") == "error"  # noqa: E731
    qtbot.waitUntil(lambda: wizard.currentId() == PULL or refused(), timeout=10_000)
    assert wizard.currentId() == PULL, wizard.join.message.text()
    qtbot.waitUntil(wizard.pull.isComplete, timeout=20_000)
    assert wizard.pull.bar.value() == wizard.pull.bar.maximum()
    assert "3 名员工" in wizard.pull.status.text() and "2 位客户" in wizard.pull.status.text()
    wizard.next()  # the store has its manager: no manager page, the printer
    assert wizard.currentId() == PRINTER
    with qtbot.waitSignal(wizard.ready, timeout=10_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()

    assert fresh.settings.current.store_name == "丽人美容总店"  # the server's name for it
    assert fresh.settings.current.counter_prefix == "B1"
    assert first_run(fresh) is FirstRun.DONE
    shell = Shell(qapp, fresh, "zh_CN")
    try:
        shell.window.show()
        tiles = shell.window.sign_in.findChildren(QToolButton)
        names = {t.objectName() for t in tiles}
        assert {f"staffTile_{m.id}" for m in (team.manager, team.desk, team.tech)} <= names
        sign_in_with_pad(qtbot, shell, team.desk.id, Team.DESK_PIN)  # the PIN set at A1
        qtbot.waitUntil(lambda: shell.ctx.staff is not None and shell.ctx.staff.id == team.desk.id)
        cashier = shell.window.open_page("cashier")
        shell.settle()
        categories = cashier.findChild(QListWidget, "catalogCategories")
        shown = set()
        for row in range(categories.count()):  # one category's tiles at a time
            categories.setCurrentRow(row)
            shown |= {b.objectName() for b in cashier.findChildren(QPushButton)}
        assert {f"item_{i}" for i in (shelf.facial, shelf.manicure, shelf.serum)} <= shown
        with fresh.db.read() as session:  # not one sale of its own: all of it was pulled
            assert session.scalar(select(func.count()).select_from(Ticket)) == 0
        assert isinstance(cashier, CashierPage)  # the store's service, by its technician
        sell_one_service(qtbot, cashier, shelf.facial, "补水", team.tech.id, "198")
        qtbot.waitUntil(lambda: len(fresh.tickets.find()) == 1, timeout=10_000)
        [ticket] = fresh.tickets.find()
        detail = fresh.tickets.get(ticket.id)
        assert detail.summary.number == "B1-000001" and detail.summary.total == 19800
        assert [(line.name, line.technician) for line in detail.lines] == [("补水保湿护理", "李娜")]
    finally:
        shell.close()


def test_a_wrong_code_or_a_taken_prefix_is_explained_and_the_page_stays(
    qtbot: QtBot,
    seeded: tuple[Team, Shelf],
    fresh: Backend,
    setup: FirstRunSetup,
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
) -> None:
    wizard = setup.wizard
    ask_to_join(wizard, live_server.url, "WRONG-CODE")
    message = wizard.join.message
    qtbot.waitUntil(lambda: "注册码" in message.text() and "拒绝" in message.text(), timeout=10_000)
    assert wizard.currentId() == JOIN
    assert fresh.sync.enrollment() is None and fresh.staff.list() == []
    assert first_run(fresh) is FirstRun.CHOOSE  # set up to try again, not as a store of its own

    code = admin.create_enrollment_code(server_engine, store_id)
    wizard.findChild(QLineEdit, "enrollmentCode").setText(code)
    wizard.findChild(QLineEdit, "joinCounterPrefix").setText("A1")  # the first counter's
    wizard.next()
    qtbot.waitUntil(lambda: "已在使用单号前缀 A1" in message.text(), timeout=10_000)
    assert wizard.currentId() == JOIN
    wizard.findChild(QLineEdit, "joinCounterPrefix").setText("B2")  # nothing carries A1 here
    wizard.next()  # the same code: a refused prefix did not spend it
    qtbot.waitUntil(lambda: wizard.currentId() == PULL, timeout=10_000)
    assert fresh.settings.current.counter_prefix == "B2"


@pytest.mark.usefixtures("own_log_handlers")
def test_init_join_enrolls_and_pulls_with_its_progress_on_stderr(
    tmp_path: Path,
    seeded: tuple[Team, Shelf],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SALON_POS_LANG", raising=False)
    team, _ = seeded
    home = tmp_path / "c1"
    join = ("init", "--counter", "C1", "--join", live_server.url, "--code")
    assert run(home, *join, "NOT-A-CODE") == 2
    assert "拒绝了该注册码" in capsys.readouterr().err

    assert run(home, *join, admin.create_enrollment_code(server_engine, store_id)) == 0
    captured = capsys.readouterr()
    assert "已接收" in captured.err  # the progress, page by page
    assert "已加入门店 丽人美容总店（收银台 C1）" in captured.out
    assert "3 名员工" in captured.out and "3 个项目商品" in captured.out
    backend = open_backend(Paths(home))
    try:
        assert first_run(backend) is FirstRun.DONE
        assert backend.sign_in.sign_in(team.manager.id, Team.MANAGER_PIN).id == team.manager.id
    finally:
        backend.close()
    assert run(home, *join, admin.create_enrollment_code(server_engine, store_id)) == 2
    assert "已加入门店 丽人美容总店" in capsys.readouterr().err
