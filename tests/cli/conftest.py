"""The command-line tests: Chinese unless a test asks otherwise, and the root logger given back
after each (main() points it at the data folder's log)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from salon_pos.cli import main


@pytest.fixture(autouse=True)
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SALON_POS_LANG", raising=False)


@pytest.fixture(autouse=True)
def own_log_handlers() -> Iterator[None]:
    before = list(logging.getLogger().handlers)
    yield
    for handler in logging.getLogger().handlers:
        if handler not in before:
            logging.getLogger().removeHandler(handler)
            handler.close()


def run(home: Path, *args: str) -> int:
    return main(["--home", str(home), *args])
