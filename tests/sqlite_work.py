"""How much work SQLite does for a call: virtual-machine steps counted by a progress handler on
every connection the engine hands out. A query that reads every row grows with the table; an
indexed one stays flat. Steps, not seconds: a busy machine does not change them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event

STEP = 10  # the handler runs every STEP virtual-machine instructions


@contextmanager
def counted_steps(engine: Engine) -> Iterator[list[int]]:
    """Yields a one-item list holding the steps counted so far (in units of STEP)."""
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0  # go on

    def on_execute(connection: Any, *_: Any) -> None:
        connection.connection.driver_connection.set_progress_handler(tick, STEP)

    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        yield steps
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)


def steps_of(engine: Engine, call: Callable[[], object]) -> int:
    with counted_steps(engine) as steps:
        call()
    return steps[0]
