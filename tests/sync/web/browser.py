"""Headless Chromium for the console's browser tests: Debian's /usr/bin/chromium driven by
Playwright (no `playwright install`, which downloads a browser build), and a real server in a
child process on 127.0.0.1 (tests/sync/live_server.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
WHY_NOT = f"browser tests need Debian's chromium at {CHROMIUM} (installers/debian-deps.sh)"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def chromium_missing() -> bool:
    return not CHROMIUM.exists()


def sign_in(page: Any, email: str, password: str) -> None:
    page.goto("/console/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


def new_store(page: Any, name: str) -> str:
    """A store made through the stores page; answers its id (off the page's address)."""
    page.goto("/console/stores")
    page.fill("input[name=name]", name)
    page.click("form[action='/console/stores'] button")
    page.wait_for_url(re.compile(r"/console/stores/[0-9a-f-]{36}$"))
    return str(page.url.rsplit("/", 1)[1])
