"""Enrollment is idempotent for the counter that asks (issue 8, section 6): when the answer to
`enroll` is lost, or the request arrives twice, the same code, device id and token sent again
get the same answer; another token is still refused. docs/adr/0007-counter-identity.md."""

from __future__ import annotations

import secrets
from typing import Any

from sync.protocol import API
from sync.server import admin
from tests.sync.server.conftest import Server


def _enroll(server: Server, code: str, device_id: str, token: str | None) -> tuple[int, Any]:
    body = {"code": code, "device_id": device_id, "counter": f"C{device_id[-1]}", "hostname": "pc"}
    answer = server.client.post(f"{API}/enroll", json=body | ({"token": token} if token else {}))
    return answer.status_code, answer.json()


def _works(server: Server, device_id: str, token: str) -> bool:
    headers = {"Authorization": f"Bearer {token}"}
    url = f"{API}/stores/{server.store_id}/devices/{device_id}"
    return server.client.get(url, headers=headers).status_code == 200


def test_the_same_code_and_token_sent_again_get_the_same_answer(server: Server) -> None:
    code = admin.create_enrollment_code(server.engine, server.store_id, clock=server.clock)
    token = secrets.token_urlsafe(32)
    first = _enroll(server, code, "dev-1", token)
    again = _enroll(server, code, "dev-1", token)  # the first answer was lost
    assert first == again and first[0] == 200 and first[1]["token"] == token
    assert _works(server, "dev-1", token)
    assert server.count("SELECT count(*) FROM device") == 1

    assert _enroll(server, code, "dev-1", secrets.token_urlsafe(32))[0] == 403  # used code
    other = admin.create_enrollment_code(server.engine, server.store_id, clock=server.clock)
    assert _enroll(server, other, "dev-1", secrets.token_urlsafe(32))[0] == 409
    assert _enroll(server, other, "dev-1", token)[0] == 200  # the same counter, a new code:
    assert _enroll(server, other, "dev-2", None)[0] == 200  # … which it did not spend
    assert _works(server, "dev-1", token)


def test_a_revoked_device_cannot_come_back_by_replaying(server: Server) -> None:
    code = admin.create_enrollment_code(server.engine, server.store_id, clock=server.clock)
    token = secrets.token_urlsafe(32)
    assert _enroll(server, code, "dev-1", token)[0] == 200
    admin.revoke_device(server.engine, "dev-1", clock=server.clock)
    assert _enroll(server, code, "dev-1", token)[0] == 403
    assert not _works(server, "dev-1", token)


def test_a_short_token_is_refused(server: Server) -> None:
    code = admin.create_enrollment_code(server.engine, server.store_id, clock=server.clock)
    assert _enroll(server, code, "dev-1", "short")[0] == 422
    assert server.count("SELECT count(*) FROM device") == 0
