"""The public booking page of a store (docs/online-booking.md): no sign-in; the customer picks a
service, a day and a free start and leaves a name and mobile number. It shows the store's name,
its bookable services and free start times, and nothing else the server holds.

CSRF: there is no session, so the form repeats a token the page set as a cookie (the sign-in
form's double submit). Every answer is limited per client address, a request per phone too."""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sync.messages import Both, Message
from sync.server.auth import engine_of
from sync.server.online_booking import (
    OfferedService,
    OnlineStore,
    RequestRefused,
    SlotTaken,
    StoreKeys,
    checked_mobile,
    checked_name,
    days_offered,
    free_slots,
    offered_services,
    request_booking,
)
from sync.server.web import booking_words as words
from sync.server.web.cookies import set_cookie
from sync.server.web.deps import now_of
from sync.server.web.pages import render
from sync.server.web.rate_limit import OnlineLimits, RateLimit

router = APIRouter(prefix="/book", include_in_schema=False)
CSRF_COOKIE = "salon_book_csrf"
PATH = "/book"


def _store(request: Request, key: str) -> OnlineStore | None:
    keys: StoreKeys = request.app.state.store_keys
    return keys.find(engine_of(request), key)


def _limits(request: Request) -> OnlineLimits:
    limits: OnlineLimits = request.app.state.online_limits
    return limits


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@dataclass(frozen=True)
class DayChoice:
    day: date
    label: str  # 今天 / 明天 / 周三
    short: str  # 12/09


@dataclass
class Choice:
    """What the customer has picked so far, and what the page offers next."""

    store: OnlineStore
    services: list[OfferedService]
    service: OfferedService | None = None
    day: date | None = None
    slots: list[datetime] | None = None


def _day_choices(request: Request, store: OnlineStore) -> list[DayChoice]:
    days = days_offered(now_of(request), store.zone)
    named = {0: words.TODAY, 1: words.TOMORROW}
    return [
        DayChoice(d, named.get(n, words.WEEKDAYS[d.weekday()]).zh, f"{d.month}/{d.day}")
        for n, d in enumerate(days)
    ]


def _choice(request: Request, store: OnlineStore, service_id: str, day_text: str) -> Choice:
    engine = engine_of(request)
    with engine.connect() as connection:
        services = offered_services(connection, store.id)
        choice = Choice(store, services)
        choice.service = next((s for s in services if s.id == service_id), None)
        choice.day = _day(day_text, days_offered(now_of(request), store.zone))
        if choice.service is not None and choice.day is not None:
            found = free_slots(
                connection, store.id, choice.service, choice.day, now_of(request), store.zone
            )
            choice.slots = [s.start for s in found]
    return choice


def periods(starts: list[datetime]) -> list[tuple[Both, list[datetime]]]:
    """The starts by morning, afternoon and evening: a long day reads at a glance."""
    found: dict[Both, list[datetime]] = {}
    for at in starts:
        part = words.MORNING if at.hour < 12 else words.AFTERNOON if at.hour < 18 else words.EVENING
        found.setdefault(part, []).append(at)
    return list(found.items())


def _day(text: str, offered: list[date]) -> date | None:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day if day in offered else None


def _page(
    request: Request,
    key: str,
    choice: Choice,
    status_code: int = 200,
    error: Both | Message | None = None,
    **form: str,
) -> HTMLResponse:
    token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
    response = render(
        request,
        "book.html",
        None,
        status_code,
        b=words,
        key=key,
        choice=choice,
        days=_day_choices(request, choice.store),
        price=price,
        periods=periods,
        form_token=token,
        problem=error,
        form=form,
    )
    set_cookie(response, request, CSRF_COOKIE, token, max_age=4 * 3600, path=PATH)
    response.headers["Cache-Control"] = "no-store"  # free times change; never a stale page
    return response


def _plain(request: Request, status_code: int, text: Both | Message) -> HTMLResponse:
    return render(request, "book_problem.html", None, status_code, b=words, problem=text)


