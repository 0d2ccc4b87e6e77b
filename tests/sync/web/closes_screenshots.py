"""The close and commission pages for docs/screenshots (tests/sync/web/screenshots.py): a
second store's last six days sold and closed at its counter A1, today still open, and B1's sale
of yesterday pushed after the close (an amended day)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import requests
from playwright.sync_api import Page

from salon_pos.domain.business_day import business_day
from salon_pos.domain.day_close import figures_json
from sync.protocol import API
from sync.server import admin, master_data
from sync.server.config import utc_now
from sync.server.day_figures import server_day_figures
from sync.server.db import create_server_engine
from tests.sync.live_server import LiveServer
from tests.sync.server import builders
from tests.sync.web import closes_scenario
from tests.sync.web.closes_scenario import Op, People


def push_closes(server: LiveServer, store_id: str) -> tuple[People, date]:
    """Answers the people and the amended day."""
    engine = create_server_engine(server.database_url)
    master_data.edit_store_settings(engine, store_id, {"commission_rules": closes_scenario.RULES})
    tokens, seqs = {}, {}
    for counter in ("A1", "B1"):
        code = admin.create_enrollment_code(engine, store_id)
        body = {"code": code, "device_id": f"dev-W{counter}", "counter": counter,
                "hostname": f"万达店-{counter}"}  # fmt: skip
        answer = requests.post(f"{server.url}{API}/enroll", json=body, timeout=10)
        tokens[counter], seqs[counter] = answer.json()["token"], 0

    def push(counter: str, ops: list[Op]) -> None:
        batch = []
        for kind, payload in ops:
            seqs[counter] += 1
            batch.append(builders.operation(f"dev-W{counter}", seqs[counter], kind, payload))
        url = f"{server.url}{API}/stores/{store_id}/devices/dev-W{counter}/operations"
        headers = {"Authorization": f"Bearer {tokens[counter]}"}
        answer = requests.post(url, json={"operations": batch}, headers=headers, timeout=30)
        answer.raise_for_status()

    def figures(day: date) -> dict[str, Any]:
        with engine.connect() as connection:
            return figures_json(server_day_figures(connection, store_id, day))

    today = business_day(utc_now(), "Asia/Shanghai", 4)
    days = [today - timedelta(days=n) for n in range(6, 0, -1)]
    people, _, _ = closes_scenario.closed_days(push, figures, days, today, seed=5)
    engine.dispose()
    return people, days[-1]


def shoot_closes(
    page: Page, folder: Path, store: str, made: tuple[People, date], size: str
) -> None:
    people, amended = made
    month = amended.strftime("%Y-%m")

    def shoot(name: str) -> None:
        page.screenshot(path=str(folder / f"web_{name}_{size}.png"), full_page=True)

    page.goto(f"/console/stores/{store}/closes?month={month}")
    shoot("closes")
    page.goto(f"/console/stores/{store}/closes/{amended.isoformat()}")
    shoot("close_day")
    page.goto(f"/console/stores/{store}/commission?month={month}")
    shoot("commission")
    page.goto(f"/console/stores/{store}/commission/{people.techs[0]['id']}?month={month}")
    shoot("commission_technician")
