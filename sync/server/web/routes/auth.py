"""Signing in and out, the password, and the language switch."""

from __future__ import annotations

import math
import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import RedirectResponse

from sync.server.auth import engine_of
from sync.server.web import accounts, sessions, words
from sync.server.web.cookies import clear_cookie, set_cookie
from sync.server.web.deps import (
    SESSION_COOKIE,
    CurrentSession,
    FormRefused,
    PostedSession,
    now_of,
    optional_session,
)
from sync.server.web.pages import LANGUAGE_COOKIE, language_of, render

router = APIRouter(prefix="/console", include_in_schema=False)
# Before there is a session, the sign-in form's CSRF token is a cookie the form repeats.
LOGIN_CSRF_COOKIE = "salon_login_csrf"
HOME = "/console/stores"


@router.get("/")
def console_home() -> RedirectResponse:
    return RedirectResponse(HOME, status_code=303)


@router.get("/login")
def login_page(request: Request) -> Response:
    if optional_session(request) is not None:
        return RedirectResponse(HOME, status_code=303)
    return _login_form(request)


def _login_form(
    request: Request, error: str = "", email: str = "", status_code: int = 200
) -> Response:
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)
    response = render(
        request,
        "login.html",
        None,
        status_code,
        login_csrf=token,
        error=error,
        email=email,
    )
    set_cookie(response, request, LOGIN_CSRF_COOKIE, token, max_age=3600)
    return response


@router.post("/login")
def login(
    request: Request,
    email: Annotated[str, Form(max_length=254)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not secrets.compare_digest(csrf_token.encode(), expected.encode()):
        raise FormRefused()
    engine, now = engine_of(request), now_of(request)
    try:
        account = accounts.sign_in(engine, email, password, now)
    except accounts.SignInRefused as refused:
        if refused.locked_until is None:
            return _login_form(request, words.WRONG_LOGIN.text(language_of(request)), email, 401)
        minutes = max(1, math.ceil((refused.locked_until - now).total_seconds() / 60))
        locked = words.AccountLocked(minutes=minutes).text(language_of(request))
        return _login_form(request, locked, email, 429)
    response = RedirectResponse(HOME, status_code=303)
    set_cookie(response, request, SESSION_COOKIE, sessions.start(engine, account, now))
    clear_cookie(response, request, LOGIN_CSRF_COOKIE)
    return response


@router.post("/logout")
def logout(request: Request, session: PostedSession) -> Response:
    sessions.end(engine_of(request), session.id_hash)
    response = RedirectResponse("/console/login", status_code=303)
    clear_cookie(response, request, SESSION_COOKIE)
    return response


@router.get("/password")
def password_page(request: Request, session: CurrentSession) -> Response:
    return render(request, "password.html", session)


@router.post("/password")
def change_password(
    request: Request,
    session: PostedSession,
    old: Annotated[str, Form(max_length=1024)] = "",
    new: Annotated[str, Form(max_length=1024)] = "",
    again: Annotated[str, Form(max_length=1024)] = "",
) -> Response:
    problem = None
    if len(new) < accounts.MIN_PASSWORD:
        problem = words.TOO_SHORT
    elif new != again:
        problem = words.DIFFERENT
    elif not accounts.change_password(
        engine_of(request), session.account, old, new, session.id_hash
    ):
        problem = words.OLD_WRONG
    if problem is not None:
        return render(request, "password.html", session, 400, error=problem)
    return render(request, "password.html", session, notice=words.PASSWORD_CHANGED)


@router.get("/language")
def switch_language(request: Request, to: str = "zh_CN", back: str = HOME) -> Response:
    """A link, not a form: it changes only how pages read. `back` must be a console page."""
    if not back.startswith("/console/") or back.startswith("//") or "\\" in back:
        back = HOME
    response = RedirectResponse(back, status_code=303)
    set_cookie(response, request, LANGUAGE_COOKIE, "en" if to == "en" else "zh_CN", 365 * 86400)
    return response
