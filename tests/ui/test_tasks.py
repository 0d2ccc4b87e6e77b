"""The task runner: work off the UI thread, results back on it, database writes in order."""

import threading

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from salon_pos.ui.tasks import TaskRunner


def test_results_and_errors_come_back_on_the_ui_thread(qtbot: QtBot, qapp: QApplication) -> None:
    runner = TaskRunner()
    ui_thread = threading.current_thread()
    seen: list[tuple[str, object, bool]] = []

    def note(kind: str):  # type: ignore[no-untyped-def]
        return lambda value: seen.append((kind, value, threading.current_thread() is ui_thread))

    worker_threads: list[threading.Thread] = []
    runner.run(lambda: worker_threads.append(threading.current_thread()) or 42, note("done"))
    runner.run(lambda: 1 / 0, note("done"), note("error"))
    runner.run(lambda: "printed", note("done"), device=True)
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert ("done", 42, True) in seen and ("done", "printed", True) in seen
    error = next(value for kind, value, _ in seen if kind == "error")
    assert isinstance(error, ZeroDivisionError)
    assert all(on_ui for _, _, on_ui in seen) and worker_threads[0] is not ui_thread
    assert runner.running == 0
    runner.shutdown()


def test_database_work_runs_one_at_a_time_in_order(qtbot: QtBot, qapp: QApplication) -> None:
    runner = TaskRunner()
    order: list[int] = []
    for n in range(20):
        runner.run(lambda n=n: order.append(n))
    qtbot.waitUntil(lambda: runner.running == 0)
    assert order == list(range(20))
    runner.shutdown()
