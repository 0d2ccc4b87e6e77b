"""A sync round that cannot finish says what is actually wrong: a locked or missing keyring is
this PC's problem (never "the server refused"), and no network is said in plain words."""

from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, KeyringLocked, NoKeyringError

from salon_pos.jobs.sync import sync_round
from salon_pos.paths import Paths
from salon_pos.security.device_token import DeviceTokens
from salon_pos.security.keyring_problems import how_to_unlock, keyring_problem
from salon_pos.services.backend import Backend
from salon_pos.services.sync_enrollment import EnrollmentService, ServerUnreachable
from salon_pos.services.sync_errors import (
    CONNECTION_REFUSED,
    NAME_NOT_FOUND,
    TIMED_OUT,
    TLS_FAILED,
    network_reason,
)
from salon_pos.services.sync_status import ConnectionState
from sync.client import Offline, SyncClient
from sync.wire import EnrollRequest
from tests.keyring_backend import MemoryKeyring


class BrokenKeyring(MemoryKeyring):
    """An in-memory keyring whose reads fail as a locked (or unreachable) one does."""

    def __init__(self, error: KeyringError) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error


@pytest.fixture
def keyring_fails(enrolled: Backend) -> Iterator[type[BrokenKeyring]]:
    before: KeyringBackend = keyring.get_keyring()
    yield BrokenKeyring
    keyring.set_keyring(before)


def test_a_locked_keyring_is_said_to_be_locked_not_refused_by_the_server(
    enrolled: Backend, keyring_fails: type[BrokenKeyring], counter_paths: Paths
) -> None:
    keyring.set_keyring(keyring_fails(KeyringLocked("Failed to unlock the collection!")))

    report = sync_round(enrolled, counter_paths)

    status = enrolled.sync.status()
    assert status.state is not ConnectionState.REFUSED
    assert report.error is not None and report.error == status.last_error
    assert "密钥环已锁定" in report.error and "拒绝" not in report.error
    assert report.pending == status.pending


def test_no_keyring_says_so_and_how_to_get_one(
    enrolled: Backend, keyring_fails: type[BrokenKeyring], counter_paths: Paths
) -> None:
    keyring.set_keyring(keyring_fails(NoKeyringError("no backend")))

    report = sync_round(enrolled, counter_paths)

    assert enrolled.sync.status().state is not ConnectionState.REFUSED
    assert report.error is not None and "没有可用的系统密钥环" in report.error
    assert "no backend" not in report.error  # keyring's own words go to the log


def test_an_installed_gnome_keyring_is_not_to_be_installed_again() -> None:
    from salon_pos.security.keyring_problems import GET_ONE, how_to_get_keyring

    assert how_to_get_keyring("win32") == GET_ONE["other"]
    if shutil.which("gnome-keyring-daemon"):
        assert how_to_get_keyring("linux") == GET_ONE["installed"]
        assert "apt install" not in GET_ONE["installed"].en
    else:
        assert how_to_get_keyring("linux") == GET_ONE["linux"]


def test_the_unlock_hint_fits_the_system_and_needs_the_keyrings_password() -> None:
    locked = KeyringLocked("Failed to unlock the collection!")
    linux = keyring_problem(locked, "linux").message("en")
    assert "locked" in linux and "gnome-keyring-daemon --unlock <" in linux
    assert "empty password cannot unlock" in linux
    assert "Credential Manager" in keyring_problem(locked, "win32").message("en")
    assert "Keychain" in how_to_unlock("darwin").en
    other = keyring_problem(KeyringError("D-Bus said no"), "linux").message("zh_CN")
    assert "无法读取" in other and "D-Bus said no" in other


def _offline(url: str, timeout: float = 2.0) -> Offline:
    request = EnrollRequest(code="ABCD-1234", device_id="d", counter="A1", hostname="h")
    with pytest.raises(Offline) as raised:
        SyncClient.enroll(url, request, timeout)
    return raised.value


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def plain_http() -> Iterator[int]:
    """A port that answers every connection with plain HTTP, as a server without TLS does."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)

    def answer() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            with connection:
                connection.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")

    threading.Thread(target=answer, daemon=True).start()
    yield int(server.getsockname()[1])
    server.close()


def test_no_network_is_said_in_plain_words(plain_http: int) -> None:
    refused = _offline(f"http://127.0.0.1:{_free_port()}")
    assert network_reason(refused) == CONNECTION_REFUSED
    assert network_reason(_offline(f"https://127.0.0.1:{plain_http}")) == TLS_FAILED
    assert network_reason(_offline("http://no-such-salon.invalid")) == NAME_NOT_FOUND
    with socket.socket() as silent:  # listens, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        assert network_reason(_offline(f"http://127.0.0.1:{port}", 0.3)) == TIMED_OUT


def test_the_offline_message_has_no_python_exception_text(
    enrolled: Backend, fake_server: object, counter_paths: Paths
) -> None:
    fake_server.stop()  # type: ignore[attr-defined]
    report = sync_round(enrolled, counter_paths, timeout=2)
    assert report.error is not None
    assert "连接被拒绝" in report.error
    for python_words in ("ConnectionError", "HTTPConnectionPool", "Max retries", "Errno"):
        assert python_words not in report.error


def test_enrolling_with_no_server_says_why_in_plain_words(
    backend: Backend, memory_keyring: MemoryKeyring
) -> None:
    service = EnrollmentService(backend.db, backend.settings, backend.clock)
    url = f"http://127.0.0.1:{_free_port()}"
    with pytest.raises(ServerUnreachable) as raised:
        service.enroll(url, "ABCD-1234", DeviceTokens(), timeout=2)
    text = raised.value.message("zh_CN")
    assert url in text and "连接被拒绝" in text
    assert "HTTPConnectionPool" not in text and "ConnectionError" not in text
