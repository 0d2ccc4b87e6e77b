"""Operations as a counter would queue them, with sensible defaults a test overrides."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from uuid6 import uuid7

from sync import protocol
from sync.operations import OPERATIONS

AT = datetime(2026, 11, 20, 6, 30, tzinfo=UTC)


def new_id() -> str:
    return str(uuid7())


def operation(device_id: str, seq: int, op_type: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": new_id(),
        "device_id": device_id,
        "seq": seq,
        "type": op_type,
        "occurred_at": AT.isoformat(),
        "payload_version": OPERATIONS[op_type].version if op_type in OPERATIONS else 1,
        "payload": payload,
    }


def sale(
    prices: list[tuple[str, int]] | None = None, customer_id: str | None = None
) -> dict[str, Any]:
    """A sale of the given (item id, list price) lines, paid by two tenders."""
    ticket_id = new_id()
    prices = prices or [(new_id(), 19800), (new_id(), 16800), (new_id(), 12800)]
    lines = [
        {
            "id": new_id(),
            "ticket_id": ticket_id,
            "position": i,
            "kind": "service",
            "item_id": item_id,
            "name": f"项目{i}",
            "quantity": 1,
            "list_price": price,
            "unit_price": price,
            "line_discount": 0,
            "total": price,
            "net_total": price,
            "technician_id": None,
        }
        for i, (item_id, price) in enumerate(prices, 1)
    ]
    total = sum(p for _, p in prices)
    first = total // 2
    payments = [
        {
            "id": new_id(),
            "ticket_id": ticket_id,
            "position": i,
            "kind": kind,
            "tendered": amount,
            "applied": amount,
            "reference": "",
        }
        for i, (kind, amount) in enumerate([("wechat", first), ("cash", total - first)], 1)
    ]
    return {
        "id": ticket_id,
        "number": f"A1-{ticket_id[-6:]}",
        "status": "completed",
        "customer_id": customer_id,
        "cashier_id": new_id(),
        "business_day": "2026-11-20",
        "created_at": AT.isoformat(),
        "completed_at": AT.isoformat(),
        "subtotal": total,
        "line_discounts": 0,
        "ticket_discount": 0,
        "rounding_off": 0,
        "total": total,
        "tendered": total,
        "change": 0,
        "lines": lines,
        "payments": payments,
    }


def balance_entry(
    customer_id: str, account: str, amount: int, reason: str, **more: Any
) -> dict[str, Any]:
    """One member-ledger entry (sync.operations.members.BalanceEntryPayload)."""
    return {
        "id": new_id(),
        "customer_id": customer_id,
        "account": account,
        "amount": amount,
        "reason": reason,
        "created_at": AT.isoformat(),
        **more,
    }


def void(ticket: dict[str, Any]) -> dict[str, Any]:
    return {
        "ticket_id": ticket["id"],
        "number": ticket["number"],
        "approved_by": new_id(),
        "reason": "录错了",
        "voided_at": AT.isoformat(),
        "total": ticket["total"],
    }


def refund(ticket: dict[str, Any], amount: int, whole: bool = False) -> dict[str, Any]:
    line = ticket["lines"][0]
    return {
        "id": new_id(),
        "ticket_id": ticket["id"],
        "number": ticket["number"],
        "refunded_at": AT.isoformat(),
        "business_day": "2026-11-20",
        "cashier_id": new_id(),
        "approved_by": new_id(),
        "reason": "不满意",
        "amount": amount,
        "lines": [{"ticket_line_id": line["id"], "quantity": 1, "amount": amount}],
        "tenders": [{"kind": "cash", "amount": amount}],
        "ticket_refunded": whole,
    }


def customer(
    phone: str = "13800138000", hlc_ms: int | None = None, **fields: Any
) -> dict[str, Any]:
    wall = hlc_ms if hlc_ms is not None else int(AT.timestamp() * 1000)
    return {
        "id": new_id(),
        "name": "张三",
        "phone": phone,
        "gender": "F",
        "birthday": None,
        "notes": "",
        "hlc": protocol.hlc_stamp(wall, 0, "dev"),
        **fields,
    }


def catalog_item(price: int, item_id: str | None = None) -> dict[str, Any]:
    return {
        "id": item_id or new_id(),
        "kind": "service",
        "category": "面部护理",
        "name": "补水保湿护理",
        "price": price,
        "duration_min": 60,
    }


def staff(pin_hash: str = "$argon2id$v=19$m=65536,t=3,p=4$abc$def") -> dict[str, Any]:
    return {"id": new_id(), "name": "李娜", "role": "technician", "pin_hash": pin_hash}
