"""Background work for the UI, results back on the main thread (Anki's TaskManager is the model).

One single-worker executor runs every database write in order; a small pool runs printing and
other slow I/O. Callbacks run on the Qt main thread through a queued signal, never on a worker.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from salon_pos.domain.errors import UserError
from salon_pos.ui.errors import report_bug

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


class TaskRunner(QObject):
    _finished = Signal(object, object, object)  # callback, value, error callback

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = ThreadPoolExecutor(1, thread_name_prefix="db")
        self._devices = ThreadPoolExecutor(4, thread_name_prefix="io")
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._pending: set[Future[Any]] = set()
        self._closed = False

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: Callback | None = None,
        *,
        device: bool = False,
    ) -> Future[Any]:
        """Run `work` off the UI thread (on the database worker, or the device pool when
        `device`); then on_done(result) or on_error(exception) on the UI thread. Give bound
        methods (or partials of them) as callbacks: if their widget has been deleted by then,
        they are not called."""
        if self._closed:  # the app is closing: nothing new starts
            future: Future[Any] = Future()
            future.cancel()
            return future
        pool = self._devices if device else self._database
        future = pool.submit(work)
        self._pending.add(future)
        future.add_done_callback(lambda f: self._report(f, on_done, on_error))
        return future

    def _report(
        self, future: Future[Any], on_done: Callback | None, on_error: Callback | None
    ) -> None:
        # Post the result first, then stop counting the task: whoever sees `running` drop to
        # zero (Shell.settle) finds the result already queued on the main thread.
        try:
            error = future.exception()
            if error is None:
                self._finished.emit(on_done, future.result(), None)
            else:
                self._finished.emit(on_error, error, error)
        finally:
            self._pending.discard(future)

    def _deliver(self, callback: Callback | None, value: Any, error: BaseException | None) -> None:
        bound = getattr(callback, "func", callback)  # a functools.partial over a method
        receiver = getattr(bound, "__self__", None)
        if isinstance(receiver, QObject) and not shiboken6.isValid(receiver):
            return  # the screen that asked has been closed since
        if isinstance(error, UserError) and callback is None:
            log.warning("background task refused: %s", error)
        elif error is not None and callback is None:  # nobody to tell: the log is told
            report_bug(error, "a background task")
        elif callback is not None:
            callback(value)

    @property
    def running(self) -> int:
        return len(self._pending)

    def wait_a_little(self, seconds: float = 0.05) -> None:
        """Block until some task finishes, at most `seconds` (screenshots and tests, not the UI).
        A task that is done may not have posted its result yet (its done-callback runs on the
        worker after the future is marked done): then give the worker a moment, not a spin."""
        pending = list(self._pending)
        if pending and all(future.done() for future in pending):
            time.sleep(0.001)
            return
        wait(pending, timeout=seconds, return_when=FIRST_COMPLETED)

    def shutdown(self) -> None:
        self._closed = True
        self._database.shutdown(wait=True)
        self._devices.shutdown(wait=True)
