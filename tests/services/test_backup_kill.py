"""The counter is killed in the middle of a backup (SIGKILL, 20 times, as a power cut would):
the live database stays intact with every row it committed, no half-written file ever counts
as a backup, and every backup that was completed restores and passes `integrity_check`."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from salon_pos.paths import Paths
from salon_pos.services.backend import Backend
from salon_pos.services.backups import BackupService
from tests.conftest import FakeClock

KILLS = 20
CHILD = Path(__file__).with_name("backup_child.py")


def run_and_kill(database: Path, folder: Path, start: int, rng: random.Random) -> list[str]:
    """Start the child, wait for its first backup, kill it at a random moment after; the
    lines it printed."""
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(database), str(folder), str(start)],
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ | {"PYTHONPATH": str(root)},
    )
    assert child.stdout is not None
    lines = []
    while not (line := child.stdout.readline()).startswith("backed-up"):  # blocks
        assert line, "the child ended before its first backup"
        lines.append(line.strip())
    lines.append(line.strip())
    time.sleep(rng.uniform(0, 0.12))  # the moment of the power cut: mostly mid-backup
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    return lines + child.stdout.read().split("\n")


def test_sigkill_during_backups_never_leaves_a_bad_backup_or_hurts_the_database(
    backend: Backend, clock: FakeClock, tmp_path: Path
) -> None:
    home = Paths(backend.db.path.parent)
    backend.close()
    with closing(sqlite3.connect(home.database)) as connection:  # a few MB: backups take time
        connection.execute("CREATE TABLE kill_probe (n INTEGER, data BLOB)")
        connection.execute("CREATE TABLE ballast (data BLOB)")
        connection.executemany("INSERT INTO ballast VALUES (randomblob(4000))", [()] * 500)
        connection.commit()
    rng = random.Random(20261207)
    committed = 0
    completed: set[str] = set()
    for kill in range(KILLS):
        printed = run_and_kill(home.database, home.backups, kill * 60, rng)
        committed += sum(1 for line in printed if line.startswith("row "))
        completed |= {line.split()[1] for line in printed if line.startswith("backed-up ")}
        with closing(sqlite3.connect(home.database)) as live:
            assert live.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert live.execute("SELECT count(*) FROM kill_probe").fetchone()[0] >= committed

    service = BackupService(home, clock)
    listed = {backup.path.name for backup in service.list()}
    assert completed <= listed  # each backup the child finished is there, under its name
    partials = [p for p in home.backups.iterdir() if ".partial" in p.name]  # and -journal
    assert len(listed) + len(partials) == len(list(home.backups.iterdir()))
    assert len(completed) >= KILLS and partials  # killed mid-backup, not only in between
    for name in sorted(listed):
        with closing(sqlite3.connect(f"{(home.backups / name).as_uri()}?mode=ro", uri=True)) as c:
            assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok", name
    an_hour_ago = time.time() - 3700
    for partial in partials:  # what the dead processes left is cleared by a later backup
        os.utime(partial, (an_hour_ago, an_hour_ago))
    service.back_up("manual")
    assert [p for p in home.backups.iterdir() if ".partial" in p.name] == []
    scratch = Paths(tmp_path / "scratch")
    kept = [backup.path for backup in service.list()]  # the newest 30 of them
    for path in kept[:: max(1, len(kept) // 5)]:  # a few, each put back
        assert BackupService(scratch, clock).restore(path).source == path
        with closing(sqlite3.connect(scratch.database)) as c:
            assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
