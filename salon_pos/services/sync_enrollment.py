"""Enrolling this counter with the central server: a one-time code for a device token.

The token goes to the keyring; the server's address and the store go to the database. The
keyring is checked before the code is spent, so a counter without one does not burn a code.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass

from salon_pos.db.audit import AuditRecord
from salon_pos.domain.errors import UserError
from salon_pos.security.device_token import DeviceTokens
from salon_pos.services.counter import CounterService
from salon_pos.services.sync_errors import network_reason
from salon_pos.services.sync_state import sync_state
from sync.client import Offline, Refused, ServerError, SyncClient, SyncError
from sync.wire import EnrollRequest


class EnrollmentRefused(UserError):
    en = "The server refused the enrollment code ({detail}). Ask the owner for a new code."
    zh = "服务器拒绝了该注册码（{detail}）。请向老板索取新的注册码。"


class ServerUnreachable(UserError):
    en = "The sync server at {url} cannot be reached ({detail})."
    zh = "无法连接同步服务器 {url}（{detail}）。"


class ServerFailed(UserError):
    en = "The sync server at {url} answered with an error ({detail})."
    zh = "同步服务器 {url} 返回错误（{detail}）。"


@dataclass(frozen=True)
class EnrolledCounter:
    server_url: str
    store_id: str
    store_name: str
    device_id: str


def _user_error(url: str, error: SyncError) -> UserError:
    if isinstance(error, Refused):
        return EnrollmentRefused(detail=error.detail)
    if isinstance(error, Offline):
        return ServerUnreachable(url=url, detail=network_reason(error))
    if isinstance(error, ServerError):
        return ServerFailed(url=url, detail=error.detail)
    return ServerFailed(url=url, detail=f"{error.status or ''} {error.detail}".strip())


class EnrollmentService(CounterService):
    def enroll(
        self, server_url: str, code: str, tokens: DeviceTokens, timeout: float = 10.0
    ) -> EnrolledCounter:
        settings = self._settings.current
        tokens.check()
        url = server_url.strip().rstrip("/")
        request = EnrollRequest(
            code=code.strip(),
            device_id=settings.device_id,
            counter=settings.counter_prefix,
            hostname=socket.gethostname()[:128],
        )
        try:
            answer = SyncClient.enroll(url, request, timeout)
        except SyncError as error:
            raise _user_error(url, error) from error
        tokens.save(settings.device_id, answer.token)
        with self._db.write() as session:
            state = sync_state(session)
            if state.store_id not in (None, answer.store_id):
                state.pull_cursor = 0  # another store's feed: start it from the beginning
            state.server_url = url
            state.store_id = answer.store_id
            state.store_name = answer.store_name
            state.connection = "online"
            state.last_error = None
            self._journal().record(
                session,
                self._clock.now(),
                AuditRecord(
                    None,
                    "sync.enrolled",
                    "device",
                    settings.device_id,
                    after={"server_url": url, "store_id": answer.store_id},
                ),
            )
        return EnrolledCounter(url, answer.store_id, answer.store_name, settings.device_id)
