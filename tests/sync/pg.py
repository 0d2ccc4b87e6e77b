"""A PostgreSQL for the sync tests: the one on 127.0.0.1:5432 when it answers (CI), else a
throwaway cluster started with initdb/pg_ctl when those are installed, else none (the
PostgreSQL variants are skipped, with the reason in the test summary)."""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

HOST = "127.0.0.1"
DEFAULT_PORT = int(os.environ.get("SALON_TEST_PG_PORT", "5432"))
USER = os.environ.get("SALON_TEST_PG_USER", "postgres")

_port: int | None = None
_why_not = ""


def _answers(port: int) -> bool:
    try:
        with psycopg.connect(host=HOST, port=port, user=USER, dbname="postgres", connect_timeout=3):
            return True
    except psycopg.Error:
        return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _throwaway_cluster() -> int | None:
    global _why_not
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if not (initdb and pg_ctl):
        _why_not = (
            f"no PostgreSQL on {HOST}:{DEFAULT_PORT} and no initdb/pg_ctl to start one "
            "(apt install postgresql)"
        )
        return None
    folder = Path(tempfile.mkdtemp(prefix="salon-pg-"))
    port = _free_port()
    try:
        _start_cluster(initdb, pg_ctl, folder, port)
    except subprocess.CalledProcessError as e:
        shutil.rmtree(folder, ignore_errors=True)
        detail = (e.stderr or b"").decode(errors="replace").strip().splitlines()
        _why_not = (
            f"no PostgreSQL on {HOST}:{DEFAULT_PORT}, and starting a throwaway one failed: "
            + (detail[-1] if detail else str(e))
        )
        return None

    def stop() -> None:
        stop_cluster = [pg_ctl, "-D", str(folder / "data"), "-m", "fast", "stop"]
        subprocess.run([*_as_unprivileged(folder), *stop_cluster], check=False)
        shutil.rmtree(folder, ignore_errors=True)

    atexit.register(stop)
    return port


def _as_unprivileged(folder: Path) -> list[str]:
    """initdb refuses to run as root: run the cluster as `nobody` then."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        return []
    shutil.chown(folder, user="nobody")
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


def _start_cluster(initdb: str, pg_ctl: str, folder: Path, port: int) -> None:
    run_as = _as_unprivileged(folder)
    subprocess.run(
        [*run_as, initdb, "-D", str(folder / "data"), "-U", USER, "--auth=trust", "-E", "UTF8"],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *run_as, pg_ctl, "-D", str(folder / "data"), "-l", str(folder / "log"), "-w", "start",
            "-o", f"-h {HOST} -p {port} -k {folder}",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip


def server_port() -> int | None:
    """The port of a PostgreSQL to test against, or None (see `why_not()`)."""
    global _port
    if _port is None and not _why_not:
        _port = DEFAULT_PORT if _answers(DEFAULT_PORT) else _throwaway_cluster()
    return _port


def why_not() -> str:
    return _why_not


@contextmanager
def throwaway_database(template: str | None = None) -> Iterator[str]:
    """A new database, empty or a copy of `template` (a database nobody is connected to);
    yields its SQLAlchemy URL and drops it afterwards."""
    port = server_port()
    assert port is not None, why_not()
    name = f"salon_sync_{uuid.uuid4().hex[:12]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    with psycopg.connect(host=HOST, port=port, user=USER, dbname="postgres", autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"{copy}')
    try:
        yield f"postgresql+psycopg://{USER}@{HOST}:{port}/{name}"
    finally:
        with psycopg.connect(
            host=HOST, port=port, user=USER, dbname="postgres", autocommit=True
        ) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
