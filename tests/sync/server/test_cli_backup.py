"""`salon-sync-server backup FILE`: a checked copy of an SQLite server database (never migrated
or created by the command), and for PostgreSQL the pg_dump command to run, without the
password."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from sync.server.cli import main


def test_an_sqlite_server_is_backed_up_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALON_POS_LANG", "en")
    data = ["--data", str(tmp_path / "data")]
    assert (
        main(["create-owner", *data, "--email", "boss@example.com", "--password", "pw123456"]) == 0
    )
    file = tmp_path / "copies" / "server-backup.db"
    file.parent.mkdir()
    assert main(["backup", *data, str(file)]) == 0
    out = capsys.readouterr().out
    assert f"backed up (integrity checked): {file}" in out and "store-keys" in out
    with closing(sqlite3.connect(file)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT email FROM owner").fetchall() == [("boss@example.com",)]
    assert [p.name for p in file.parent.iterdir()] == ["server-backup.db"]  # no side files


def test_no_database_is_made_to_be_backed_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "--data", str(tmp_path / "none"), str(tmp_path / "b.db")]) == 2
    assert "没有找到服务器数据库" in capsys.readouterr().err
    assert not (tmp_path / "none").exists() and not (tmp_path / "b.db").exists()


def test_postgresql_gets_the_pg_dump_command_without_the_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALON_POS_LANG", "en")
    url = "postgresql+psycopg://salon:secret@db.example:5432/salon"
    assert main(["backup", "--database-url", url, str(tmp_path / "salon.dump")]) == 2
    err = capsys.readouterr().err
    command = f"pg_dump --format=custom --file {tmp_path / 'salon.dump'} "
    assert command + "postgresql://salon@db.example:5432/salon" in err
    assert "secret" not in err and "pg_restore --clean --if-exists" in err
