"""The first run of a counter: a new store (its settings and first manager), or joining a store
the sync server holds (enrollment here; the first pull is jobs/first_pull.py). The setup wizard
(ui/setup_wizard.py) and `salon-pos init` both go through these (docs/first-run.md)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sqlalchemy import func, select

from salon_pos.db.models import Customer, Product, ServiceItem, Staff
from salon_pos.domain.errors import Both, RequiredField, UserError
from salon_pos.domain.staff import Role
from salon_pos.security.pins import check_pin
from salon_pos.services.backend import Backend
from salon_pos.services.settings import StoreSettings
from salon_pos.services.staff import StaffMember

if TYPE_CHECKING:  # the app checks first_run() before its first paint: no requests, no keyring
    from salon_pos.security.device_token import DeviceTokens
    from salon_pos.services.sync_enrollment import EnrolledCounter
    from sync.pull import PullProgress

STORE_NAME = Both("门店名称", "store name")
MANAGER_NAME = Both("店长姓名", "the manager's name")
CODE = Both("注册码", "enrollment code")
JOINING = ""  # the store's name while a join has not finished: the server tells the real one


class FirstRun(StrEnum):
    """What a counter needs before somebody can sign in."""

    DONE = "done"  # an active manager or owner is here: the sign-in screen
    CHOOSE = "choose"  # nothing set up, or a join that did not finish: new store or join
    MANAGER = "manager"  # set up (`init` alone), not enrolled, nobody to approve: first manager
    PULL = "pull"  # enrolled, no manager or owner pulled yet: the store's first pull


class InvalidServerUrl(UserError):
    en = "“{text}” is not a server address; use one such as http://192.168.1.10:8000."
    zh = "“{text}”不是有效的服务器地址，请使用如 http://192.168.1.10:8000 的地址。"


class StoreHasManager(UserError):
    en = "This counter already has a manager or owner; add more staff in the app."
    zh = "本收银台已有店长或老板，其他员工请在应用中添加。"


class PinsDiffer(UserError):
    en = "The two PINs differ; type the same PIN twice."
    zh = "两次输入的 PIN 不一致，请重新输入。"


class AlreadyJoined(UserError):
    en = "This counter has already joined the store {store}."
    zh = "本收银台已加入门店 {store}。"


def has_approver(backend: Backend) -> bool:
    """Whether an active manager or owner can sign in here (and approve)."""
    return any(member.role.approves for member in backend.staff.list())


def first_run(backend: Backend) -> FirstRun:
    if not backend.settings.is_initialised():
        return FirstRun.CHOOSE
    if has_approver(backend):
        return FirstRun.DONE
    if backend.sync.enrollment() is not None:
        return FirstRun.PULL
    if backend.settings.current.store_name == JOINING:
        return FirstRun.CHOOSE
    return FirstRun.MANAGER


@dataclass(frozen=True)
class NewStore:
    store_name: str
    counter_prefix: str
    time_zone: str = "Asia/Shanghai"
    cutover_hour: int = 4
    language: str = "zh_CN"
    printer_kind: str = "none"
    printer_target: str = ""
    paper_width_mm: int = 80

    def details(self) -> dict[str, Any]:
        """The settings besides the name and the prefix, as StoreSettings names them."""
        return {
            "time_zone": self.time_zone,
            "cutover_hour": self.cutover_hour,
            "language": self.language,
            "printer_kind": self.printer_kind,
            "printer_target": self.printer_target.strip(),
            "paper_width_mm": self.paper_width_mm,
        }

    def check(self) -> None:
        if not self.store_name.strip():
            raise RequiredField(field=STORE_NAME)
        prefix = self.counter_prefix.strip().upper()
        StoreSettings("-", prefix, self.store_name, **self.details()).validate()


@dataclass(frozen=True)
class FirstManager:
    name: str
    pin: str

    def check(self) -> None:
        if not self.name.strip():
            raise RequiredField(field=MANAGER_NAME)
        check_pin(self.pin)


@dataclass(frozen=True)
class JoinRequest:
    server_url: str
    code: str
    counter_prefix: str
    language: str = "zh_CN"

    def check(self) -> None:
        url = self.server_url.strip()
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InvalidServerUrl(text=url)
        if not self.code.strip():
            raise RequiredField(field=CODE)
        StoreSettings("-", self.counter_prefix.strip().upper(), "-").validate()


def _take_prefix(backend: Backend, store_name: str, prefix: str, **details: Any) -> None:
    """Set the counter up, or set it up again: a join that did not finish may have taken
    another prefix (the server said it was in use), which is still free to change."""
    settings = backend.settings
    if settings.is_initialised():
        settings.retake_prefix(prefix)
    settings.initialise(store_name, prefix, **details)


def create_store(
    backend: Backend, store: NewStore, manager: FirstManager | None = None
) -> StaffMember | None:
    """A new store on this counter, with its first manager when one is given."""
    store.check()
    if manager is not None:
        manager.check()
    prefix = store.counter_prefix.strip().upper()
    _take_prefix(backend, store.store_name.strip(), prefix, **store.details())
    return add_first_manager(backend, manager) if manager is not None else None


def add_first_manager(backend: Backend, manager: FirstManager) -> StaffMember:
    manager.check()
    if has_approver(backend):
        raise StoreHasManager()
    return backend.staff.add(manager.name.strip(), Role.MANAGER.value, manager.pin)


def enroll_counter(
    backend: Backend, request: JoinRequest, tokens: DeviceTokens, timeout: float = 10.0
) -> EnrolledCounter:
    """Set this counter up for the store the code belongs to, and enroll it; the store's
    name comes from the server. A wrong code or an unreachable server leaves it ready to try
    again (with another prefix too)."""
    request.check()
    if (enrolled := backend.sync.enrollment()) is not None:
        raise AlreadyJoined(store=enrolled.store_name)
    prefix = request.counter_prefix.strip().upper()
    name = backend.settings.current.store_name if backend.settings.is_initialised() else JOINING
    _take_prefix(backend, name, prefix, language=request.language)
    from salon_pos.services.sync_enrollment import EnrollmentService

    service = EnrollmentService(backend.db, backend.settings, backend.clock)
    answer = service.enroll(request.server_url, request.code, tokens, timeout=timeout)
    backend.settings.update(store_name=answer.store_name)
    return answer


@dataclass(frozen=True)
class StoreData:
    """What this counter holds of its store (after a first pull)."""

    staff: int
    catalog_items: int
    customers: int


def store_data(backend: Backend) -> StoreData:
    with backend.db.read() as session:

        def count(model: Any) -> int:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

        return StoreData(
            staff=count(Staff),
            catalog_items=count(ServiceItem) + count(Product),
            customers=count(Customer),
        )


@dataclass(frozen=True)
class FirstPull:
    pulled: int  # changes received
    stopped: bool  # stopped before the feed's end: the next sync rounds go on from there
    held: StoreData


# The first pull (jobs/first_pull.first_pull over a backend): told each page's progress, ended
# early by the event. The wizard is given it by the app, as ui/ does not import jobs/.
FirstPullRun = Callable[[Callable[["PullProgress"], None], threading.Event], FirstPull]
