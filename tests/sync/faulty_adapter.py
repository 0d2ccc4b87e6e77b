"""Network faults inside one process: a requests transport adapter that, when told to, sends a
request twice, lets the server act and then loses its answer, or never lets a request reach the
server. For the stateful test, where a proxy process per example would be too slow;
tests/sync/faulty_proxy.py is the real-socket one.

Faults wait until `pass_next_requests` requests have gone through untouched, so a round can
lose, say, its pull after its push went well."""

from __future__ import annotations

from typing import Any

import requests
from requests.adapters import HTTPAdapter


class FaultyAdapter(HTTPAdapter):
    def __init__(self) -> None:
        super().__init__()
        self.pass_next_requests = 0  # the next N requests go through untouched, then the faults
        self.refuse_next_requests = 0  # the next N requests never reach the server
        self.drop_next_answers = 0  # the next N requests reach the server, their answers don't
        self.duplicate_next_requests = 0  # the next N requests are sent twice
        self.refused = 0
        self.dropped = 0
        self.duplicated = 0

    def calm(self) -> None:
        """No more faults: every request goes through once, and its answer comes back."""
        self.pass_next_requests = 0
        self.refuse_next_requests = 0
        self.drop_next_answers = 0
        self.duplicate_next_requests = 0

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
        if self.pass_next_requests > 0:
            self.pass_next_requests -= 1
            return super().send(request, *args, **kwargs)
        if self.refuse_next_requests > 0:
            self.refuse_next_requests -= 1
            self.refused += 1
            raise requests.ConnectionError("connection refused (injected)", request=request)
        if self.duplicate_next_requests > 0:
            self.duplicate_next_requests -= 1
            self.duplicated += 1
            super().send(request.copy(), *args, **kwargs)
        answer = super().send(request, *args, **kwargs)
        if self.drop_next_answers > 0:
            self.drop_next_answers -= 1
            self.dropped += 1
            raise requests.ConnectionError("answer lost (injected)", request=request)
        return answer


def faulty_session() -> tuple[requests.Session, FaultyAdapter]:
    session = requests.Session()
    adapter = FaultyAdapter()
    session.mount("http://", adapter)
    return session, adapter
