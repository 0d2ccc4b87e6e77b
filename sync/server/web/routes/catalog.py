"""A store's catalog: its services and products (its own and its owner's chain items, at this
store's price), searched like the counter searches; new items, edits, hiding, this store's own
price, sharing to the owner's other stores, and a CSV import in the counter's format. Every
write goes through sync/server/master_data.py, so counters pull it like a counter's edit."""

from __future__ import annotations

from itertools import groupby
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from salon_pos.domain.catalog_rules import PRICE, check_price, parse_minutes, parse_pack_size
from salon_pos.domain.errors import InvalidNumber, RequiredField, UserError
from salon_pos.domain.money import format_yuan, parse_yuan
from salon_pos.domain.search_keys import item_matches, search_text
from salon_pos.domain.stock import check_stock_unit
from sync.messages import Both, Message
from sync.server import master_data
from sync.server.auth import engine_of
from sync.server.master_data import CatalogEntry
from sync.server.web import words
from sync.server.web.deps import CurrentSession, PageNotFound, PostedSession, VisibleStore, now_of
from sync.server.web.pages import money, render
from sync.server.web.sessions import Session

MAX_POINTS_PRICE = 100_000_000  # as the payload allows (sync.operations.setup.PointsPriceField)

router = APIRouter(prefix="/console/stores/{store_id}/catalog", include_in_schema=False)
KINDS = ("service", "product")
MAX_UPLOAD = 2 * 1024 * 1024  # a catalog of thousands of lines is far less
Text = Annotated[str, Form(max_length=200)]


def visible_item(item_id: str, request: Request, store: VisibleStore) -> CatalogEntry:
    """An item the store's catalog has (its own or a chain item); any other id is a 404."""
    entry = master_data.catalog_entry(engine_of(request), store.id, item_id)
    if entry is None:
        raise PageNotFound()
    return entry


def own_item(
    item: Annotated[CatalogEntry, Depends(visible_item)], store: VisibleStore
) -> CatalogEntry:
    """An item made in this store: only there are its fields edited."""
    if item.home_store_id != store.id:
        raise PageNotFound()
    return item


def item_fields(
    category: Text = "",
    name: Text = "",
    price: Annotated[str, Form(max_length=30)] = "",
    duration_min: Annotated[str, Form(max_length=10)] = "",
    skill: Text = "",
    sku: Annotated[str, Form(max_length=64)] = "",
    barcode: Annotated[str, Form(max_length=64)] = "",
    cost: Annotated[str, Form(max_length=30)] = "",
    needs_patch_test: Annotated[str, Form(max_length=5)] = "",
    points_price: Annotated[str, Form(max_length=12)] = "",
    unit: Annotated[str, Form(max_length=20)] = "",
    pack_size: Annotated[str, Form(max_length=20)] = "",
    needs_expiry: Annotated[str, Form(max_length=5)] = "",
) -> dict[str, str]:
    """An item's fields as typed in its form (kept to show again when refused)."""
    return {
        "category": category, "name": name, "price": price, "duration_min": duration_min,
        "skill": skill, "sku": sku, "barcode": barcode, "cost": cost,
        "needs_patch_test": needs_patch_test, "points_price": points_price, "unit": unit,
        "pack_size": pack_size, "needs_expiry": needs_expiry,
    }  # fmt: skip


VisibleItem = Annotated[CatalogEntry, Depends(visible_item)]
OwnItem = Annotated[CatalogEntry, Depends(own_item)]
ItemFields = Annotated[dict[str, str], Depends(item_fields)]


def _clock(request: Request) -> Any:
    return lambda: now_of(request)


def _list_page(
    request: Request,
    session: Session,
    store: VisibleStore,
    status_code: int = 200,
    q: str = "",
    kind: str = "",
    category: str = "",
    **context: Any,
) -> HTMLResponse:
    with engine_of(request).connect() as connection:
        entries = master_data.store_catalog(connection, store.id)
    of_kind = [e for e in entries if not kind or e.kind == kind]
    needle = search_text(q)
    shown = [
        e
        for e in of_kind
        if (not category or e.category == category)
        and item_matches(needle, e.name, e.sku or "", e.barcode or "")
    ]
    groups = [
        (key, list(items)) for key, items in groupby(shown, key=lambda e: (e.kind, e.category))
    ]
    return render(
        request,
        "catalog.html",
        session,
        status_code,
        store=store,
        groups=groups,
        count=len(shown),
        categories=sorted({e.category for e in of_kind}),
        q=q,
        kind=kind,
        category=category,
        **context,
    )


