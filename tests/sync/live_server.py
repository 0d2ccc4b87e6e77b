"""A real `salon-sync-server` in a child process on 127.0.0.1, which tests stop, kill and start
again on the same port and database."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


class LiveServer:
    def __init__(
        self,
        database_url: str,
        log_path: Path,
        *extra: str,
        ca_file: Path | None = None,
        reminders: bool = False,
    ) -> None:
        """`ca_file`: serve https (extra holds --certfile/--keyfile) trusted through this file.
        `reminders`: run the server's reminder loop, as `serve` does by default; off unless a
        test asks (`--no-reminders`): tests of reminders run its rounds with their own clock
        (tests/sync/server/test_reminders.py), and the loop's start-up round and imports cost
        about 0.35 s a start and stop of the server here."""
        self.database_url = database_url
        self.port = free_port()
        self.url = f"{'https' if ca_file else 'http'}://{HOST}:{self.port}"
        self.verify: str | bool = str(ca_file) if ca_file else True
        self.log_path = log_path
        self.extra = extra if reminders else (*extra, "--no-reminders")
        self._process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 30.0) -> LiveServer:
        assert self._process is None, "already running"
        log = self.log_path.open("ab")
        self._process = subprocess.Popen(
            [
                sys.executable, "-m", "sync.server.cli", "serve",
                "--database-url", self.database_url,
                "--host", HOST, "--port", str(self.port),
                "--key-dir", str(self.log_path.parent / "store-keys"), *self.extra,
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=os.environ | {"PYTHONUNBUFFERED": "1"},
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"server exited early: {self.log_path.read_text()[-3000:]}")
            try:
                if (
                    requests.get(f"{self.url}/health", timeout=1, verify=self.verify).status_code
                    == 200
                ):
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.05)
        self.kill()
        raise RuntimeError(f"server did not answer in {timeout} s: {self.log_path.read_text()}")

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def stop(self) -> None:
        """SIGTERM and wait: the way an operator stops it."""
        if self._process is not None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None

    def kill(self) -> None:
        """SIGKILL: a crash, in the middle of whatever it was doing."""
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None
