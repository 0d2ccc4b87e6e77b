"""`salon-pos enroll` and `salon-pos sync`, as a shop would run them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from salon_pos.cli import main
from salon_pos.paths import Paths
from salon_pos.services.backend import open_backend
from tests.keyring_backend import ENV_FILE, MemoryKeyring
from tests.sync.client.fake_server import STORE_KEY, TOKEN, FakeServer

ROOT = Path(__file__).resolve().parents[3]


def run(home: Path, *args: str) -> int:
    return main(["--home", str(home), *args])


@pytest.fixture
def home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    home = tmp_path / "home"
    assert run(home, "init", "--store-name", "测试店", "--counter", "A1") == 0
    capsys.readouterr()
    return home


def test_enroll_then_sync_prints_what_happened(
    home: Path,
    fake_server: FakeServer,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(home, "enroll", "--server", fake_server.url, "--code", "GOOD-CODE") == 0
    out = capsys.readouterr().out
    assert "已注册到门店 丽人美容总店" in out and "设备：" in out
    token, store_key = memory_keyring.secrets.values()  # the store key for health data too
    assert token == TOKEN and json.loads(store_key)["key"] == STORE_KEY
    assert TOKEN.encode() not in (home / "salon_pos.db").read_bytes()
    assert STORE_KEY.encode() not in (home / "salon_pos.db").read_bytes()
    assert run(home, "demo-data", "--customers", "5", "--days", "1") == 0
    capsys.readouterr()
    assert run(home, "sync") == 0
    out = capsys.readouterr().out
    pushed = sum(fake_server.state.apply_count.values())
    assert pushed > 5
    assert f"上传 {pushed} 条（已应用 {pushed}" in out
    assert "待上传 0 条" in out


def test_a_bad_code_is_refused_with_a_message(
    home: Path,
    fake_server: FakeServer,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(home, "enroll", "--server", fake_server.url, "--code", "USED-CODE") == 2
    assert "注册码" in capsys.readouterr().err
    # No device token; only the one offered, kept for a retry (docs/adr/0007-counter-identity.md)
    [(_service, user)] = memory_keyring.secrets
    assert user.endswith("#enrolling")


def test_sync_without_a_server_fails_with_a_non_zero_exit(
    home: Path,
    fake_server: FakeServer,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(home, "sync") == 1
    assert "尚未注册" in capsys.readouterr().err
    assert run(home, "enroll", "--server", fake_server.url, "--code", "GOOD-CODE") == 0
    fake_server.stop()
    capsys.readouterr()
    assert run(home, "sync", "--timeout", "2") == 1
    captured = capsys.readouterr()
    assert "离线" in captured.err and "待上传 0 条" in captured.out
    assert "连接被拒绝" in captured.err and "ConnectionError" not in captured.err


def test_sync_before_enrolling_counts_what_waits_and_says_how_to_enroll(
    home: Path, memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "demo-data", "--customers", "5", "--days", "1") == 0
    capsys.readouterr()
    backend = open_backend(Paths(home))
    try:
        waiting = backend.sync.status().pending
    finally:
        backend.close()
    assert waiting > 20

    assert run(home, "sync") == 1

    captured = capsys.readouterr()
    assert f"待上传 {waiting} 条" in captured.out and "尚未注册" in captured.out
    assert "salon-pos enroll --server" in captured.err


def _cli(home: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "salon_pos.cli", "--home", str(home), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ | env,
        timeout=60,
    )


def test_without_a_keyring_enroll_says_how_to_get_one(home: Path, fake_server: FakeServer) -> None:
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "SALON_POS_LANG": "en"}
    done = _cli(home, env, "enroll", "--server", fake_server.url, "--code", "GOOD-CODE")
    assert done.returncode == 2
    assert "gnome-keyring" in done.stderr and "dbus-run-session" in done.stderr


def test_subprocesses_share_the_file_keyring(
    home: Path, fake_server: FakeServer, tmp_path: Path
) -> None:
    env = {
        "PYTHON_KEYRING_BACKEND": "tests.keyring_backend.FileKeyring",
        ENV_FILE: str(tmp_path / "keyring.json"),
    }
    done = _cli(home, env, "enroll", "--server", fake_server.url, "--code", "GOOD-CODE")
    assert done.returncode == 0, done.stderr
    assert TOKEN in (tmp_path / "keyring.json").read_text()
    done = _cli(home, env, "sync")
    assert done.returncode == 0, done.stderr
    assert "待上传 0 条" in done.stdout
