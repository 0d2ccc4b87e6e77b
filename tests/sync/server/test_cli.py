"""The command line: chores print plain answers, bad input a message (no traceback), and
`serve` starts a real server that stops cleanly on SIGTERM."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from sync.server.cli import main
from tests.sync.live_server import LiveServer


def test_owner_store_code_and_devices(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data", str(tmp_path)]
    assert (
        main(["create-owner", *data, "--email", "boss@example.com", "--password", "pw123456"]) == 0
    )
    assert main(["create-store", *data, "--owner", "boss@example.com", "--name", "一店"]) == 0
    store_id = capsys.readouterr().out.strip().splitlines()[-1]
    assert main(["create-enrollment-code", *data, "--store", store_id]) == 0
    code = capsys.readouterr().out.strip()
    assert len(code) == 9 and code[4] == "-"
    assert main(["list-devices", *data]) == 0
    assert main(["create-store", *data, "--owner", "nobody@example.com", "--name", "x"]) == 2
    assert main(["revoke-device", *data, "--device", "nope"]) == 2
    err = capsys.readouterr().err
    assert "no owner nobody@example.com" in err and "no device nope" in err
    assert "Traceback" not in err
    assert (tmp_path / "server.db").exists()


def test_serve_answers_and_stops_on_sigterm(tmp_path: Path) -> None:
    """`serve` as an operator runs it: with its reminder loop."""
    server = LiveServer(
        f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "server.log", reminders=True
    ).start()
    try:
        assert requests.get(f"{server.url}/health", timeout=5).json() == {"status": "ok"}
        spec = requests.get(f"{server.url}/openapi.json", timeout=5).json()
        assert "/api/v1/stores/{store_id}/changes" in spec["paths"]
    finally:
        server.stop()
    assert not server.running


def test_the_server_command_speaks_one_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SALON_POS_LANG", raising=False)
    assert main(["migrate", "--data", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == "数据库已是最新结构"
    with pytest.raises(SystemExit):
        main(["create-store", "--data", str(tmp_path), "--name", "一店"])
    assert "缺少必需的参数：--owner" in capsys.readouterr().err

    monkeypatch.setenv("SALON_POS_LANG", "en")
    assert main(["migrate", "--data", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == "database is at the newest schema"
