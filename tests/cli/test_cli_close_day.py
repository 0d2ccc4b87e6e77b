"""`salon-pos close-day`: the day's figures and checks as the screen shows them; --close with a
manager's PIN closes it once; bad input is refused in one sentence with exit 2."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import func, select

from salon_pos.db.models import DayClose
from salon_pos.paths import Paths
from salon_pos.services.backend import open_backend
from tests.cli.conftest import run


def feed(monkeypatch: pytest.MonkeyPatch, *lines: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))


def closes(home: Path) -> int:
    backend = open_backend(Paths(home))
    try:
        with backend.db.read() as session:
            return int(session.scalar(select(func.count()).select_from(DayClose)) or 0)
    finally:
        backend.close()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    assert run(home, "init", "--store-name", "丽人", "--counter", "A1") == 0
    assert run(home, "demo-data", "--customers", "20", "--days", "2") == 0  # 王静, PIN 8888
    return home


def test_preview_then_close_with_a_pin(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(home, "close-day") == 0
    shown = capsys.readouterr().out
    assert "日结单" in shown and "未日结（预览）" in shown and "未上传" in shown
    assert closes(home) == 0

    feed(monkeypatch, "8888")
    assert run(home, "close-day", "--close", "--pin-stdin") == 2  # checks not clear
    assert "--anyway" in capsys.readouterr().err
    assert closes(home) == 0

    feed(monkeypatch, "1111")  # the front desk's: not a manager's
    assert run(home, "close-day", "--close", "--anyway", "--pin-stdin") == 2
    assert "PIN" in capsys.readouterr().err
    assert closes(home) == 0

    feed(monkeypatch, "8888")
    assert run(home, "close-day", "--close", "--anyway", "--note", "核对完毕", "--pin-stdin") == 0
    out = capsys.readouterr().out
    assert "已日结" in out and "已备份" in out
    assert closes(home) == 1
    assert [p.name for p in (home / "backups").glob("*close*")]  # a backup after the close
    day = out.split("营业日 ")[-1].split(" ")[0]
    assert run(home, "close-day", "--day", day) == 0
    again = capsys.readouterr().out
    assert "王静" in again and "未日结" not in again  # as closed, by the manager
    assert run(home, "close-day") == 0  # what follows belongs to the next business day
    assert "未日结（预览）" in capsys.readouterr().out


def test_a_day_that_is_not_a_day_is_refused(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(home, "close-day", "--day", "2026-13-01") == 2
    assert "不是日期" in capsys.readouterr().err
