"""`salon-pos init` for scripted installs: a new store with its first manager (the PIN from
stdin, never argv), `init` alone as before (the wizard asks for the manager later), and
arguments that do not fit together refused in one sentence before anything is created.
Joining a store from the command line: tests/sync/client/test_join_wizard.py."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from salon_pos.domain.staff import Role
from salon_pos.paths import Paths
from salon_pos.services.backend import open_backend
from salon_pos.services.first_run import FirstRun, first_run
from tests.cli.conftest import run

NEW = ("init", "--store-name", "花间美甲", "--counter", "A1")


def typed(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_a_new_store_with_its_manager_whose_pin_signs_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    typed(monkeypatch, "4321\n")
    assert run(home, *NEW, "--manager-name", "陈店长", "--manager-pin-stdin") == 0
    out = capsys.readouterr().out
    assert "门店 花间美甲：收银台 A1" in out and "已添加店长 陈店长" in out
    assert "4321" not in out
    backend = open_backend(Paths(home))
    try:
        [manager] = backend.staff.list()
        assert (manager.name, manager.role) == ("陈店长", Role.MANAGER)
        assert backend.sign_in.sign_in(manager.id, "4321") == manager
        assert first_run(backend) is FirstRun.DONE
    finally:
        backend.close()


def test_init_alone_still_works_and_the_manager_can_come_later_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    assert run(home, *NEW) == 0
    backend = open_backend(Paths(home))
    try:
        assert first_run(backend) is FirstRun.MANAGER  # `gui` opens the wizard's manager step
    finally:
        backend.close()
    typed(monkeypatch, "2468\n")
    assert run(home, *NEW, "--manager-name", "Lily", "--manager-pin-stdin") == 0
    assert "已添加店长 Lily" in capsys.readouterr().out
    typed(monkeypatch, "1357\n")
    assert run(home, *NEW, "--manager-name", "Rose", "--manager-pin-stdin") == 2
    assert "已有店长或老板" in capsys.readouterr().err
    backend = open_backend(Paths(home))
    try:
        assert [m.name for m in backend.staff.list()] == ["Lily"]
    finally:
        backend.close()


@pytest.mark.parametrize(
    ("args", "stdin", "said"),
    [
        (("init", "--counter", "A1"), "", "--store-name"),
        ((*NEW, "--join", "http://10.0.0.5:8000", "--code", "X1Y2"), "", "只能选一个"),
        (("init", "--counter", "A2", "--join", "http://10.0.0.5:8000"), "", "--code"),
        ((*NEW, "--code", "X1Y2"), "", "--code"),
        (("init", "--counter", "A2", "--join", "10.0.0.5", "--code", "X1Y2"), "", "服务器地址"),
        (
            ("init", "--counter", "A2", "--join", "http://h", "--code", "C", "--manager-name", "W"),
            "",
            "--manager-name",
        ),
        ((*NEW, "--manager-name", "陈店长", "--manager-pin-stdin"), "12\n", "4 到 8 位"),
        ((*NEW, "--manager-name", "陈店长", "--manager-pin-stdin"), "12a4\n", "4 到 8 位"),
        ((*NEW, "--manager-name", " ", "--manager-pin-stdin"), "4321\n", "店长姓名"),
        ((*NEW, "--manager-pin-stdin"), "4321\n", "--manager-name"),
        ((*NEW, "--manager-name", "陈店长"), "", "--manager-pin-stdin"),  # no terminal to ask
    ],
)
def test_arguments_that_do_not_fit_create_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    stdin: str,
    said: str,
) -> None:
    home = tmp_path / "home"
    typed(monkeypatch, stdin)
    assert run(home, *args) == 2
    err = capsys.readouterr().err
    assert said in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not home.exists()
