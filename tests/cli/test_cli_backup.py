"""`salon-pos backup [--to DIR] [--list]` and `salon-pos restore FILE`: what they print, and
each problem in one sentence on stderr with exit 2, changing nothing."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from salon_pos.folder_lock import in_use
from salon_pos.paths import Paths
from tests.cli.conftest import run


def store_name(database: Path) -> str:
    with closing(sqlite3.connect(database)) as connection:
        row = connection.execute("SELECT value FROM setting WHERE key = 'store_name'").fetchone()
    return str(row[0])


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    assert run(home, "init", "--store-name", "丽人", "--counter", "A1") == 0
    return home


def test_backup_list_and_restore(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    capsys.readouterr()
    assert run(home, "backup") == 0
    out = capsys.readouterr().out
    assert out.startswith("已备份（已通过完整性检查）：") and "-manual.db" in out
    backups = sorted(Paths(home).backups.glob("salon-pos-*.db"))
    assert len(backups) == 1
    assert run(home, "backup", "--list") == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 1 and "手动" in listed[0] and str(backups[0]) in listed[0]

    with sqlite3.connect(Paths(home).database) as connection:  # a change after the backup
        connection.execute("UPDATE setting SET value = '丽人二号' WHERE key = 'store_name'")
    connection.close()
    monkeypatch.setenv("SALON_POS_LANG", "en")
    assert run(home, "restore", backups[0].name) == 0
    out = capsys.readouterr().out
    assert f"restored from {backups[0]}" in out and "is kept at:" in out
    kept = Path(out.split("is kept at: ", 1)[1].splitlines()[0])
    assert store_name(kept) == "丽人二号" and store_name(Paths(home).database) == "丽人"
    assert "sent again" in out


def test_backup_to_a_missing_folder_keeps_the_first_copy_and_says_so(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(home, "backup", "--to", str(tmp_path / "usb")) == 2
    captured = capsys.readouterr()
    assert "已备份" in captured.out and "第二备份目录" in captured.err
    assert len(list(Paths(home).backups.glob("salon-pos-*.db"))) == 1
    (tmp_path / "usb").mkdir()
    assert run(home, "backup", "--to", str(tmp_path / "usb")) == 0
    assert "副本（已检查）" in capsys.readouterr().out
    assert len(list((tmp_path / "usb").glob("salon-pos-*.db"))) == 1


def test_restore_refuses_while_the_app_runs_and_a_file_that_is_no_backup(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "backup") == 0
    backup = next(Paths(home).backups.glob("salon-pos-*.db"))
    capsys.readouterr()
    with in_use(home):  # the app, open on the folder
        assert run(home, "restore", str(backup)) == 2
    assert "正在被收银程序" in capsys.readouterr().err
    text = tmp_path / "customers.csv"
    text.write_text("姓名,电话\n", encoding="utf-8")
    assert run(home, "restore", str(text)) == 2
    assert "不是本收银系统的备份" in capsys.readouterr().err
    assert run(home, "restore", str(tmp_path / "missing.db")) == 2
    assert "找不到文件" in capsys.readouterr().err
    assert sorted(p.name for p in home.glob("salon_pos*")) == ["salon_pos.db"]  # untouched


def test_a_command_waits_for_no_restore_and_holds_the_folder_meanwhile(home: Path) -> None:
    """While a command runs, its lock file is there and held; afterwards it is gone."""
    with in_use(home):
        held = list(home.glob("in-use-*.lock"))
        assert len(held) == 1
    assert list(home.glob("in-use-*.lock")) == []
    assert run(home, "backup") == 0
    assert list(home.glob("in-use-*.lock")) == []


def test_nothing_starts_on_the_folder_while_a_restore_works_there(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from salon_pos import folder_lock

    monkeypatch.setattr(folder_lock, "GATE_WAIT_SECONDS", 0.1)
    capsys.readouterr()
    with folder_lock.alone(home):
        assert run(home, "backup") == 2
    assert "正在向数据目录" in capsys.readouterr().err
    assert list(Paths(home).backups.glob("salon-pos-*.db")) == []
    assert run(home, "backup") == 0
