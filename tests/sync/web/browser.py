"""Headless Chromium for the console's browser tests: Debian's /usr/bin/chromium driven by
Playwright (no `playwright install`, which downloads a browser build), and a real server in a
child process on 127.0.0.1 (tests/sync/live_server.py)."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
WHY_NOT = f"browser tests need Debian's chromium at {CHROMIUM} (installers/debian-deps.sh)"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def chromium_missing() -> bool:
    return not CHROMIUM.exists()
