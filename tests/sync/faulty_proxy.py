"""An HTTP proxy on 127.0.0.1 that makes the network lie the way real ones do: it drops some
answers after the server has acted on the request (the client cannot know the outcome), and
sends some requests to the server twice, one after the other or (`parallel_duplicates`) both at
once, racing each other into the server. Seeded, so the faults can be replayed."""

from __future__ import annotations

import random
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


@dataclass
class FaultCounts:
    requests: int = 0
    dropped_answers: int = 0
    duplicated_requests: int = 0
    pushes: int = 0  # of the requests, POSTs of operations
    dropped_push_answers: int = 0
    duplicated_pushes: int = 0


class FaultyProxy:
    def __init__(
        self,
        upstream: str,
        drop_answers: float,
        duplicate_requests: float,
        seed: int = 0,
        parallel_duplicates: bool = False,
    ) -> None:
        self.upstream = upstream.rstrip("/")
        self.drop_answers = drop_answers
        self.duplicate_requests = duplicate_requests
        self.parallel_duplicates = parallel_duplicates
        self.counts = FaultCounts()
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FaultyProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _roll(self, push: bool) -> tuple[bool, bool]:
        with self._lock:
            self.counts.requests += 1
            duplicate = self._random.random() < self.duplicate_requests
            drop = self._random.random() < self.drop_answers
            self.counts.duplicated_requests += duplicate
            self.counts.dropped_answers += drop
            if push:
                self.counts.pushes += 1
                self.counts.duplicated_pushes += duplicate
                self.counts.dropped_push_answers += drop
            return duplicate, drop

    def _forward(
        self, method: str, url: str, body: bytes | None, headers: dict[str, str], duplicate: bool
    ) -> requests.Response:
        def send() -> requests.Response:
            return requests.request(method, url, data=body, headers=headers, timeout=30)

        if not duplicate:
            return send()
        if not self.parallel_duplicates:
            send()
            return send()
        with ThreadPoolExecutor(2) as pool:  # both copies race into the server
            first, second = pool.submit(send), pool.submit(send)
            answers = [first.result(), second.result()]
        with self._lock:
            return answers[self._random.random() < 0.5]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def _relay(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                push = self.command == "POST" and self.path.endswith("/operations")
                duplicate, drop = proxy._roll(push)
                answer = proxy._forward(
                    self.command, proxy.upstream + self.path, body, headers, duplicate
                )
                if drop:  # the server acted; the client hears nothing
                    self.close_connection = True
                    return
                self.send_response(answer.status_code)
                for key, value in answer.headers.items():
                    if key.lower() not in HOP_BY_HOP and key.lower() != "content-encoding":
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            do_GET = _relay
            do_POST = _relay

        return Handler
