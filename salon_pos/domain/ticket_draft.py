"""A ticket being rung up, put aside (挂单) and taken up again: its lines as the cashier rang
them (technician, 点钟, technicians' shares, discount, points), the customer, the ticket
discount and a note — not its payments — and the versioned JSON a counter keeps it as. Pure:
no SQL, no Qt."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from salon_pos.domain.errors import Both, EmptyTicket, UserError
from salon_pos.domain.shares import StaffShare, check_shares
from salon_pos.domain.ticket import LineKind, PricedLine, check_fen

DRAFT_VERSION = 2


def _with_provenance(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 → 2: lines learnt 点钟 and technicians' shares; an older line had neither."""
    lines = data.get("lines")
    if isinstance(lines, list):
        lines = [
            {"requested": False, "shares": []} | line if isinstance(line, dict) else line
            for line in lines
        ]
    return data | {"lines": lines, "version": 2}


# Steps that read an older draft as the next version: {from_version: step}. A draft parked by
# an older app is upgraded on load.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _with_provenance}


class ParkedTicketUnreadable(UserError):
    en = "This parked ticket cannot be read ({reason}): ring it up again, then cancel it."
    zh = "这张挂单无法读取（{reason}），请重新开单后将其取消。"


class ParkedTicketTooNew(UserError):
    en = "This parked ticket was saved by a newer version of the app (format {version})."
    zh = "这张挂单由更新版本的软件保存（格式 {version}），请先升级本机软件。"


@dataclass(frozen=True)
class DraftShare:
    """A technician's share of a line several worked on (多人合作), in basis points of 10,000,
    with their name as shown when it was rung up."""

    staff_id: str
    name: str
    share: int

    def staff_share(self) -> StaffShare:
        return StaffShare(self.staff_id, self.share)


@dataclass(frozen=True)
class DraftLine:
    kind: LineKind
    item_id: str
    name: str
    unit_price: int  # per unit as rung up: member price, 0 when redeemed, a top-up's amount
    quantity: int = 1
    line_discount: int = 0
    technician_id: str | None = None
    technician: str = ""  # the technician's name as shown when parked
    skill: str = ""  # which technicians may perform it
    category: str = ""  # the catalog's, as rung up
    list_price: int | None = None  # the catalog price, when the line is not sold at it
    points_price: int = 0  # points that redeem one unit (0: not for points)
    redeem_points: bool = False  # paid with points, not money
    # A manager's approval to sell it without a patch test, as services.patch_tests writes it.
    patch_test_waiver: Mapping[str, Any] | None = field(default=None, hash=False)
    requested: bool = False  # the customer asked for this technician by name (点钟)
    shares: tuple[DraftShare, ...] = ()  # several technicians' shares; (): the technician's

    @property
    def catalog_price(self) -> int:
        """What the catalog asked for one unit when the line was rung up."""
        return self.list_price if self.list_price is not None else self.unit_price

    def priced(self) -> PricedLine:
        member_discount = (self.catalog_price - self.unit_price) * self.quantity
        return PricedLine(
            self.kind,
            self.item_id,
            self.name,
            self.quantity,
            self.unit_price,
            self.line_discount,
            self.technician_id,
            self.list_price,
            member_discount if self.list_price is not None else 0,
            self.category,
        )


