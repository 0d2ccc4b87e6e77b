"""A counter that does nothing but sync, so that a test can kill it with SIGKILL in the middle of
a push (tests/sync/test_faults.py). It reads its device token from the FileKeyring named by the
environment (PYTHON_KEYRING_BACKEND=tests.keyring_backend.FileKeyring, SALON_POS_TEST_KEYRING=
<file>), as a real counter reads the system keyring.

Two ways to run it:
- `python -m tests.sync.fault_child HOME [ROUNDS]`, with that environment;
- `sync_until_killed(home, environment, ready)` in a process forked by a multiprocessing
  forkserver that preloaded this module: the test kills fifty of them, and a fork costs
  milliseconds where a fresh interpreter importing the app costs about a second.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

import keyring

from salon_pos.jobs.sync import sync_round
from salon_pos.paths import Paths
from salon_pos.services.backend import open_backend
from tests.keyring_backend import FileKeyring

ROUNDS = 1000  # bounded: a child nobody kills still ends


class Ready(Protocol):
    def set(self) -> None: ...


def sync_until_killed(
    home: str, environment: Mapping[str, str], ready: Ready | None = None, rounds: int = ROUNDS
) -> None:
    os.environ.update(environment)
    chosen = keyring.get_keyring()  # selected by PYTHON_KEYRING_BACKEND, like any process
    if not isinstance(chosen, FileKeyring):
        raise RuntimeError(f"expected the test FileKeyring from the environment, got {chosen!r}")
    paths = Paths(Path(home))
    backend = open_backend(paths)
    try:
        if ready is not None:
            ready.set()  # the parent's random delay starts now
        for _ in range(rounds):
            sync_round(backend, paths, timeout=10)
    finally:
        backend.close()


def main(argv: list[str]) -> int:
    rounds = int(argv[1]) if len(argv) > 1 else ROUNDS
    sync_until_killed(argv[0], {}, None, rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
