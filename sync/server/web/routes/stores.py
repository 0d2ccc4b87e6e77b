"""The stores the account may see, and a new store (owners only)."""

from __future__ import annotations

from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sync.messages import Both, Message
from sync.server import admin
from sync.server.auth import engine_of
from sync.server.web import queries, words
from sync.server.web.deps import CurrentSession, PageNotFound, PostedSession, now_of
from sync.server.web.pages import render

router = APIRouter(prefix="/console", include_in_schema=False)
TIME_ZONES = (
    "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Macau", "Asia/Urumqi",
    "Asia/Singapore", "Asia/Kuala_Lumpur", "Asia/Tokyo", "Asia/Seoul", "Asia/Bangkok",
)  # fmt: skip


def _page(
    request: Request, session: CurrentSession, status_code: int = 200, **context: object
) -> HTMLResponse:
    rows = queries.stores(engine_of(request), session.account)
    return render(
        request, "stores.html", session, status_code, stores=rows, time_zones=TIME_ZONES, **context
    )


@router.get("/stores")
def stores_page(request: Request, session: CurrentSession) -> HTMLResponse:
    return _page(request, session)


@router.post("/stores")
def create_store(
    request: Request,
    session: PostedSession,
    name: Annotated[str, Form(max_length=1000)] = "",
    time_zone: Annotated[str, Form(max_length=64)] = "Asia/Shanghai",
) -> Response:
    if not session.account.is_owner:
        raise PageNotFound()
    name = name.strip()
    problem: Both | Message | None = None
    if not name or len(name) > 100 or "\x00" in name:
        problem = words.NAME_NEEDED
    else:
        try:
            ZoneInfo(time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            problem = words.UnknownTimeZone(zone=time_zone)
    if problem is not None:
        return _page(request, session, 400, error=problem, name=name, time_zone=time_zone)
    store_id = admin.create_store(
        engine_of(request), session.account.email, name, time_zone, clock=lambda: now_of(request)
    )
    return RedirectResponse(f"/console/stores/{store_id}", status_code=303)
