"""docs/screenshots/web_<page>_<desktop|phone>.png: the console's sign-in, stores and counters
pages (with a new enrollment code), from a real server with made-up stores and counters.

    .venv/bin/python -m tests.sync.web.screenshots [folder]   (make web-screenshots)
"""

from __future__ import annotations

import sys
import tempfile
from datetime import timedelta
from pathlib import Path

import requests
from playwright.sync_api import Page, sync_playwright

from sync.protocol import API
from sync.server import admin
from sync.server.config import utc_now
from sync.server.db import create_server_engine
from tests.sync.live_server import LiveServer
from tests.sync.web.browser import CHROMIUM, DESKTOP, PHONE

OWNER, PASSWORD = "laoban@liren.example", "correct horse"


def _counters(server: LiveServer, store_id: str) -> None:
    """A1 with an empty queue, A2 with three operations waiting, B1 an older app (no report)."""
    engine = create_server_engine(server.database_url)
    waiting = (utc_now() - timedelta(minutes=25)).isoformat()
    try:
        for counter, host, report in (
            ("A1", "前台-收银1", {"version": "0.1.0", "queued": "0"}),
            ("A2", "前台-收银2", {"version": "0.1.0", "queued": "3", "oldest_queued_at": waiting}),
            ("B1", "美甲区平板", None),
        ):
            code = admin.create_enrollment_code(engine, store_id)
            body = {"code": code, "device_id": f"dev-{counter}", "counter": counter,
                    "hostname": host}  # fmt: skip
            token = requests.post(f"{server.url}{API}/enroll", json=body, timeout=10).json()
            url = f"{server.url}{API}/stores/{store_id}/devices/dev-{counter}"
            headers = {"Authorization": f"Bearer {token['token']}"}
            requests.get(url, params=report, headers=headers, timeout=10)
    finally:
        engine.dispose()


def _shoot(page: Page, folder: Path, name: str, size: str, whole: bool = False) -> None:
    page.screenshot(path=str(folder / f"web_{name}_{size}.png"), full_page=whole)


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        server = LiveServer(f"sqlite:///{data}/server.db", Path(data) / "server.log").start()
        try:
            engine = create_server_engine(server.database_url)
            admin.create_owner(engine, OWNER, PASSWORD)
            store = admin.create_store(engine, OWNER, "丽人美业·总店")
            admin.create_store(engine, OWNER, "丽人美业·万达店")
            engine.dispose()
            _counters(server, store)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM))
                for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                    page = browser.new_page(viewport=viewport, base_url=server.url)  # type: ignore[arg-type]
                    page.goto("/console/login")
                    page.fill("input[name=email]", OWNER)
                    _shoot(page, folder, "login", size)
                    page.fill("input[name=password]", PASSWORD)
                    page.click("button[type=submit]")
                    page.wait_for_url("**/console/stores")
                    _shoot(page, folder, "stores", size)
                    page.goto(f"/console/stores/{store}")
                    page.click("form[action$='/codes'] button")
                    page.get_by_test_id("enrollment-code").wait_for()
                    _shoot(page, folder, "counters", size, whole=True)  # every counter
                    page.close()
                browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))
