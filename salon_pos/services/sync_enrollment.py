"""Enrolling this counter with the central server: a one-time code for a device token.

The token goes to the keyring; the server's address and the store go to the database. The
keyring is checked before the code is spent, so a counter without one does not burn a code.
The counter makes its token itself before the first try and keeps it in the keyring until the
server confirms it: a retry after a lost answer sends the same code and token, and the server
answers it again (docs/adr/0007-counter-identity.md).
"""

from __future__ import annotations

import logging
import secrets
import socket
from dataclasses import dataclass

from salon_pos.db.audit import AuditRecord
from salon_pos.domain.errors import UserError
from salon_pos.security.device_token import DeviceTokens, NotEnrolled
from salon_pos.security.field_crypto import StoreKeys
from salon_pos.services.counter import CounterService
from salon_pos.services.store_key import StoreKeySettler
from salon_pos.services.sync_errors import PlainHttpRefused, network_reason
from salon_pos.services.sync_home import Home
from salon_pos.services.sync_state import sync_state
from sync.client import InsecureServer, Offline, Refused, ServerError, SyncClient, SyncError
from sync.wire import EnrollRequest

log = logging.getLogger(__name__)


class EnrollmentRefused(UserError):
    en = "The server refused the enrollment code ({detail}). Ask the owner for a new code."
    zh = "服务器拒绝了该注册码（{detail}）。请向老板索取新的注册码。"


class ServerUnreachable(UserError):
    en = "The sync server at {url} cannot be reached ({detail})."
    zh = "无法连接同步服务器 {url}（{detail}）。"


class ServerFailed(UserError):
    en = "The sync server at {url} answered with an error ({detail})."
    zh = "同步服务器 {url} 返回错误（{detail}）。"


class PrefixInUse(UserError):
    en = "Another counter of this store already uses the ticket prefix {prefix}: choose another."
    zh = "本店另一台收银台已在使用单号前缀 {prefix}，请换一个。"


@dataclass(frozen=True)
class EnrolledCounter:
    server_url: str
    store_id: str
    store_name: str
    device_id: str


def _user_error(url: str, error: SyncError, prefix: str) -> UserError:
    if isinstance(error, InsecureServer):
        return PlainHttpRefused(url=url)
    if error.status == 409 and "prefix" in error.detail:  # sync/server/enrollment.py
        return PrefixInUse(prefix=prefix)
    if isinstance(error, Refused):
        return EnrollmentRefused(detail=error.detail)
    if isinstance(error, Offline):
        return ServerUnreachable(url=url, detail=network_reason(error))
    if isinstance(error, ServerError):
        return ServerFailed(url=url, detail=error.detail)
    return ServerFailed(url=url, detail=f"{error.status or ''} {error.detail}".strip())


def _token_to_offer(tokens: DeviceTokens, device_id: str) -> str:
    """The token of an enrollment not confirmed yet, or a new one (kept before it is sent)."""
    key = f"{device_id}#enrolling"
    try:
        return tokens.load(key)
    except NotEnrolled:
        token = secrets.token_urlsafe(32)
        tokens.save(key, token)
        return token


class EnrollmentService(CounterService):
    def enroll(
        self,
        server_url: str,
        code: str,
        tokens: DeviceTokens,
        timeout: float = 10.0,
        home: Home | None = None,
        keys: StoreKeys | None = None,
    ) -> EnrolledCounter:
        """`home`: where this copy lives (tests give another PC's); by default this PC.
        `keys`: where the store's key for health data goes (by default this counter's entry
        in the system keyring); fetched at once, else at the first sync round."""
        settings = self._settings.current
        tokens.check()
        url = server_url.strip().rstrip("/")
        here = home or Home.of(self._db.path)
        request = EnrollRequest(
            code=code.strip(),
            device_id=settings.device_id,
            counter=settings.counter_prefix,
            hostname=socket.gethostname()[:128],
            token=_token_to_offer(tokens, settings.device_id),
            home=here.key,
        )
        try:
            answer = SyncClient.enroll(url, request, timeout)
        except SyncError as error:
            raise _user_error(url, error, settings.counter_prefix) from error
        tokens.save(settings.device_id, answer.token)
        tokens.delete(f"{settings.device_id}#enrolling")
        with self._db.write() as session:
            state = sync_state(session)
            state.home_machine, state.home_path = here.machine, here.path
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
        self._fetch_store_key(url, answer.token, answer.store_id, keys, timeout)
        return EnrolledCounter(url, answer.store_id, answer.store_name, settings.device_id)

    def _fetch_store_key(
        self, url: str, token: str, store_id: str, keys: StoreKeys | None, timeout: float
    ) -> None:
        device_id = self._settings.current.device_id
        settler = StoreKeySettler(self._db, self._clock, keys or StoreKeys(device_id))
        client = SyncClient(url, token, timeout)
        try:
            settler.settle(client, store_id, device_id)
        except SyncError as error:  # enrolled all the same: the first round asks again
            log.warning("store key not fetched at enrollment: %s", error.detail)
        finally:
            client.close()
