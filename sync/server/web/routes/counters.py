"""One store's counters: what each last reported, revoking one, and enrollment codes."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

import segno
from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sync.server import admin
from sync.server.auth import engine_of
from sync.server.online_booking import booking_key
from sync.server.web import queries, words
from sync.server.web.deps import (
    CurrentSession,
    PostedSession,
    StoreRef,
    VisibleDevice,
    VisibleStore,
    now_of,
)
from sync.server.web.pages import render
from sync.server.web.sessions import Session

router = APIRouter(prefix="/console/stores/{store_id}", include_in_schema=False)
MAX_HOURS = 24 * 30


def _page(
    request: Request, session: Session, store: StoreRef, status_code: int = 200, **context: object
) -> HTMLResponse:
    engine = engine_of(request)
    rows = queries.counters(engine, store.id)
    waiting = queries.open_conflicts(engine, store.id)
    booking_url = f"{request.base_url}book/{booking_key(store.id)}"
    return render(
        request,
        "store.html",
        session,
        status_code,
        store=store,
        counters=rows,
        open_conflicts=waiting,
        booking_url=booking_url,
        booking_qr=_qr(booking_url),
        **context,
    )


def _qr(text: str) -> str:
    return str(
        segno.make(text, error="m").svg_inline(scale=6, border=2, dark="#1f2937", omitsize=True)
    )


@router.get("")
def store_page(request: Request, session: CurrentSession, store: VisibleStore) -> HTMLResponse:
    return _page(request, session, store)


@router.post("/codes")
def create_code(
    request: Request,
    session: PostedSession,
    store: VisibleStore,
    hours: Annotated[str, Form(max_length=10)] = "24",
) -> HTMLResponse:
    """The code is on this answer only (its hash is what the database keeps)."""
    if not hours.isdigit() or not 1 <= int(hours) <= MAX_HOURS:
        return _page(request, session, store, 400, error=words.HOURS_RANGE)
    now = now_of(request)
    code = admin.create_enrollment_code(engine_of(request), store.id, int(hours), clock=lambda: now)
    # The QR holds the bare code: a counter's USB scanner types it into the join screen.
    qr = _qr(code)
    expires = now + timedelta(hours=int(hours))
    answer = _page(request, session, store, code=code, code_qr=qr, code_expires=expires)
    answer.headers["Cache-Control"] = "no-store"  # nor kept in the browser's cache
    return answer


@router.get("/counters/{device_id}/revoke")
def revoke_page(
    request: Request, session: CurrentSession, store: VisibleStore, device: VisibleDevice
) -> HTMLResponse:
    back = f"/console/stores/{store.id}"
    return render(
        request,
        "confirm.html",
        session,
        heading=words.REVOKE_CONFIRM,
        warning=words.REVOKE_WARNING,
        button=words.REVOKE,
        subject=device.counter,
        action=f"{back}/counters/{device.id}/revoke",
        back=back,
    )


@router.post("/counters/{device_id}/revoke")
def revoke(
    request: Request, session: PostedSession, store: VisibleStore, device: VisibleDevice
) -> Response:
    if not device.revoked:
        admin.revoke_device(engine_of(request), device.id, clock=lambda: now_of(request))
    return RedirectResponse(f"/console/stores/{store.id}", status_code=303)
