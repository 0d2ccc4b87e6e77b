"""Who is working on a data folder: the app and every `salon-pos` command hold a lock file of
their own there (`in-use-<pid>-<n>.lock`) for as long as they run; a restore, which swaps the
database file, goes ahead only when it can take every one of them (their holders are gone) and
holds `restore.lock` meanwhile, so nothing starts on the folder while it works.

The operating system drops a lock when its process ends, however it ends: a lock file left by
a crash is free, and removed by the next restore. Standard library only (fcntl / msvcrt): the
app takes its lock before its first paint (filelock's import costs about 10 ms there)."""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from salon_pos.domain.errors import UserError

GATE = "restore.lock"
IN_USE_GLOB = "in-use-*.lock"
GATE_WAIT_SECONDS = 2.0  # two processes starting at once each hold the gate a moment
_numbers = itertools.count(1)


class FolderInUse(UserError):
    en = (
        "Salon POS is running on the data folder {folder} (the app, or another salon-pos "
        "command). Close it on this PC first, then restore again; nothing was changed."
    )
    zh = (
        "数据目录 {folder} 正在被收银程序（或另一个 salon-pos 命令）使用。"
        "请先在本机关闭它，再重新恢复；本次没有做任何更改。"
    )


class RestoreUnderWay(UserError):
    en = (
        "A backup is being restored into the data folder {folder}. Wait until it is done, "
        "then start again."
    )
    zh = "正在向数据目录 {folder} 恢复备份，请等恢复完成后再启动。"


if sys.platform == "win32":  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)


@contextmanager
def _locked(path: Path, wait: float = 0.0) -> Iterator[bool]:
    """Whether the lock on `path` was taken (within `wait` seconds); held inside the block."""
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait
    try:
        taken = _try_lock(descriptor)
        while not taken and time.monotonic() < deadline:
            time.sleep(0.02)
            taken = _try_lock(descriptor)
        try:
            yield taken
        finally:
            if taken:
                _unlock(descriptor)
    finally:
        os.close(descriptor)


@contextmanager
def in_use(home: Path) -> Iterator[None]:
    """Held by the app and each command while they work on the folder `home`."""
    mine = home / f"in-use-{os.getpid()}-{next(_numbers)}.lock"
    with ExitStack() as holding:
        with _locked(home / GATE, GATE_WAIT_SECONDS) as open_to_us:
            if not open_to_us:
                raise RestoreUnderWay(folder=home)
            holding.callback(mine.unlink, missing_ok=True)  # once closed (Windows wants it)
            holding.enter_context(_locked(mine))  # a fresh name: nobody else holds it
        yield


@contextmanager
def alone(home: Path) -> Iterator[None]:
    """Held by a restore: nobody else works on `home` until it is done (FolderInUse if
    somebody does now)."""
    with _locked(home / GATE) as gate:
        if not gate:
            raise FolderInUse(folder=home)
        for lock in sorted(home.glob(IN_USE_GLOB)):
            with _locked(lock) as free:
                if not free:
                    raise FolderInUse(folder=home)
            lock.unlink(missing_ok=True)  # its holder ended without removing it
        yield