@router.get("")
def catalog_page(
    request: Request,
    session: CurrentSession,
    store: VisibleStore,
    q: Annotated[str, Query(max_length=100)] = "",
    kind: Annotated[str, Query(pattern="^(|service|product)$")] = "",
    category: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    return _list_page(request, session, store, q=q, kind=kind, category=category)


def _values(kind: str, form: dict[str, str]) -> dict[str, Any]:
    """The typed fields as an item's: prices in yuan to fen, the duration in minutes; raises
    the UserError that refuses the form."""
    price = form.get("price", "").strip()
    if not price:
        raise RequiredField(field=PRICE)
    values: dict[str, Any] = {
        "kind": kind,
        "category": form.get("category", ""),
        "name": form.get("name", ""),
        "price": parse_yuan(price),
    }
    if kind == "service":
        values["duration_min"] = parse_minutes(form.get("duration_min", ""), values["name"])
        values["skill"] = form.get("skill", "")
        values["needs_patch_test"] = form.get("needs_patch_test", "") == "1"
    else:
        cost = form.get("cost", "").strip()
        values |= {"sku": form.get("sku", ""), "barcode": form.get("barcode", "")}
        values["cost"] = parse_yuan(cost) if cost else 0
        values |= _stock_fields(values["name"].strip(), form)
    points = form.get("points_price", "").strip()
    if points:  # left out (the new-item forms): as held, none for a new item
        if not (points.isascii() and points.isdigit()) or int(points) > MAX_POINTS_PRICE:
            raise InvalidNumber(text=points[:12])
        values["points_price"] = int(points)
    return values


def _stock_fields(name: str, form: dict[str, str]) -> dict[str, Any]:
    """A product's stock unit, package size and whether a batch needs an expiry date, as the
    counter's product form checks them (domain.stock.check_stock_unit). Read only when the
    form carried them (the unit is always sent by the console's forms): left out, they stay
    as held (piece, 1, no expiry for a new item)."""
    unit = form.get("unit", "").strip()
    if not unit:
        return {}
    pack = parse_pack_size(form.get("pack_size", "") or "1", name) or 1
    check_stock_unit(name, unit, pack)
    return {"unit": unit, "pack_size": pack, "needs_expiry": form.get("needs_expiry") == "1"}


def _check_unit_kept(request: Request, item: CatalogEntry, values: dict[str, Any]) -> None:
    unit, pack_size = values.get("unit", item.unit), values.get("pack_size", item.pack_size)
    with engine_of(request).connect() as connection:
        master_data.check_unit_kept(connection, item, unit, pack_size)


@router.post("/items")
def create_item(
    request: Request,
    session: PostedSession,
    store: VisibleStore,
    kind: Annotated[str, Form(pattern="^(service|product)$")],
    form: ItemFields,
) -> HTMLResponse:
    try:
        values = _values(kind, form)
        master_data.create_catalog_item(engine_of(request), store.id, values, _clock(request))
    except UserError as refused:
        return _list_page(request, session, store, 400, error=refused, form=form, form_kind=kind)
    return _list_page(request, session, store, notice=words.ItemAdded(name=values["name"].strip()))


def _item_page(
    request: Request,
    session: Session,
    store: VisibleStore,
    item: CatalogEntry,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    form = {
        "category": item.category,
        "name": item.name,
        "price": format_yuan(item.item_price),
        "duration_min": str(item.duration_min or ""),
        "skill": item.skill,
        "sku": item.sku or "",
        "barcode": item.barcode or "",
        "cost": format_yuan(item.cost),
        "store_price": format_yuan(item.price),
        "needs_patch_test": "1" if item.needs_patch_test else "",
        "points_price": str(item.points_price),
        "unit": item.unit,
        "pack_size": str(item.pack_size),
        "needs_expiry": "1" if item.needs_expiry else "",
    }
    form |= context.pop("form", {})
    return render(
        request, "catalog_item.html", session, status_code, store=store, item=item, form=form,
        **context,
    )  # fmt: skip


@router.get("/items/{item_id}")
def item_page(
    request: Request, session: CurrentSession, store: VisibleStore, item: VisibleItem
) -> HTMLResponse:
    return _item_page(request, session, store, item)


@router.post("/items/{item_id}")
def edit_item(
    request: Request,
    session: PostedSession,
    store: VisibleStore,
    item: OwnItem,
    form: ItemFields,
) -> HTMLResponse:
    engine = engine_of(request)
    try:
        values = _values(item.kind, form)
        _check_unit_kept(request, item, values)
        master_data.update_catalog_item(
            engine, store.id, item.id, values, _clock(request), session.account.is_owner
        )
    except UserError as refused:
        return _item_page(request, session, store, item, 400, error=refused, form=form)
    return _saved(request, session, store, item.id, words.SAVED)


def _saved(
    request: Request, session: Session, store: VisibleStore, item_id: str, notice: Both | Message
) -> HTMLResponse:
    item = visible_item(item_id, request, store)
    return _item_page(request, session, store, item, notice=notice)


@router.post("/items/{item_id}/active")
def set_active(
    request: Request,
    session: PostedSession,
    store: VisibleStore,
    item: OwnItem,
    active: Annotated[str, Form(pattern="^(0|1)$")],
) -> HTMLResponse:
    engine = engine_of(request)
    try:
        master_data.update_catalog_item(
            engine, store.id, item.id, {"active": active == "1"}, _clock(request),
            session.account.is_owner,
        )  # fmt: skip
    except UserError as refused:
        return _item_page(request, session, store, item, 400, error=refused)
    return _saved(request, session, store, item.id, words.SAVED)


@router.post("/items/{item_id}/price")
def set_store_price(
    request: Request,
    session: PostedSession,
    store: VisibleStore,
    item: VisibleItem,
    store_price: Annotated[str, Form(max_length=30)] = "",
) -> HTMLResponse:
    try:
        if not store_price.strip():
            raise RequiredField(field=PRICE)
        fen = parse_yuan(store_price)
        check_price(item.name, fen)
    except UserError as refused:
        form = {"store_price": store_price}
        return _item_page(request, session, store, item, 400, error=refused, form=form)
    master_data.set_store_price(engine_of(request), store.id, item.id, fen, _clock(request))
    return _saved(request, session, store, item.id, words.PriceSet(price=money(fen)))


@router.post("/items/{item_id}/price/clear")
def clear_store_price(
    request: Request, session: PostedSession, store: VisibleStore, item: VisibleItem
) -> HTMLResponse:
    master_data.clear_store_price(engine_of(request), store.id, item.id, _clock(request))
    return _saved(request, session, store, item.id, words.SAVED)


@router.post("/items/{item_id}/share")
def share(
    request: Request, session: PostedSession, store: VisibleStore, item: OwnItem
) -> HTMLResponse:
    if not session.account.is_owner:
        raise PageNotFound()
    others = master_data.share_item(engine_of(request), item.id, _clock(request))
    return _saved(request, session, store, item.id, words.SharedTo(count=len(others)))


@router.post("/import")
def import_csv(
    request: Request,
    session: PostedSession,
    store: VisibleStore,
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    data = file.file.read(MAX_UPLOAD + 1) if file is not None else b""
    name = (file.filename if file is not None else "") or "catalog.csv"
    problem: Both | UserError | None = None
    if not data:
        problem = words.NO_FILE
    elif len(data) > MAX_UPLOAD:
        problem = words.FILE_TOO_LARGE
    else:
        try:
            report = master_data.import_catalog_csv(
                engine_of(request), store.id, data, name[-100:], _clock(request),
                session.account.is_owner,
            )  # fmt: skip
        except UserError as refused:
            problem = refused
    if problem is not None:
        return _list_page(request, session, store, 400, error=problem, form_kind="import")
    summary = words.Imported(
        created=report.created, updated=report.updated, unchanged=report.unchanged,
        bad=report.bad_rows,
    )  # fmt: skip
    return _list_page(request, session, store, notice=summary, report=report)
