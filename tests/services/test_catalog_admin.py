"""Catalog management at the counter: edit by id, hide and show, categories, search; every
refusal changes nothing."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from salon_pos.db.models import AuditEntry, OutboxOperation, Product, ServiceItem
from salon_pos.domain.errors import (
    DuplicateCode,
    DurationNotPositive,
    InvalidAmount,
    NegativePrice,
    RequiredField,
    UnknownItem,
    UserError,
)
from salon_pos.domain.money import parse_yuan
from salon_pos.domain.ticket import LineKind
from salon_pos.services.backend import Backend
from salon_pos.services.catalog import DuplicateService, ProductOffer, ServiceOffer
from tests.conftest import Shelf


def snapshot(backend: Backend) -> tuple[object, ...]:
    with backend.db.read() as session:
        services = [
            (s.id, s.category, s.name, s.price, s.duration_min, s.skill, s.active)
            for s in session.scalars(select(ServiceItem).order_by(ServiceItem.id))
        ]
        products = [
            (p.id, p.category, p.name, p.sku, p.barcode, p.price, p.cost, p.active)
            for p in session.scalars(select(Product).order_by(Product.id))
        ]
        counts = [
            session.scalar(select(func.count()).select_from(t))
            for t in (OutboxOperation, AuditEntry)
        ]
    return services, products, counts


def last_op(backend: Backend) -> dict[str, object]:
    with backend.db.read() as session:
        op = session.scalars(select(OutboxOperation).order_by(OutboxOperation.seq.desc())).first()
        assert op is not None and op.type == "catalog.item_saved"
        payload: dict[str, object] = json.loads(op.payload)
        return payload


def serum(backend: Backend, shelf: Shelf) -> ProductOffer:
    item = backend.catalog.item(LineKind.PRODUCT, shelf.serum)
    assert isinstance(item, ProductOffer)
    return item


def facial(backend: Backend, shelf: Shelf) -> ServiceOffer:
    item = backend.catalog.item(LineKind.SERVICE, shelf.facial)
    assert isinstance(item, ServiceOffer)
    return item


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (lambda b, s: b.catalog.add_service("面部", "新", parse_yuan("-1"), 30), NegativePrice),
        (lambda b, s: b.catalog.add_service("面部", "新", parse_yuan("abc"), 30), InvalidAmount),
        (lambda b, s: b.catalog.add_service("面部", " ", 100, 30), RequiredField),
        (lambda b, s: b.catalog.add_service("", "新项目", 100, 30), RequiredField),
        (lambda b, s: b.catalog.add_service("面部", "新项目", 100, 0), DurationNotPositive),
        (
            lambda b, s: b.catalog.add_product("护肤品", "面霜", "SKU-9", 100, 0, s.serum_barcode),
            DuplicateCode,
        ),
        (lambda b, s: b.catalog.add_product("护肤品", "面霜", "SKU-001", 100), DuplicateCode),
        (lambda b, s: b.catalog.add_service("美甲", "日式美甲", 100, 30), DuplicateService),
        (lambda b, s: b.catalog.edit(replace(serum(b, s), sku="")), RequiredField),
        (lambda b, s: b.catalog.edit(replace(serum(b, s), price=-100)), NegativePrice),
        (lambda b, s: b.catalog.edit(replace(facial(b, s), duration_min=-5)), DurationNotPositive),
        (
            lambda b, s: b.catalog.edit(replace(facial(b, s), category="美甲", name="日式美甲")),
            DuplicateService,
        ),
        (lambda b, s: b.catalog.edit(replace(facial(b, s), id="nope")), UnknownItem),
    ],
)
def test_bad_catalog_input_is_refused_and_nothing_changes(
    backend: Backend, shelf: Shelf, change: object, error: type[UserError]
) -> None:
    before = snapshot(backend)
    with pytest.raises(error) as raised:
        change(backend, shelf)  # type: ignore[operator]
    assert raised.value.message("zh") and raised.value.message("en")
    assert snapshot(backend) == before


def test_a_product_sku_or_barcode_taken_by_another_is_refused(
    backend: Backend, shelf: Shelf
) -> None:
    other = backend.catalog.add_product("护肤品", "面霜", "SKU-002", 9900, 3000, "6900000000002")
    mine = backend.catalog.item(LineKind.PRODUCT, other.id)
    before = snapshot(backend)
    for edit in ({"sku": "SKU-001"}, {"barcode": shelf.serum_barcode}):
        with pytest.raises(DuplicateCode) as raised:
            backend.catalog.edit(replace(mine, **edit))
        assert "玻尿酸精华" in raised.value.message("zh")
    assert snapshot(backend) == before


def test_edit_by_id_renames_and_reprices_and_tells_the_server(
    backend: Backend, shelf: Shelf
) -> None:
    saved = backend.catalog.edit(replace(facial(backend, shelf), name="深层补水", price=22800))
    assert saved.outcome == "updated" and saved.id == shelf.facial
    item = facial(backend, shelf)
    assert (item.name, item.price) == ("深层补水", 22800)
    payload = last_op(backend)
    assert payload["id"] == shelf.facial and payload["name"] == "深层补水"
    assert payload["price"] == 22800 and payload["active"] is True


def test_hide_and_show(backend: Backend, shelf: Shelf) -> None:
    backend.catalog.set_active(LineKind.PRODUCT, shelf.serum, False)
    assert last_op(backend)["active"] is False
    assert shelf.serum not in {p.id for p in backend.catalog.products()}
    assert not serum(backend, shelf).active
    with pytest.raises(UserError):
        backend.catalog.product_by_barcode(shelf.serum_barcode)
    before = snapshot(backend)
    assert backend.catalog.set_active(LineKind.PRODUCT, shelf.serum, False).outcome == "unchanged"
    assert snapshot(backend) == before
    backend.catalog.edit(replace(serum(backend, shelf), price=13800))  # stays hidden
    assert last_op(backend)["active"] is False and not serum(backend, shelf).active
    backend.catalog.set_active(LineKind.PRODUCT, shelf.serum, True)
    assert shelf.serum in {p.id for p in backend.catalog.products()}


def test_search_by_name_pinyin_sku_and_barcode(backend: Backend, shelf: Shelf) -> None:
    def found(text: str, kind: LineKind | None = None) -> set[str]:
        return {o.name for o in backend.catalog.search(text, kind)}

    assert found("补水") == {"补水保湿护理"}
    assert found("bsbs") == {"补水保湿护理"}
    assert found("rsmj") == {"日式美甲"}
    assert found("sku-001") == {"玻尿酸精华"}
    assert found("69012345") == {"玻尿酸精华"}
    assert found("", LineKind.SERVICE) == {"补水保湿护理", "日式美甲"}
    assert found("zzz") == set()


def test_categories_list_and_rename(backend: Backend, shelf: Shelf) -> None:
    assert backend.catalog.categories() == sorted(["面部护理", "美甲", "护肤品"])
    assert backend.catalog.rename_category("美甲", "美甲美睫") == 1
    assert "美甲美睫" in backend.catalog.categories() and "美甲" not in backend.catalog.categories()
    assert last_op(backend)["category"] == "美甲美睫"
    before = snapshot(backend)
    with pytest.raises(RequiredField):
        backend.catalog.rename_category("美甲美睫", " ")
    assert snapshot(backend) == before
