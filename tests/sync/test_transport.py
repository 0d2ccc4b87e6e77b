"""The device token travels in the clear only to this PC or the shop's LAN; beyond that the
counter needs https, and `salon-sync-server serve` can serve it (docs/sync-server.md)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
import requests

from salon_pos.jobs.sync import sync_round
from salon_pos.paths import Paths
from salon_pos.security.device_token import DeviceTokens
from salon_pos.services.backend import Backend
from salon_pos.services.sync_errors import PlainHttpRefused
from salon_pos.services.sync_state import sync_state
from sync.client import InsecureServer, SyncClient
from sync.server import admin
from sync.server.db import create_server_engine
from sync.transport import plain_http_refused
from sync.wire import EnrollRequest
from tests.conftest import FakeClock, three_line_sale
from tests.keyring_backend import MemoryKeyring
from tests.sync.client.conftest import enroll
from tests.sync.client.feed import open_counter, seed_store
from tests.sync.live_server import LiveServer

PUBLIC = "203.0.113.7"  # TEST-NET-3: documentation addresses, never a real host


def resolver(table: dict[str, list[str]]) -> Callable[[str], Iterable[str]]:
    def resolve(host: str) -> Iterable[str]:
        return table.get(host, [])

    return resolve


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8765",
        "http://localhost:8765/",
        "http://LOCALHOST",
        "http://[::1]:8765",
        "http://192.168.1.20:8765",
        "http://10.0.0.2",
        "http://172.20.3.4:8765",
        "http://169.254.10.1",
        "http://[fd12:3456::1]:8765",
        "http://salon-server:8765",  # resolves to the LAN below
        "https://sync.example.com",
        f"https://{PUBLIC}",
    ],
)
def test_plain_http_is_allowed_only_on_this_pc_or_the_lan_and_https_anywhere(url: str) -> None:
    names = {"salon-server": ["192.168.1.20"]}
    assert not plain_http_refused(url, resolver(names))


@pytest.mark.parametrize(
    "url",
    [
        f"http://{PUBLIC}:8765",
        "http://8.8.8.8",
        "http://[2001:4860:4860::8888]",
        "http://sync.example.com",  # a public name
        "http://split.example.com",  # one private and one public address: not only the LAN
        "http://0.0.0.0:8765",
        "http://",
    ],
)
def test_plain_http_beyond_the_lan_is_refused(url: str) -> None:
    names = {"sync.example.com": [PUBLIC], "split.example.com": ["192.168.1.2", PUBLIC]}
    assert plain_http_refused(url, resolver(names))


class Recording(requests.adapters.BaseAdapter):
    """A transport that records what would have left the PC, and sends nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[requests.PreparedRequest] = []

    def send(self, request: requests.PreparedRequest, *args: object, **kwargs: object) -> None:  # type: ignore[override]
        self.sent.append(request)
        raise requests.ConnectionError("recorded, not sent")

    def close(self) -> None:
        pass


def test_the_client_sends_nothing_over_plain_http_to_a_public_address() -> None:
    recording = Recording()
    http = requests.Session()
    http.mount("http://", recording)
    client = SyncClient(f"http://{PUBLIC}:8765", "secret-token", session=http)
    with pytest.raises(InsecureServer):
        client.changes("store", after=0)
    with pytest.raises(InsecureServer):
        SyncClient.enroll(
            f"http://{PUBLIC}",
            EnrollRequest(
                code="ABCD2345", device_id="d", counter="A1", hostname="h", token="t" * 43
            ),
        )
    assert recording.sent == []


def test_a_sync_round_to_a_public_http_server_says_why_in_the_status(
    backend: Backend, memory_keyring: MemoryKeyring
) -> None:
    with backend.db.write() as session:  # enrolled once, then pointed at a public address
        state = sync_state(session)
        state.server_url, state.store_id, state.store_name = f"http://{PUBLIC}:8765", "s", "总店"
    DeviceTokens().save(backend.settings.current.device_id, "token")
    report = sync_round(backend, Paths(backend.db.path.parent), timeout=1)
    assert report.error is not None and "https" in report.error
    assert report.error == PlainHttpRefused(url=f"http://{PUBLIC}:8765").message("zh_CN")


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, made with the openssl command."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed: cannot make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def test_a_counter_enrolls_and_syncs_over_https(
    tmp_path: Path,
    clock: FakeClock,
    migrated_template: Path,
    certificate: tuple[Path, Path],
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cert, key = certificate
    url = f"sqlite:///{tmp_path / 'server.db'}"
    server = LiveServer(
        url, tmp_path / "server.log", "--certfile", str(cert), "--keyfile", str(key), ca_file=cert
    ).start()
    try:
        with pytest.raises(requests.exceptions.SSLError):  # not trusted without the CA file
            requests.get(f"{server.url}/health", timeout=5)
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))  # how a counter trusts a private CA
        engine = create_server_engine(url)
        admin.create_owner(engine, "owner@example.com", "correct horse battery")
        store = admin.create_store(engine, "owner@example.com", "丽人美容总店")
        counter = open_counter(tmp_path / "a1", migrated_template, clock, "A1")
        try:
            enroll(counter, server.url, admin.create_enrollment_code(engine, store))
            team, shelf = seed_store(counter)
            counter.checkout.complete_sale(three_line_sale(team, shelf))
            report = sync_round(counter, Paths(counter.db.path.parent), timeout=10)
            assert report.error is None and report.pushed >= 1 and report.pending == 0
        finally:
            counter.close()
            engine.dispose()
    finally:
        server.stop()


def test_serve_refuses_a_key_without_its_certificate_or_a_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sync.server.cli import main

    data = ["--data", str(tmp_path / "server")]
    assert main(["serve", *data, "--keyfile", str(tmp_path / "key.pem")]) == 2
    assert "--keyfile needs --certfile" in capsys.readouterr().err
    assert main(["serve", *data, "--certfile", str(tmp_path / "missing.pem")]) == 2
    assert "missing.pem" in capsys.readouterr().err
