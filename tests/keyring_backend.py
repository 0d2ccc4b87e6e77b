"""Test-only keyring backends.

- MemoryKeyring: for tests in this process, installed with `keyring.set_keyring(MemoryKeyring())`.
- FileKeyring: for subprocesses (a counter killed with SIGKILL, the CLI): select it with
  `PYTHON_KEYRING_BACKEND=tests.keyring_backend.FileKeyring` and point `SALON_POS_TEST_KEYRING`
  at a JSON file. Never for production: it keeps secrets in plain text.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

ENV_FILE = "SALON_POS_TEST_KEYRING"


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class FileKeyring(KeyringBackend):
    priority = 1

    @property
    def path(self) -> Path:
        return Path(os.environ[ENV_FILE])

    def _all(self) -> dict[str, str]:
        return json.loads(self.path.read_text()) if self.path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._all().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        secrets = self._all() | {f"{service}/{username}": password}
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(secrets))
        temporary.replace(self.path)

    def delete_password(self, service: str, username: str) -> None:
        secrets = self._all()
        if secrets.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError(username)
        self.path.write_text(json.dumps(secrets))
