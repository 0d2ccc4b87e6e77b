"""Producing the next items on another thread while the caller works on the current one.

An import reads and prepares batch N+1 (CSV parsing, checks, pinyin keys: pure Python) while
batch N is written; SQLite lets go of the GIL while it works, so on two cores the two overlap.
At most `depth` items wait, so memory stays bounded however long the input is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from queue import Full, Queue
from threading import Event, Thread
from typing import TypeVar

T = TypeVar("T")
_END = object()
_POLL_S = 0.05  # how soon a producer waiting for room notices that the consumer has left


@contextmanager
def read_ahead(items: Iterable[T], depth: int = 2) -> Iterator[Iterator[T]]:
    """`items`, produced on a worker thread up to `depth` ahead; an exception raised while
    producing is raised to the consumer at that point. Leaving the block stops the worker."""
    queue: Queue[tuple[object, BaseException | None]] = Queue(depth)
    gone = Event()

    def put(entry: tuple[object, BaseException | None]) -> bool:
        while not gone.is_set():
            try:
                queue.put(entry, timeout=_POLL_S)
                return True
            except Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put((item, None)):
                    return
            put((_END, None))
        except BaseException as error:  # handed to the consumer, raised there
            put((_END, error))

    def consume() -> Iterator[T]:
        while True:
            item, error = queue.get()
            if error is not None:
                raise error
            if item is _END:
                return
            yield item  # type: ignore[misc]

    worker = Thread(target=produce, name="read-ahead", daemon=True)
    worker.start()
    try:
        yield consume()
    finally:
        gone.set()  # a producer waiting for room gives up within _POLL_S
        worker.join()
