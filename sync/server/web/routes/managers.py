"""Store-manager accounts an owner makes, each limited to the stores it is given."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sync.messages import Both
from sync.server.auth import engine_of
from sync.server.web import accounts, queries, words
from sync.server.web.deps import (
    OwnerSession,
    OwnManager,
    PageNotFound,
    PostedSession,
    now_of,
    visible_store_ids,
)
from sync.server.web.pages import render
from sync.server.web.sessions import Session

router = APIRouter(prefix="/console/managers", include_in_schema=False)


def _page(
    request: Request, session: Session, status_code: int = 200, **context: object
) -> HTMLResponse:
    engine = engine_of(request)
    return render(
        request,
        "managers.html",
        session,
        status_code,
        managers=queries.managers(engine, session.account.id),
        stores=queries.stores(engine, session.account),
        **context,
    )


@router.get("")
def managers_page(request: Request, session: OwnerSession) -> HTMLResponse:
    return _page(request, session)


@router.post("")
def create_manager(
    request: Request,
    session: PostedSession,
    email: Annotated[str, Form(max_length=254)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    stores: Annotated[list[str] | None, Form()] = None,
) -> HTMLResponse:
    if not session.account.is_owner:
        raise PageNotFound()
    engine = engine_of(request)
    wanted = visible_store_ids(engine, session.account, sorted(set(stores or [])))
    email = email.strip().lower()
    problem: Both | None = None
    if "@" not in email or len(email) > 254 or "\x00" in email:
        problem = words.NOT_EMAIL
    elif len(password) < accounts.MIN_PASSWORD:
        problem = words.TOO_SHORT
    elif not wanted:
        problem = words.PICK_STORE
    elif accounts.email_taken(engine, email):
        problem = words.EMAIL_TAKEN
    if problem is not None:
        return _page(request, session, 400, error=problem, email=email)
    accounts.create_manager(engine, session.account.id, email, password, wanted, now_of(request))
    return _page(request, session, notice=words.ManagerCreated(email=email))


@router.get("/{manager_id}/remove")
def remove_page(request: Request, session: OwnerSession, manager: OwnManager) -> HTMLResponse:
    return render(
        request,
        "confirm.html",
        session,
        heading=words.REMOVE_MANAGER,
        warning=words.REMOVE_WARNING,
        button=words.REMOVE,
        subject=manager.email,
        action=f"/console/managers/{manager.id}/remove",
        back="/console/managers",
    )


@router.post("/{manager_id}/remove")
def remove(request: Request, session: PostedSession, manager: OwnManager) -> Response:
    accounts.remove_manager(engine_of(request), manager.id)
    return RedirectResponse("/console/managers", status_code=303)
