"""A store's sync conflicts, and resolving one: through the same `conflict.resolved` handler as
a counter's decision (sync/server/resolutions.py), so every counter pulls the outcome."""

from __future__ import annotations

from functools import partial
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from sync.messages import Both
from sync.operations import CONFLICTS, REGISTRY
from sync.protocol import RESOLUTION_ACCEPT
from sync.server.admin import AdminError
from sync.server.auth import engine_of
from sync.server.resolutions import CONFLICT, AlreadyResolved, NoteNeeded, resolve_conflict
from sync.server.web import words
from sync.server.web.conflicts import store_conflicts
from sync.server.web.deps import (
    CurrentSession,
    PageNotFound,
    PostedSession,
    StoreRef,
    VisibleStore,
    now_of,
)
from sync.server.web.pages import language_of, render
from sync.server.web.sessions import Session

router = APIRouter(prefix="/console/stores/{store_id}/conflicts", include_in_schema=False)
NOTE_LIMIT = 500  # as a balance entry's note


def _page(
    request: Request,
    session: Session,
    store: StoreRef,
    status_code: int = 200,
    error: Both | None = None,
    resolved: str = "",
    conflict_type: str = "",
    typed: tuple[str, str] = ("", ""),
) -> HTMLResponse:
    """`typed`: (conflict id, note) of a refused decision, shown again in its form."""
    language = language_of(request)
    shown = store_conflicts(engine_of(request), store, language, conflict_type)
    done = next((c for c in shown if c.id == resolved and not c.open), None)
    notice = words.ConflictClosed(title=done.title, resolution=done.resolution) if done else None
    return render(
        request,
        "conflicts.html",
        session,
        status_code,
        store=store,
        open_conflicts=[c for c in shown if c.open],
        resolved_conflicts=[c for c in shown if not c.open],
        error=error,
        notice=notice,
        conflict_type=conflict_type,
        type_title=CONFLICTS[conflict_type].title if conflict_type in CONFLICTS else None,
        typed=typed,
    )


@router.get("")
def conflicts_page(
    request: Request,
    session: CurrentSession,
    store: VisibleStore,
    resolved: Annotated[str, Query(max_length=36)] = "",
    type: Annotated[str, Query(max_length=32)] = "",  # the page's filter: one kind
) -> HTMLResponse:
    return _page(request, session, store, resolved=resolved, conflict_type=type)


@router.post("/{conflict_id}")
def resolve(
    request: Request,
    session: PostedSession,
    store: VisibleStore,
    conflict_id: str,
    resolution: Annotated[str, Form(max_length=16)] = "",
    note: Annotated[str, Form(max_length=4000)] = "",
    view: Annotated[str, Form(max_length=32)] = "",  # the page's filter, kept after the post
) -> Response:
    engine = engine_of(request)
    with engine.connect() as connection:
        conflict_type = connection.execute(
            select(CONFLICT.c.type).where(
                CONFLICT.c.id == conflict_id, CONFLICT.c.store_id == store.id
            )
        ).scalar()
    if conflict_type is None:
        raise PageNotFound()  # another store's conflict, or none: the same answer
    # What the handler takes: one the kind offers (the buttons), or accept ("keep what happened").
    again = partial(_page, request, session, store, conflict_type=view, typed=(conflict_id, note))
    if resolution not in (*REGISTRY.resolutions_of(conflict_type), RESOLUTION_ACCEPT):
        return again(400, error=words.PICK_RESOLUTION)
    if len(note.strip()) > NOTE_LIMIT:
        return again(400, error=words.NOTE_TOO_LONG)
    try:
        resolve_conflict(
            engine,
            store.id,
            conflict_id,
            resolution,
            resolved_by=session.account.id,  # shown as the account's email (web/conflicts.py)
            clock=lambda: now_of(request),
            note=note,
        )
    except AlreadyResolved:
        return again(409, error=words.CONFLICT_STALE)
    except NoteNeeded:
        return again(400, error=words.WRITE_OFF_NEEDS_REASON)
    except AdminError:
        return again(400, error=words.PICK_RESOLUTION)
    shown = f"&type={quote(view)}" if view else ""
    return RedirectResponse(
        f"/console/stores/{store.id}/conflicts?resolved={conflict_id}{shown}", status_code=303
    )
