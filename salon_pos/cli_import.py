"""`salon-pos import`: the import with its progress on stderr, stopped cleanly by Ctrl-C.

Progress is one line redrawn in place on a terminal (a line a second when stderr is a file or
a pipe). The first Ctrl-C asks the import to stop after the batch it is writing; the report
then says how many rows were saved and that running the same import again continues. A second
Ctrl-C stops at once (the batch being written is rolled back whole).
"""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from threading import Event, current_thread, main_thread
from types import FrameType
from typing import TextIO

from salon_pos.services.backend import Backend
from salon_pos.services.import_report import ImportProgress

STOPPED = 130  # the exit status of a command stopped by Ctrl-C
INTERRUPTED = {
    False: "Interrupted: the first {done} row(s) were dealt with and saved; the batch being "
    "written was undone. Import the same file again to continue.",
    True: "已中断：前 {done} 行已处理并保存，正在写入的那一批已撤销。再次导入同一文件即可继续。",
}


class ProgressLine:
    def __init__(self, out: TextIO, language: str) -> None:
        self._out, self._language = out, language
        self._live = out.isatty()
        self._every = 0.1 if self._live else 1.0
        self._last = 0.0
        self._shown = False
        self.last: ImportProgress | None = None  # as of the last batch saved

    def show(self, progress: ImportProgress) -> None:
        self.last = progress
        now = time.monotonic()
        if now - self._last < self._every and progress.done < progress.total:
            return
        self._last = now
        text = progress.describe(self._language)
        self._out.write(f"\r{text}\x1b[K" if self._live else f"{text}\n")
        self._out.flush()
        self._shown = True

    def finish(self) -> None:
        if self._live and self._shown:
            self._out.write("\n")
            self._out.flush()
        self._shown = False


@contextmanager
def stop_on_interrupt(stop: Event, out: TextIO, language: str) -> Iterator[None]:
    """Ctrl-C sets `stop` (once; the second one interrupts as usual)."""
    if current_thread() is not main_thread():  # signals reach the main thread only
        yield
        return

    def on_interrupt(_signal: int, _frame: FrameType | None) -> None:
        stop.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)
        if language.startswith("zh"):
            out.write("\n正在停止：写完当前这批后停止（再按一次 Ctrl-C 立即中断）…\n")
        else:
            out.write("\nStopping after the batch being written (Ctrl-C again to interrupt)…\n")
        out.flush()

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def run_import(backend: Backend, what: str, path: Path, language: str) -> int:
    from salon_pos.services.importing import import_catalog, import_customers

    importer = import_customers if what == "customers" else import_catalog
    stop, line = Event(), ProgressLine(sys.stderr, language)
    with stop_on_interrupt(stop, sys.stderr, language):
        try:
            report = importer(backend, path, progress=line.show, stop=stop)
        except KeyboardInterrupt:  # the second Ctrl-C: the batch being written is rolled back
            line.finish()
            done = line.last.done if line.last else 0
            print(INTERRUPTED[language.startswith("zh")].format(done=done), file=sys.stderr)
            return STOPPED
        finally:
            line.finish()
    print(report.describe(language))
    if report.stopped:
        return STOPPED
    return 0 if not report.bad_rows else 1
