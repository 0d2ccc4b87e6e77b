"""One store's staff (the people who sign in at its counters): the list and a search, adding
and editing a member, setting a PIN, and a CSV import. Every change goes through
sync/server/master_staff.py under the counter's rules, and reaches the counters on their pull."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from salon_pos.domain.pins import InvalidPin
from salon_pos.domain.staff_rules import PinsDiffer
from sync.server import master_staff
from sync.server.auth import engine_of
from sync.server.master_staff import StaffRefused
from sync.server.web import queries, staff_import, words
from sync.server.web.deps import (
    CurrentSession,
    PostedSession,
    StoreRef,
    VisibleStaff,
    VisibleStore,
    now_of,
)
from sync.server.web.pages import render
from sync.server.web.sessions import Session

router = APIRouter(prefix="/console/stores/{store_id}/staff", include_in_schema=False)
Text = Annotated[str, Form(max_length=500)]
Pin = Annotated[str, Form(max_length=32)]
ROLES = tuple(words.ROLE_WORDS)


def _list(
    request: Request,
    session: Session,
    store: StoreRef,
    status_code: int = 200,
    search: str = "",
    **context: Any,
) -> HTMLResponse:
    rows = queries.staff(engine_of(request), store.id, search)
    return render(
        request,
        "staff.html",
        session,
        status_code,
        store=store,
        active=[r for r in rows if r.active],
        inactive=[r for r in rows if not r.active],
        search=search,
        roles=ROLES,
        **({"form": {"role": "technician"}} | context),
    )


def _member(
    request: Request,
    session: Session,
    store: StoreRef,
    staff_id: str,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    member = master_staff.staff_member(engine_of(request), store.id, staff_id)
    form = member | {"skills": ", ".join(member["skills"])} | context.pop("form", {})
    return render(
        request,
        "staff_member.html",
        session,
        status_code,
        store=store,
        member=member,
        form=form,
        roles=ROLES,
        **context,
    )


def typed_pin(pin: str, again: str, required: bool = False) -> str | None:
    """The PIN typed twice, or None when neither box was filled (unless `required`)."""
    if not pin and not again:
        if required:
            raise StaffRefused(InvalidPin())
        return None
    if pin != again:
        raise StaffRefused(PinsDiffer())
    return pin


@router.get("")
def staff_page(
    request: Request, session: CurrentSession, store: VisibleStore, q: str = ""
) -> HTMLResponse:
    return _list(request, session, store, search=q[:100])


@router.post("")
def add_member(
    request: Request,
    session: PostedSession,
    store: VisibleStore,
    name: Text = "",
    role: Text = "technician",
    skills: Text = "",
    phone: Text = "",
    pin: Pin = "",
    pin_again: Pin = "",
) -> Response:
    values = {"name": name, "role": role, "skills": skills, "phone": phone}
    try:
        staff_id = master_staff.add_staff(
            engine_of(request),
            store.id,
            values,
            typed_pin(pin, pin_again),
            lambda: now_of(request),
            by_owner=session.account.is_owner,
        )
    except StaffRefused as refused:
        return _list(request, session, store, 400, error=refused.message, form=values)
    return RedirectResponse(f"/console/stores/{store.id}/staff/{staff_id}?saved=1", 303)


@router.post("/import")
def import_members(
    request: Request, session: PostedSession, store: VisibleStore, file: UploadFile
) -> HTMLResponse:
    """A plain def: FastAPI runs it in a worker thread, its database work off the event loop."""
    data = file.file.read(staff_import.MAX_BYTES + 1)
    try:
        report = staff_import.import_staff(
            engine_of(request),
            store.id,
            data,
            file.filename or "CSV",
            lambda: now_of(request),
            by_owner=session.account.is_owner,
        )
    except staff_import.ImportRefused as refused:
        return _list(request, session, store, 400, error=refused.why)
    return _list(request, session, store, notice=report.summary, report=report)


@router.get("/{staff_id}")
def member_page(
    request: Request,
    session: CurrentSession,
    store: VisibleStore,
    member: VisibleStaff,
    saved: str = "",
) -> HTMLResponse:
    notice = words.STAFF_SAVED if saved else None
    return _member(request, session, store, member.id, notice=notice)


@router.post("/{staff_id}")
def edit_member(
    request: Request,
    session: PostedSession,
    store: VisibleStore,
    member: VisibleStaff,
    name: Text = "",
    role: Text = "technician",
    skills: Text = "",
    phone: Text = "",
    active: Text = "",
    pin: Pin = "",
    pin_again: Pin = "",
) -> Response:
    values: dict[str, Any] = {"name": name, "role": role, "skills": skills, "phone": phone}
    values["active"] = bool(active)
    return _edit(request, session, store, member.id, values, pin, pin_again)


@router.post("/{staff_id}/pin")
def set_pin(
    request: Request,
    session: PostedSession,
    store: VisibleStore,
    member: VisibleStaff,
    pin: Pin = "",
    pin_again: Pin = "",
) -> Response:
    return _edit(request, session, store, member.id, {}, pin, pin_again)


def _edit(
    request: Request,
    session: Session,
    store: StoreRef,
    staff_id: str,
    values: dict[str, Any],
    pin: str,
    pin_again: str,
) -> Response:
    """Save the edit, or show the member's page again with why not (values kept)."""
    try:
        master_staff.edit_staff(
            engine_of(request),
            store.id,
            staff_id,
            values,
            lambda: now_of(request),
            typed_pin(pin, pin_again, required=not values),
            by_owner=session.account.is_owner,
        )
    except StaffRefused as refused:
        form = {"form": values} if values else {}
        return _member(request, session, store, staff_id, 400, error=refused.message, **form)
    return RedirectResponse(f"/console/stores/{store.id}/staff/{staff_id}?saved=1", 303)
