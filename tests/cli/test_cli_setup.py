"""`salon-pos init` and `demo-data` as a new user meets them: a hint that works, wrong arguments
that create nothing, a second run that changes nothing, and one language at a time."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from salon_pos.paths import Paths
from salon_pos.services.backend import open_backend
from tests.cli.conftest import run

ROOT = Path(__file__).resolve().parents[2]


def test_the_not_initialised_hint_is_a_command_that_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    assert run(home, "sync") == 2  # `gui` opens the setup wizard instead (tests/ui)
    hint = re.search(r"`(salon-pos init [^`]+)`", capsys.readouterr().err)
    assert hint is not None
    words = shlex.split(hint.group(1))
    assert words[:2] == ["salon-pos", "init"]

    assert run(home, *words[1:]) == 0
    assert "收银台 A1" in capsys.readouterr().out


def test_wrong_arguments_create_nothing_and_argparse_speaks_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    with pytest.raises(SystemExit) as stopped:
        run(home, "init", "--store-name", "店名")
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "缺少必需的参数：--counter" in err and "用法：" in err
    assert "required" not in err and "usage" not in err

    assert run(home, "init", "--store-name", "店", "--counter", "A1", "--time-zone", "Mars") == 2
    assert run(home, "init", "--store-name", "店", "--counter", "A-1") == 2
    assert run(home, "init", "--store-name", " ", "--counter", "A1") == 2
    assert not home.exists()

    with pytest.raises(SystemExit):
        run(home, "gui", "--screen", "nope")
    assert "无效的选择：'nope'" in capsys.readouterr().err


def test_argparse_speaks_english_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALON_POS_LANG", "en")
    with pytest.raises(SystemExit):
        run(tmp_path, "init", "--store-name", "店名")
    assert "the following arguments are required: --counter" in capsys.readouterr().err


def test_a_second_init_changes_nothing_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    assert run(home, "init", "--store-name", "丽人美业·演示店", "--counter", "A1") == 0
    backend = open_backend(Paths(home))
    try:
        backend.settings.update(store_name="丽人美业·人民路店", receipt_footer="周一店休")
    finally:
        backend.close()
    capsys.readouterr()

    assert run(home, "init", "--store-name", "丽人美业·演示店", "--counter", "A1") == 0

    assert "已经初始化" in capsys.readouterr().out
    backend = open_backend(Paths(home))
    try:
        settings = backend.settings.current
    finally:
        backend.close()
    assert settings.store_name == "丽人美业·人民路店" and settings.receipt_footer == "周一店休"


def test_make_run_loads_the_demo_once_and_keeps_the_users_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\ndemo:")[1].split("\n\n")[0]
    commands = [
        shlex.split(line.split('"$(DEMO_HOME)"')[1])
        for line in recipe.splitlines()
        if "$(BIN)/salon-pos" in line
    ]
    assert [c[0] for c in commands] == ["init", "demo-data"]
    fewer = ["--customers", "5", "--days", "1"]
    small = [[*c, *fewer] if c[0] == "demo-data" else c for c in commands]
    home = tmp_path / "demo"
    for command in small:
        assert run(home, *command) == 0
    backend = open_backend(Paths(home))
    try:
        backend.settings.update(store_name="我的店")
        customers = len(backend.customers.recent(1000))
        tickets = len(backend.tickets.find(limit=1000))
    finally:
        backend.close()
    capsys.readouterr()

    for command in small:  # `make run` again
        assert run(home, *command) == 0

    assert "未载入演示数据" in capsys.readouterr().out
    backend = open_backend(Paths(home))
    try:
        assert backend.settings.current.store_name == "我的店"
        assert len(backend.customers.recent(1000)) == customers
        assert len(backend.tickets.find(limit=1000)) == tickets
    finally:
        backend.close()


def test_messages_come_in_one_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(tmp_path / "zh", "init", "--store-name", "店", "--counter", "A1") == 0
    chinese = capsys.readouterr().out
    assert "门店 店：收银台 A1" in chinese and "device" not in chinese

    monkeypatch.setenv("SALON_POS_LANG", "en")
    assert run(tmp_path / "en", "init", "--store-name", "店", "--counter", "A1") == 0
    english = capsys.readouterr().out
    assert "Store 店: counter A1" in english and "收银台" not in english
