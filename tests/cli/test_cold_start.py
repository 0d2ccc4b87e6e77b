"""`salon-pos gui` to the sign-in screen: the real command, in a fresh process, paints the screen
before it loads what sign-in does not need (the sync client and its wire models, APScheduler,
the printer and PDF libraries, pinyin). tests/bench/gui.py times this same command."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from salon_pos.app import FIRST_PAINT_PROBE
from salon_pos.cli import main

# Loaded by then, each would cost the first paint tens of milliseconds or more.
NOT_BEFORE_SIGN_IN = (
    "salon_pos.jobs.sync",
    "sync.client",
    "requests",
    "pydantic",
    "apscheduler",
    "escpos.escpos",  # its printer profiles: ~190 ms (the constants the errors use are cheap)
    "escpos.capabilities",
    "escpos.printer",
    "reportlab",
    "pypinyin",
    "alembic",
)
LIST_MODULES_AT_EXIT = (
    "import atexit, sys; "
    "atexit.register(lambda: print('modules', *sorted(sys.modules), flush=True)); "
    "from salon_pos.cli import main; sys.exit(main())"
)


def test_gui_paints_the_sign_in_screen_before_loading_sync_and_devices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.setattr("sys.stdin", io.StringIO("8888\n"))  # with a manager: no setup wizard
    init = ["init", "--store-name", "测试店", "--counter", "A1", "--manager-name", "王静"]
    assert main(["--home", str(home), *init, "--manager-pin-stdin"]) == 0
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", FIRST_PAINT_PROBE: "1"}
    done = subprocess.run(
        [sys.executable, "-c", LIST_MODULES_AT_EXIT, "--home", str(home), "gui"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("first-paint ") for line in lines)  # then it quit
    loaded = set(next(line for line in lines if line.startswith("modules ")).split()[1:])
    assert "salon_pos.ui.sign_in" in loaded
    early = {m for m in loaded if any(m == n or m.startswith(n + ".") for n in NOT_BEFORE_SIGN_IN)}
    assert early == set()


def test_gui_on_a_fresh_data_folder_opens_the_setup_wizard(tmp_path: Path) -> None:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", FIRST_PAINT_PROBE: "1"}
    command = [sys.executable, "-m", "salon_pos.cli", "--home", str(tmp_path / "new"), "gui"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["setup-wizard"]  # painted, then it quit
