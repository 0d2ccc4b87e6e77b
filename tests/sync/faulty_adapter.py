"""Network faults inside one process: a requests transport adapter that, when told to, sends a
request twice or lets the server act and then loses its answer. For the stateful test, where a
proxy process per example would be too slow; tests/sync/faulty_proxy.py is the real-socket one."""

from __future__ import annotations

from typing import Any

import requests
from requests.adapters import HTTPAdapter


class FaultyAdapter(HTTPAdapter):
    def __init__(self) -> None:
        super().__init__()
        self.drop_next_answers = 0  # the next N requests reach the server, their answers don't
        self.duplicate_next_requests = 0  # the next N requests are sent twice
        self.dropped = 0
        self.duplicated = 0

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
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
