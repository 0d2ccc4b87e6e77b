"""Every synced operation, change entity and conflict kind has all its parts, on both sides:
adding one means one module per side (docs/sync.md, "Adding an operation"), and this test
names whatever is missing."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from salon_pos.services.sync_ops.registry import APPLIERS, BUILDERS
from sync.operations import FAMILIES, REGISTRY, Registry
from sync.operations.conflicts import RESOLUTION_WORDS
from sync.operations.kinds import (
    Both,
    ChangeKind,
    ConflictKind,
    Family,
    OperationKind,
)
from sync.operations.payloads import Lenient
from sync.server.batch import SUMMED, WRITE_ORDER
from sync.server.handlers.registry import resolve
from tests.contract.parts import Sides, missing_parts

DOCS = (Path(__file__).parents[2] / "docs" / "sync.md").read_text(encoding="utf-8")


def real_sides(registry: Registry = REGISTRY) -> Sides:
    return Sides(
        registry=registry,
        handler_for=resolve,
        write_order={t.name for t in WRITE_ORDER + SUMMED},  # inserted, or added up (sums)
        builders=BUILDERS,
        appliers=APPLIERS,
        docs=DOCS,
        resolution_words=RESOLUTION_WORDS,
    )


def test_every_operation_change_and_conflict_has_all_its_parts() -> None:
    assert missing_parts(real_sides()) == []


# The self-check: a family declared in sync/operations with nothing else behind it.

GIFT_CARD_SOLD: Final = "gift_card.sold"


class GiftCardSold(Lenient):
    id: str
    amount: int


UNDECLARED = ConflictKind(
    name="gift_card_oversold",
    resolutions=("refund_the_rest",),
    title=Both("礼品卡超卖", ""),
    explanation=Both("卡 {card} 超卖", "Card {card} oversold by {amount}"),
    facts=lambda details, say: {"card": say.unknown(details.get("card"))},
    concerns=lambda details, say: [],
)
INCOMPLETE = Family(
    name="sales",  # its constant is not in sync/operations/sales.py either
    operations=(OperationKind(GIFT_CARD_SOLD, {1: GiftCardSold}, changes=("gift_card",)),),
    changes=(ChangeKind("gift_card", GiftCardSold),),
    conflicts=(UNDECLARED,),
)


def test_the_check_names_every_part_an_incomplete_operation_lacks() -> None:
    gaps = missing_parts(real_sides(Registry([*FAMILIES, INCOMPLETE])))
    assert [gap for gap in gaps if "gift_card" in gap] == [
        "gift_card.sold: constant in sync/operations/sales.py",
        "gift_card.sold: server handler for version 1",
        "gift_card.sold: client builder",
        "gift_card.sold: docs entry",
        "change gift_card: counter-side applier",
        "change gift_card: docs entry",
        "conflict gift_card_oversold: words for resolution refund_the_rest",
        "conflict gift_card_oversold: title in both languages",
        "conflict gift_card_oversold: explanation in both languages, with the same {fields}",
        "conflict gift_card_oversold: facts for every {field} of the explanation",
        "conflict gift_card_oversold: docs entry",
    ]


def test_a_payload_version_without_a_handler_or_an_upgrade_is_named() -> None:
    class GiftCardSoldV2(GiftCardSold):
        note: str = ""

    sale = REGISTRY.operations["sale.completed"]
    top = sale.version + 1  # a version nothing handles yet, whichever is current
    bumped = OperationKind(sale.name, {**sale.versions, top: GiftCardSoldV2}, sale.changes)
    family = Family("sales", operations=(bumped,))
    others = [f for f in FAMILIES if f.name != "sales"]
    gaps = missing_parts(real_sides(Registry([*others, family])))
    assert f"sale.completed: server handler for version {top}" in gaps
    assert "sale.completed: client builder returning GiftCardSoldV2" in gaps
