"""Each server module imports on its own, in a fresh interpreter, as the server's command does
(`python -m sync.server.cli`): an import cycle that a test process hides (its modules already
loaded in another order) stops the live server before it starts."""

from __future__ import annotations

import subprocess
import sys

import pytest

ENTRY_POINTS = (
    "sync.server.cli",
    "sync.server.master_data",
    "sync.server.handlers",
    "sync.server.app",
)


@pytest.mark.parametrize("module", ENTRY_POINTS)
def test_the_module_imports_first_in_a_fresh_interpreter(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", f"import {module}"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
