"""A person's mistake or a bug (qutebrowser keeps them apart). A `UserError` is shown in the
person's language. Anything else is a bug: it is logged once, with its traceback, here
(`report_bug`), and the person is told that something went wrong and where the log is — never
`str(error)`, which is for developers (English, internals, sometimes a customer's data).

Every screen goes through `UiContext.message()`, which calls `error_message()`. An exception
that escapes a slot reaches `sys.excepthook`, and Qt's own warnings the Qt message handler: the
app installs both (`install_bug_hooks`) so neither is lost."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler

from salon_pos.domain.errors import UserError
from salon_pos.logs import report_bug as report_bug  # one place logs bugs, for the CLI and the app

qt_log = logging.getLogger("salon_pos.qt")


def log_file() -> Path | None:
    """The app's log file in use (logs.configure_logging), if there is one."""
    for handler in logging.getLogger().handlers:
        if getattr(handler, "salon_pos", False) and isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    return None


def bug_message(data_folder_log: Path) -> str:
    """What a person is told about a bug, in the language of the installed translation."""
    text = QCoreApplication.translate(
        "BugReport",
        "Something went wrong in the app (not something you did). "
        "The details are in the log: {path}",
    )
    return text.format(path=log_file() or data_folder_log)


def error_message(error: BaseException, language: str, data_folder_log: Path) -> str:
    """A UserError's own words; for a bug, logged here, a short note with where the log is."""
    if isinstance(error, UserError):
        return error.message(language)
    report_bug(error)
    return bug_message(data_folder_log)


def install_bug_hooks(tell: Callable[[BaseException], None]) -> Callable[[], None]:
    """For the running app: an exception that escapes a slot is logged with its traceback, then
    `tell` shows the person what it means; Qt's warnings go to the log instead of stderr.
    Returns what puts the previous hooks back."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        if not isinstance(error, UserError):
            report_bug(error.with_traceback(error.__traceback__ or tb), "a slot")
        tell(error)

    previous_hook, sys.excepthook = sys.excepthook, hook
    previous_handler = qInstallMessageHandler(_log_qt_message)

    def uninstall() -> None:
        sys.excepthook = previous_hook
        qInstallMessageHandler(previous_handler)

    return uninstall


def _log_qt_message(kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    qt_log.log(level, "%s (%s:%s)", text, context.file or "?", context.line)
