"""One store's customers in the owner's console: a search by name or phone, and a customer's
profile. Allergies and health notes are opened with the store's key (a file beside the server,
sync/server/store_keys.py) only for the owner and the store's managers — the only accounts the
console has; a key that is not here yet shows that they cannot be read."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from salon_pos.domain.customer_profile import SEALED_FIELDS
from sync.server import models
from sync.server.auth import engine_of
from sync.server.db import load_json
from sync.server.store_keys import open_field
from sync.server.web.deps import CurrentSession, PageNotFound, VisibleStore
from sync.server.web.pages import render
from sync.server.web.sessions import Session

router = APIRouter(prefix="/console/stores/{store_id}/customers", include_in_schema=False)
CUSTOMER = models.table_of(models.Customer)
STAFF = models.table_of(models.StaffMember)
SHOWN = 200
HEALTH_READERS = ("owner", "manager")  # console accounts; a check, should another kind appear


@router.get("")
def customers_page(
    request: Request, session: CurrentSession, store: VisibleStore, q: str = ""
) -> HTMLResponse:
    query = select(
        CUSTOMER.c.id,
        CUSTOMER.c.name,
        CUSTOMER.c.phone,
        CUSTOMER.c.member_card,
        CUSTOMER.c.has_allergies,
        CUSTOMER.c.tags,
    ).where(CUSTOMER.c.store_id == store.id, CUSTOMER.c.merged_into.is_(None))
    search = q.strip()[:64]
    if search:
        like = f"%{search}%"
        query = query.where(CUSTOMER.c.name.like(like) | CUSTOMER.c.phone.like(like))
    with engine_of(request).connect() as connection:
        rows = connection.execute(query.order_by(CUSTOMER.c.id.desc()).limit(SHOWN)).all()
    found = [dict(r._mapping) | {"tags": load_json(r.tags or "[]")} for r in rows]
    return render(request, "customers.html", session, store=store, customers=found, search=search)


@router.get("/{customer_id}")
def customer_page(
    request: Request, session: CurrentSession, store: VisibleStore, customer_id: str
) -> HTMLResponse:
    with engine_of(request).connect() as connection:
        found = connection.execute(
            select(CUSTOMER).where(CUSTOMER.c.id == customer_id, CUSTOMER.c.store_id == store.id)
        ).first()
        if found is None:
            raise PageNotFound()
        row: dict[str, Any] = dict(found._mapping)
        favourite = row["favourite_technician_id"]
        technician = (
            connection.execute(select(STAFF.c.data).where(STAFF.c.id == favourite)).scalar()
            if favourite
            else None
        )
    row["preferences"] = load_json(row["preferences"] or "[]")
    row["tags"] = load_json(row["tags"] or "[]")
    row["technician"] = load_json(technician).get("name", "") if technician else ""
    health = _health(request, session, store.id, row)
    return render(request, "customer.html", session, store=store, customer=row, health=health)


def _health(
    request: Request, session: Session, store_id: str, row: dict[str, Any]
) -> dict[str, str | None] | None:
    """The opened texts (None for one sealed with a key not here); None for a reader who may
    not see them."""
    if session.account.kind not in HEALTH_READERS:
        return None
    key_dir = request.app.state.settings.store_key_dir
    return {f: open_field(key_dir, store_id, row[f] or "", row["id"], f) for f in SEALED_FIELDS}