def _too_often(request: Request, limit: RateLimit) -> HTMLResponse:
    minutes = math.ceil(limit.window.total_seconds() / 60)
    return _plain(request, 429, words.TooOften(minutes=minutes))


@router.get("/{key}")
def booking_page(request: Request, key: str, service: str = "", day: str = "") -> Response:
    store = _store(request, key)
    if store is None:
        return _plain(request, 404, words.NO_SUCH_PAGE)
    if service and day:  # the page that computes free times
        limit = _limits(request).slot_pages_per_address
        if not limit.allow(_address(request), now_of(request)):
            return _too_often(request, limit)
    return _page(request, key, _choice(request, store, service, day))


@router.post("/{key}")
def send_request(
    request: Request,
    key: str,
    csrf_token: Annotated[str, Form(max_length=100)] = "",
    service: Annotated[str, Form(max_length=64)] = "",
    start: Annotated[str, Form(max_length=32)] = "",
    name: Annotated[str, Form(max_length=1000)] = "",
    phone: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    expected = request.cookies.get(CSRF_COOKIE, "")
    if not expected or not secrets.compare_digest(csrf_token.encode(), expected.encode()):
        return _plain(request, 403, words.EXPIRED)
    store = _store(request, key)
    if store is None:
        return _plain(request, 404, words.NO_SUCH_PAGE)
    limits, now = _limits(request), now_of(request)
    if not limits.requests_per_address.allow(_address(request), now):
        return _too_often(request, limits.requests_per_address)
    try:
        wanted = datetime.fromisoformat(start)
    except ValueError:
        wanted = None
    day = wanted.date().isoformat() if wanted is not None else ""
    choice = _choice(request, store, service, day)
    if wanted is None or wanted.tzinfo is not None or choice.service is None:
        return _page(request, key, choice, 400)
    entered = {"name": name, "phone": phone, "start": start}
    try:
        checked_name(name)
        phone_key = checked_mobile(phone)
    except RequestRefused as refused:
        return _page(request, key, choice, 400, refused.message, **entered)
    if not limits.requests_per_phone.allow(phone_key, now):
        return _too_often(request, limits.requests_per_phone)
    try:
        request_booking(
            engine_of(request), store.id, service, wanted, name, phone, lambda: now_of(request)
        )
    except RequestRefused as refused:
        fresh = _choice(request, store, service, day)  # the free times as they are now
        taken = isinstance(refused.message, SlotTaken)
        typed = {"name": name, "phone": phone}
        return _page(request, key, fresh, 409 if taken else 400, refused.message, **typed)
    query = urlencode({"service": service, "start": wanted.isoformat(timespec="minutes")})
    return RedirectResponse(f"{PATH}/{key}/requested?{query}", status_code=303)


@router.get("/{key}/requested")
def requested_page(request: Request, key: str, service: str = "", start: str = "") -> Response:
    """The confirmation: only what the customer sent (service and time), read off the address."""
    store = _store(request, key)
    if store is None:
        return _plain(request, 404, words.NO_SUCH_PAGE)
    with engine_of(request).connect() as connection:
        offered = next((s for s in offered_services(connection, store.id) if s.id == service), None)
    try:
        at: datetime | None = datetime.fromisoformat(start)
    except ValueError:
        at = None
    return render(
        request,
        "book_done.html",
        None,
        b=words,
        key=key,
        store=store,
        service=offered,
        when=_when(at, offered),
    )


def _when(at: datetime | None, service: OfferedService | None) -> str:
    if at is None:
        return ""
    end = at + timedelta(minutes=service.minutes if service else 0)
    return words.WhenBooked(
        month=at.month,
        day=at.day,
        weekday=words.WEEKDAYS[at.weekday()],
        start=at.strftime("%H:%M"),
        end=end.strftime("%H:%M"),
    ).text()


def price(fen: int) -> str:
    """¥198, ¥198.50: what a customer reads on a price list."""
    yuan, rest = divmod(int(fen), 100)
    return f"¥{yuan:,}" if rest == 0 else f"¥{yuan:,}.{rest:02d}"
