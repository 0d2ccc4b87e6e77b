"""The app's log file: programming errors are written there with their traceback, and the app
keeps running (DESIGN.md). logs/salon-pos.log in the data folder, rotated at 2 MB, 5 kept."""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from logging.handlers import RotatingFileHandler
from types import TracebackType

from salon_pos.paths import Paths

log = logging.getLogger("salon_pos")


def _log_uncaught(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    log.critical("uncaught error", exc_info=(kind, error, tb))


def _log_uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    log.critical(
        "uncaught error in thread %s",
        args.thread.name if args.thread else "?",
        exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
    )


def configure_logging(paths: Paths, level: int = logging.INFO) -> RotatingFileHandler:
    """Log to the data folder's file; uncaught errors (a slot that raised, a worker that
    failed) go there with their traceback instead of ending the app."""
    paths.logs.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        paths.log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "salon_pos", False)]:
        root.removeHandler(old)  # one log file at a time, even if called again (tests, CLI)
        old.close()
    handler.salon_pos = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_uncaught_in_thread
    return handler


_LOGGED = "_salon_pos_logged"  # set on an exception once its traceback is in the log
bugs = logging.getLogger("salon_pos.bugs")


def report_bug(error: BaseException, where: str = "") -> None:
    """A bug, not the user's doing: its traceback goes to the log once, however many callers
    hear of it; the caller tells the user where the log is, never `str(error)`. Qt-free, for
    the command line and the app alike."""
    if getattr(error, _LOGGED, False):
        return
    exc_info = (type(error), error, error.__traceback__)
    bugs.error("bug%s: %r", f" in {where}" if where else "", error, exc_info=exc_info)
    with contextlib.suppress(AttributeError):  # a type without a __dict__: logged again
        setattr(error, _LOGGED, True)
