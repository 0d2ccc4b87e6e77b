"""The owner's web console (docs/web-console.md): server-rendered pages under /console for
owners and the store managers they make. Routes in routes/<area>.py, the session, CSRF check
and store scope in deps.py, words in words.py, templates and CSS beside them. Beside it, with
no sign-in, each store's public booking page under /book (docs/online-booking.md)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from sync.messages import Both
from sync.server.online_booking import StoreKeys
from sync.server.web import words
from sync.server.web.deps import FormRefused, PageNotFound, SignInNeeded, optional_session
from sync.server.web.pages import HERE, render
from sync.server.web.rate_limit import OnlineLimits
from sync.server.web.routes import (
    auth,
    booking,
    catalog,
    closes,
    conflicts,
    counters,
    customers,
    managers,
    members,
    reminders,
    reports,
    sales,
    settings,
    staff,
    stock,
    stock_documents,
    stores,
)

AREAS = (
    auth,
    stores,
    counters,
    conflicts,
    managers,
    sales,
    reports,
    catalog,
    staff,
    settings,
    members,
    customers,
    reminders,
    closes,
    stock,
    stock_documents,
)
PUBLIC = (booking,)  # no session: their forms carry a double-submit token of their own


def add_web_console(app: FastAPI) -> None:
    for area in AREAS + PUBLIC:
        app.include_router(area.router)
    app.state.store_keys = StoreKeys()
    app.state.online_limits = OnlineLimits()
    app.mount("/console/static", StaticFiles(directory=HERE / "static"), name="console-static")

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/console/stores", status_code=303)

    @app.exception_handler(SignInNeeded)
    def sign_in_first(_request: Request, _error: SignInNeeded) -> Response:
        return RedirectResponse("/console/login", status_code=303)

    @app.exception_handler(PageNotFound)
    def not_found(request: Request, _error: PageNotFound) -> HTMLResponse:
        return _problem(request, words.NOT_FOUND, 404)

    @app.exception_handler(FormRefused)
    def refused(request: Request, _error: FormRefused) -> HTMLResponse:
        return _problem(request, words.FORBIDDEN, 403)


def _problem(request: Request, text: Both, status_code: int) -> HTMLResponse:
    return render(request, "problem.html", optional_session(request), status_code, problem=text)
