"""Enrollment codes, bearer tokens and store scoping: refused, nothing written, nothing leaked."""

from __future__ import annotations

from sync.operations.sales import (
    SALE_COMPLETED,
    SALE_VOIDED,
)
from sync.protocol import API
from sync.server import admin
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server


def _enroll(server: Server, code: str, device_id: str) -> tuple[int, dict[str, str]]:
    body = {"code": code, "device_id": device_id, "counter": "A1", "hostname": "pc"}
    answer = server.client.post(f"{API}/enroll", json=body)
    return answer.status_code, answer.json()


def test_a_code_enrolls_once_and_the_token_works(server: Server) -> None:
    code = admin.create_enrollment_code(server.engine, server.store_id, clock=server.clock)
    status, body = _enroll(server, code.lower().replace("-", " "), "dev-1")
    assert status == 200 and body["store_id"] == server.store_id
    assert body["store_name"] == "丽人美容 一店"
    headers = {"Authorization": f"Bearer {body['token']}"}
    answer = server.client.get(f"{API}/stores/{server.store_id}/devices/dev-1", headers=headers)
    assert answer.status_code == 200 and answer.json()["cursor"] == 0
    assert _enroll(server, code, "dev-2")[0] == 403
    assert server.count("SELECT count(*) FROM device") == 1
    assert server.count("SELECT count(*) FROM device WHERE token_hash = :t", t=body["token"]) == 0


def test_an_expired_or_unknown_code_is_refused(server: Server) -> None:
    code = admin.create_enrollment_code(server.engine, server.store_id, hours=1, clock=server.clock)
    server.clock.advance(hours=1, seconds=1)
    assert _enroll(server, code, "dev-1")[0] == 403
    assert _enroll(server, "ZZZZ-ZZZZ", "dev-1")[0] == 403
    assert server.count("SELECT count(*) FROM device") == 0


def test_a_device_id_of_another_store_is_a_conflict(server: Server, device: Device) -> None:
    code = admin.create_enrollment_code(server.engine, server.other_store_id, clock=server.clock)
    assert _enroll(server, code, device.id)[0] == 409
    rows = server.count("SELECT count(*) FROM device WHERE store_id = :s", s=server.other_store_id)
    assert rows == 0


def test_no_or_wrong_token_is_401_and_writes_nothing(server: Server, device: Device) -> None:
    op = device.op(SALE_COMPLETED, builders.sale())
    body = {"operations": [op]}
    assert server.client.post(device.operations_url, json=body).status_code == 401
    wrong = {"Authorization": "Bearer not-a-token"}
    answer = server.client.post(device.operations_url, json=body, headers=wrong)
    assert answer.status_code == 401
    changes = server.client.get(f"{API}/stores/{device.store_id}/changes", headers=wrong)
    assert changes.status_code == 401 and "changes" not in changes.json()
    assert server.count("SELECT count(*) FROM applied_operation") == 0


def test_a_revoked_device_is_refused(server: Server, device: Device) -> None:
    admin.revoke_device(server.engine, device.id, clock=server.clock)
    server.push(device, [device.op(SALE_COMPLETED, builders.sale())], status=403)
    answer = server.client.get(f"{API}/stores/{device.store_id}/changes", headers=device.headers)
    assert answer.status_code == 403
    assert server.count("SELECT count(*) FROM ticket") == 0


def test_store_a_cannot_touch_store_b(server: Server, device: Device) -> None:
    other = server.enroll(server.other_store_id)
    server.push(other, [other.op(SALE_COMPLETED, builders.sale())])
    base = f"{API}/stores/{server.other_store_id}"
    h = device.headers
    assert server.client.get(f"{base}/changes", headers=h).status_code == 403
    assert server.client.get(f"{base}/devices/{other.id}", headers=h).status_code == 403
    op = builders.operation(device.id, 1, SALE_COMPLETED, builders.sale())
    pushed = server.client.post(
        f"{base}/devices/{other.id}/operations", json={"operations": [op]}, headers=h
    )
    assert pushed.status_code == 403 and "results" not in pushed.json()
    assert admin.store_sales_total(server.engine, server.other_store_id) > 0
    assert admin.store_sales_total(server.engine, server.store_id) == 0


def test_another_devices_operation_refuses_the_whole_batch(server: Server, device: Device) -> None:
    other = server.enroll()
    good = device.op(SALE_COMPLETED, builders.sale())
    foreign = builders.operation(other.id, 2, SALE_COMPLETED, builders.sale())
    server.push(device, [good, foreign], status=403)
    url = f"{API}/stores/{device.store_id}/devices/{other.id}/operations"
    assert (
        server.client.post(url, json={"operations": []}, headers=device.headers).status_code == 403
    )
    assert server.count("SELECT count(*) FROM applied_operation") == 0
    assert server.count("SELECT count(*) FROM ledger_entry") == 0


def test_ops_that_refer_to_another_stores_records_are_rejected(server: Server) -> None:
    a, b = server.enroll(), server.enroll(server.other_store_id)
    sale = builders.sale()
    server.push(b, [b.op(SALE_COMPLETED, sale)])
    answer = server.push(a, [a.op(SALE_VOIDED, builders.void(sale))])
    assert answer["results"][0]["status"] == "rejected"
    assert answer["results"][0]["reason"] == "unknown ticket"  # nothing about store B leaks
    assert admin.store_sales_total(server.engine, server.other_store_id) == sale["total"]
    assert server.pull(a)["changes"] == []


def test_bad_query_parameters_are_422_not_500(server: Server, device: Device) -> None:
    base = f"{API}/stores/{device.store_id}/changes"
    for params in ({"after": -1}, {"limit": 0}, {"limit": 501}, {"after": 2**70}):
        answer = server.client.get(base, params=params, headers=device.headers)
        assert answer.status_code == 422, params
    bad = {"code": "ABCD-EFGH", "device_id": "x\x00y", "counter": "A1"}
    assert server.client.post(f"{API}/enroll", json=bad).status_code == 422
    assert server.client.get("/health").json() == {"status": "ok"}
    assert "/api/v1/enroll" in server.client.get("/openapi.json").json()["paths"]