@dataclass(frozen=True)
class TicketDraft:
    lines: tuple[DraftLine, ...]
    customer_id: str | None = None
    ticket_discount: int = 0
    note: str = ""  # what the front desk wants to remember ("等染发", a booking's time)

    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines)

    def validate(self) -> None:
        """Each line's amounts as a ticket allows them; a draft has at least one line."""
        if not self.lines:
            raise EmptyTicket()
        for line in self.lines:
            line.priced().validate()
            check_shares(line.name, line.technician_id, [s.staff_share() for s in line.shares])
        check_fen(Both("整单优惠", "ticket discount"), self.ticket_discount)

    def label(self) -> str:
        """A name for the list when nobody gave one: its first line, and how many more."""
        more = len(self.lines) - 1
        return self.lines[0].name + (f" +{more}" if more > 0 else "") if self.lines else ""

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": DRAFT_VERSION,
                "customer_id": self.customer_id,
                "ticket_discount": self.ticket_discount,
                "note": self.note,
                "lines": [_line_json(line) for line in self.lines],
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> TicketDraft:
        """The draft `to_json` wrote (any version up to this one); ParkedTicketUnreadable or
        ParkedTicketTooNew for anything else — never a KeyError or a TypeError."""
        try:
            data = json.loads(text)
        except (ValueError, TypeError) as error:
            raise _unreadable("不是 JSON", "not JSON") from error
        if not isinstance(data, dict):
            raise _unreadable("不是对象", "not an object")
        version = data.get("version")
        if type(version) is not int or version < 1:
            raise _unreadable("没有版本号", "no version")
        if version > DRAFT_VERSION:
            raise ParkedTicketTooNew(version=version)
        while version < DRAFT_VERSION:
            data, version = UPGRADES[version](data), version + 1
        lines = _get(data, "lines", list)
        draft = cls(
            lines=tuple(_line_from(item) for item in lines),
            customer_id=_get(data, "customer_id", str, optional=True),
            ticket_discount=_get(data, "ticket_discount", int),
            note=_get(data, "note", str),
        )
        draft.validate()
        return draft


def _line_json(line: DraftLine) -> dict[str, Any]:
    return {
        "kind": line.kind.value,
        "item_id": line.item_id,
        "name": line.name,
        "unit_price": line.unit_price,
        "quantity": line.quantity,
        "line_discount": line.line_discount,
        "technician_id": line.technician_id,
        "technician": line.technician,
        "skill": line.skill,
        "category": line.category,
        "list_price": line.list_price,
        "points_price": line.points_price,
        "redeem_points": line.redeem_points,
        "patch_test_waiver": dict(line.patch_test_waiver) if line.patch_test_waiver else None,
        "requested": line.requested,
        "shares": [{"staff_id": s.staff_id, "name": s.name, "share": s.share} for s in line.shares],
    }


def _line_from(item: object) -> DraftLine:
    if not isinstance(item, dict):
        raise _unreadable("明细不是对象", "a line is not an object")
    kind = _get(item, "kind", str)
    if kind not in {k.value for k in LineKind}:
        raise _unreadable(f"未知的明细类型 {kind}", f"unknown line kind {kind}")
    return DraftLine(
        kind=LineKind(kind),
        item_id=_get(item, "item_id", str),
        name=_get(item, "name", str),
        unit_price=_get(item, "unit_price", int),
        quantity=_get(item, "quantity", int),
        line_discount=_get(item, "line_discount", int),
        technician_id=_get(item, "technician_id", str, optional=True),
        technician=_get(item, "technician", str),
        skill=_get(item, "skill", str),
        category=_get(item, "category", str),
        list_price=_get(item, "list_price", int, optional=True),
        points_price=_get(item, "points_price", int),
        redeem_points=_get(item, "redeem_points", bool),
        patch_test_waiver=_get(item, "patch_test_waiver", dict, optional=True),
        requested=_get(item, "requested", bool),
        shares=tuple(_share_from(share) for share in _get(item, "shares", list)),
    )


def _share_from(item: object) -> DraftShare:
    if not isinstance(item, dict):
        raise _unreadable("分成不是对象", "a share is not an object")
    return DraftShare(
        _get(item, "staff_id", str), _get(item, "name", str), _get(item, "share", int)
    )


def _get(data: dict[str, Any], key: str, kind: type, optional: bool = False) -> Any:
    """data[key] of exactly `kind` (an int is not a bool), or None when optional."""
    value = data.get(key)
    if value is None and optional:
        return None
    if type(value) is not kind:
        raise _unreadable(f"字段 {key} 缺失或类型错误", f"field {key} missing or of a wrong type")
    return value


def _unreadable(zh: str, en: str) -> ParkedTicketUnreadable:
    return ParkedTicketUnreadable(reason=Both(zh, en))
