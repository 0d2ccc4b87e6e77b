import logging
import sys
import threading
from pathlib import Path

import pytest

from salon_pos.logs import configure_logging
from salon_pos.paths import Paths


def test_uncaught_errors_go_to_the_log_file_with_their_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    handler = configure_logging(Paths(tmp_path))
    try:
        try:
            raise ValueError("a slot went wrong")
        except ValueError:
            sys.excepthook(*sys.exc_info())  # what PySide does with an error in a slot
        worker = threading.Thread(target=lambda: 1 / 0, name="db_0")
        worker.start()
        worker.join()
        handler.flush()
        text = (tmp_path / "logs" / "salon-pos.log").read_text(encoding="utf-8")
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    assert "ValueError: a slot went wrong" in text and "Traceback" in text
    assert "ZeroDivisionError" in text and "db_0" in text


def test_a_bug_is_logged_once_with_its_traceback_however_many_hear_of_it(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from salon_pos.logs import report_bug

    try:
        raise KeyError("the price of 头疗")
    except KeyError as error:
        report_bug(error, "salon-pos import")
        report_bug(error, "the app")
    records = [r for r in caplog.records if r.name == "salon_pos.bugs"]
    assert len(records) == 1 and records[0].exc_info is not None
    assert "bug in salon-pos import" in records[0].getMessage()
