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
