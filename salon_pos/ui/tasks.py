"""Background work for the UI, results back on the main thread (Anki's TaskManager is the model).

One single-worker executor runs every database write in order; a small pool runs printing and
other slow I/O. Callbacks run on the Qt main thread through a queued signal, never on a worker.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
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
        self._settled = threading.Condition()  # notified as each task leaves `_pending`
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
        with self._settled:
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
            with self._settled:
                self._pending.discard(future)
                self._settled.notify_all()

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
        """Block until some task has finished and posted its result, at most `seconds`
        (screenshots and tests, not the UI). Not until its future is done: the worker posts the
        result just after, and a caller that went on at once could spin through its rounds
        before the worker got the CPU back (seen on 2 busy cores)."""
        with self._settled:
            left = len(self._pending)
            self._settled.wait_for(lambda: len(self._pending) < left, timeout=seconds)

    def shutdown(self) -> None:
        self._closed = True
        self._database.shutdown(wait=True)
        self._devices.shutdown(wait=True)
