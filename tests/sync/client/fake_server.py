"""A small in-memory stand-in for the sync server on 127.0.0.1, for the client's unit tests:
it follows docs/sync.md for push (replays, resend_from, cursor) and pull, and can be told to
fail the next requests (a status code, or hanging up after applying: "outcome unknown")."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

TOKEN = "good-token"
STORE = "store-1"


@dataclass
class FakeState:
    applied: dict[str, dict[str, Any]] = field(default_factory=dict)  # op id → result
    apply_count: dict[str, int] = field(default_factory=dict)  # op id → times applied
    cursor: dict[str, int] = field(default_factory=dict)  # device → highest seq
    changes: list[dict[str, Any]] = field(default_factory=list)
    faults: list[Any] = field(default_factory=list)  # per request: status code or "hang_up"
    reject_types: set[str] = field(default_factory=set)
    retry_later_types: set[str] = field(default_factory=set)
    pushes: list[list[dict[str, Any]]] = field(default_factory=list)  # bodies received
    revoked: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add_change(self, entity: str, entity_id: str, data: dict[str, Any]) -> None:
        self.changes.append(
            {
                "seq": len(self.changes) + 1,
                "entity": entity,
                "entity_id": entity_id,
                "data": data,
                "at": datetime.now(UTC).isoformat(),
            }
        )

    def status(self, device: str) -> dict[str, Any]:
        cursor = self.cursor.get(device, 0)
        at_cursor = [r["id"] for r in self.applied.values() if r["seq"] == cursor]
        return {
            "store_id": STORE,
            "store_name": "丽人美容总店",
            "device_id": device,
            "cursor": cursor,
            "change_seq": len(self.changes),
            "server_time": datetime.now(UTC).isoformat(),
            "cursor_op_id": at_cursor[0] if at_cursor else None,
        }

    def push(self, device: str, ops: list[dict[str, Any]]) -> dict[str, Any]:
        results: list[dict[str, Any]] = []
        cursor = self.cursor.get(device, 0)
        for op in ops:
            if op["seq"] <= cursor:
                results.append(self.applied[op["id"]] | {"status": "duplicate"})
                continue
            if op["seq"] > cursor + 1:
                return {"results": results, "cursor": cursor, "resend_from": cursor + 1}
            if op["type"] in self.retry_later_types:
                results += [
                    {"id": o["id"], "seq": o["seq"], "status": "retry_later"}
                    for o in ops[len(results) :]
                ]
                break
            status = "rejected" if op["type"] in self.reject_types else "applied"
            result = {"id": op["id"], "seq": op["seq"], "status": status, "conflict_ids": []}
            if status == "rejected":
                result["reason"] = "test says no"
            self.applied[op["id"]] = result
            self.apply_count[op["id"]] = self.apply_count.get(op["id"], 0) + 1
            cursor = op["seq"]
            results.append(result)
        self.cursor[device] = cursor
        return {"results": results, "cursor": cursor, "resend_from": None}


class _Handler(BaseHTTPRequestHandler):
    server: FakeServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: Any) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _fault(self) -> Any:
        with self.server.state.lock:
            return self.server.state.faults.pop(0) if self.server.state.faults else None

    def _authorised(self) -> bool:
        if self.headers.get("Authorization") != f"Bearer {TOKEN}":
            self._send(401, {"detail": "unknown token"})
            return False
        if self.server.state.revoked:
            self._send(403, {"detail": "device revoked"})
            return False
        return True

    def do_GET(self) -> None:
        url = urlparse(self.path)
        if url.path == "/health":
            self._send(200, {"status": "ok"})
            return
        if url.path.endswith("/stock-snapshot"):  # a server from before it: the feed's end alone
            self._send(404, {"detail": "Not Found"})
            return
        if "/devices/" in url.path:  # the round's first call: never takes a fault meant for later
            if self._authorised():
                self._send(200, self.server.state.status(url.path.split("/devices/")[1]))
            return
        fault = self._fault()
        if isinstance(fault, int):
            self._send(fault, {"detail": "injected"})
            return
        if not self._authorised():
            return
        query = parse_qs(url.query)
        after, limit = int(query["after"][0]), int(query["limit"][0])
        state = self.server.state
        newer = [c for c in state.changes if c["seq"] > after]
        if "until" in query:  # as the real server narrows a first pull's pages
            newer = [c for c in newer if c["seq"] <= int(query["until"][0])]
        if "only" in query:
            newer = [c for c in newer if c["entity"] in query["only"][0].split(",")]
        if "skip" in query:
            newer = [c for c in newer if c["entity"] not in query["skip"][0].split(",")]
        page = newer[:limit]
        self._send(
            200, {"changes": page, "last_seq": len(state.changes), "more": len(newer) > limit}
        )

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length) or b"{}")
        if self.path.endswith("/enroll"):
            if body["code"] != "GOOD-CODE":
                self._send(403, {"detail": "unknown or used enrollment code"})
                return
            answer = {"store_id": STORE, "store_name": "丽人美容总店", "token": TOKEN}
            self._send(200, answer | {"device_id": body["device_id"]})
            return
        if self.path.endswith("/store-key"):  # never takes a fault meant for a push
            if self._authorised():
                self._send(200, {"key": body.get("offer") or STORE_KEY})
            return
        fault = self._fault()
        if isinstance(fault, int):
            self._send(fault, {"detail": "injected"})
            return
        if not self._authorised():
            return
        device = self.path.split("/devices/")[1].split("/")[0]
        state = self.server.state
        with state.lock:
            state.pushes.append(body["operations"])
            answer = state.push(device, body["operations"])
        if fault == "hang_up":  # applied and committed, but the answer never arrives
            self.close_connection = True
            self.connection.shutdown(2)
            return
        self._send(200, answer)


STORE_KEY = "k" * 43 + "="  # the store's key for health data: 32 bytes, URL-safe base64


class FakeServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = FakeState()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> FakeServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
