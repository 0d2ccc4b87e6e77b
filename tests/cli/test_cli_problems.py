"""`salon-pos` when something is wrong: one clear sentence on stderr, never a raw traceback or a
silent exit; a bug's traceback goes to the log, once, and the user is told where it is."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import run

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534


def test_a_damaged_database_is_a_message_and_one_logged_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "salon_pos.db").write_bytes(b"not a database, a text file saved over it\n" * 100)

    assert run(home, "sync") == 1

    err = capsys.readouterr().err
    log_file = home / "logs" / "salon-pos.log"
    assert "程序出错" in err and str(log_file) in err and "Traceback" not in err
    text = log_file.read_text(encoding="utf-8")
    assert text.count("bug in salon-pos sync") == 1 and "Traceback" in text
    assert "file is not a database" in text


def test_a_data_folder_that_cannot_be_created_is_named_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_file = tmp_path / "salon.txt"
    a_file.write_text("a file where the folder should go")

    assert run(a_file / "home", "init", "--store-name", "店", "--counter", "A1") == 2

    err = capsys.readouterr().err
    assert f"无法使用数据目录：{a_file}" in err and "不是文件夹" in err
    assert "Traceback" not in err and "Error" not in err


def test_a_screenshot_of_a_store_with_no_staff_says_there_is_no_one_to_sign_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    assert run(home, "init", "--store-name", "店", "--counter", "A1") == 0
    capsys.readouterr()

    shot = tmp_path / "x.png"
    assert run(home, "gui", "--screenshot", str(shot), "--screen", "tickets") == 2

    err = capsys.readouterr().err
    assert "员工" in err and "登录" in err and "Traceback" not in err
    assert not shot.exists()
    assert "StopIteration" not in (home / "logs" / "salon-pos.log").read_text(encoding="utf-8")


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can enter (tmp_path is private to the user running the tests)."""
    folder = Path(tempfile.mkdtemp(prefix="salon-pos-ro-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _as_another_user(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The CLI as a user who may read the data folder but not write it (as after `sudo
    salon-pos init`). Root writes any file, so as root the command runs as `nobody`."""
    command = [sys.executable, "-m", "salon_pos.cli", "--home", str(home), *args]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: cannot run as another user")
        command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("SALON_POS_LANG", None)
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_a_read_only_database_is_said_for_import_and_gui(
    shared_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = shared_folder / "home"
    assert run(home, "init", "--store-name", "店", "--counter", "A1") == 0
    capsys.readouterr()
    customers = shared_folder / "customers.csv"
    customers.write_text("姓名,手机\n张三,13800138000\n", encoding="utf-8")
    for path in (shared_folder, home, home / "logs", home / "backups", customers):
        path.chmod(0o777 if path.is_dir() else 0o666)
    (home / "logs" / "salon-pos.log").chmod(0o666)
    (home / "salon_pos.db").chmod(0o444)

    for args in (("import", "customers", str(customers)), ("gui",)):
        done = _as_another_user(home, *args)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert "只能读、不能写" in done.stderr and "salon_pos.db" in done.stderr, args
        assert "Traceback" not in done.stderr


def test_sqlites_read_only_refusal_is_recognised_inside_the_error_chain(tmp_path: Path) -> None:
    """Made read-only after the start check (another user's -wal file, a remount): the same
    sentence as at the start, not "program error"."""
    import sqlite3

    from sqlalchemy import create_engine, text

    from salon_pos.cli import _read_only

    sqlite3.connect(tmp_path / "x.db").execute("CREATE TABLE t (a)").connection.commit()
    engine = create_engine(f"sqlite:///file:{tmp_path / 'x.db'}?mode=ro&uri=true")
    with pytest.raises(Exception) as raised, engine.begin() as connection:
        connection.execute(text("INSERT INTO t VALUES (1)"))
    engine.dispose()
    assert _read_only(raised.value)
    assert not _read_only(RuntimeError("attempt to write a readonly database"))
