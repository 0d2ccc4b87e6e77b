"""Every POST of the console, found by walking the app's routes (a route added later is tried
too), with real ids of the owner's own store, item, staff member, counter, manager account and
conflict: without the CSRF token, or with another's, it is refused with a 403 and nothing in
the database changes. The public booking page's POST, with no session, needs the token its
page set as a cookie (a double submit, as the sign-in form)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import inspect, text
from starlette.routing import Route

from sync.operations.customers import CUSTOMER_CREATED
from sync.server import master_data, master_staff
from sync.server.online_booking import booking_key
from sync.server.web import AREAS, PUBLIC
from tests.sync.server import builders
from tests.sync.server.conftest import Server
from tests.sync.web.conftest import Browser, browser_of

PARAM = re.compile(r"{(\w+)}")


def snapshot(server: Server) -> dict[str, int]:
    """Rows of every table, and every store's last change number."""
    with server.engine.connect() as connection:
        tables = inspect(connection).get_table_names()
        counts = {
            t: connection.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one() for t in tables
        }
        seqs = connection.execute(text("SELECT id, change_seq FROM store")).all()
    return counts | {f"seq {row.id}": row.change_seq for row in seqs}


@pytest.fixture
def ids(server: Server, owner: Browser, manager: Browser) -> dict[str, str]:
    device = server.enroll()
    twins = [builders.customer(), builders.customer()]  # one phone: a duplicate_customer conflict
    twins[1]["phone"] = twins[0]["phone"]
    answer = server.push(device, [device.op(CUSTOMER_CREATED, c) for c in twins])
    values = {"kind": "service", "category": "面部护理", "name": "补水", "price": 19800,
              "duration_min": 60}  # fmt: skip
    with server.engine.connect() as connection:
        manager_id = connection.execute(text("SELECT id FROM store_manager")).scalar_one()
    return {
        "store_id": server.store_id,
        "device_id": device.id,
        "item_id": master_data.create_catalog_item(server.engine, server.store_id, values),
        "staff_id": master_staff.add_staff(
            server.engine, server.store_id, {"name": "李娜", "role": "technician"}
        ),
        "conflict_id": answer["results"][1]["conflict_ids"][0],
        "manager_id": manager_id,
    }


def console_posts() -> list[str]:
    return sorted(
        route.path
        for area in AREAS
        for route in area.router.routes
        if isinstance(route, Route) and "POST" in (route.methods or ())
        and route.path != "/console/login"  # before any session: its own double-submit check
    )  # fmt: skip


def test_every_console_post_needs_the_sessions_csrf_token(
    server: Server, owner: Browser, rival: Browser, ids: dict[str, str]
) -> None:
    paths = console_posts()
    assert len(paths) >= 15, paths  # the walk found the console's forms
    someone_elses = rival.token("/console/stores")
    before = snapshot(server)
    for path in paths:
        url = PARAM.sub(lambda m: ids[m.group(1)], path)
        for token in ({}, {"csrf_token": someone_elses}):
            answer = owner.client.post(url, data=token, follow_redirects=False)
            assert answer.status_code == 403, (path, token, answer.status_code)
    assert snapshot(server) == before


def public_posts() -> list[str]:
    return sorted(
        route.path
        for area in PUBLIC
        for route in area.router.routes
        if isinstance(route, Route) and "POST" in (route.methods or ())
    )  # fmt: skip


def test_every_public_post_needs_the_token_its_page_set(server: Server) -> None:
    """The booking page has no session: its form repeats the token the page set as a cookie.
    Without the cookie, or with a token that is not the cookie's, nothing is written."""
    paths = public_posts()
    assert paths == ["/book/{key}"], paths
    ids = {"key": booking_key(server.store_id)}
    visitor = browser_of(server)
    assert visitor.client.get(f"/book/{ids['key']}").status_code == 200  # the cookie is set
    stranger = browser_of(server)
    before = snapshot(server)
    for path in paths:
        url = PARAM.sub(lambda m: ids[m.group(1)], path)
        for client, token in ((stranger, "x"), (visitor, ""), (visitor, "not the cookie's")):
            answer = client.client.post(url, data={"csrf_token": token}, follow_redirects=False)
            assert answer.status_code == 403, (path, token, answer.status_code)
    assert snapshot(server) == before
