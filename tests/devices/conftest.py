"""A receipt factory: a realistic sale, with any field overridden by keyword."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from salon_pos.devices import Receipt, ReceiptLine, ReceiptTender

MakeReceipt = Callable[..., Receipt]


def _sale() -> Receipt:
    return Receipt(
        store_name="丽人坊美容美发",
        store_address="上海市徐汇区漕溪北路 88 号",
        store_phone="021-6488 1234",
        ticket_number="A1-000123",
        printed_at="2026-11-23 14:05",
        cashier="王芳",
        customer="张三 138****8000",
        lines=(
            ReceiptLine("精油开背", 2, 198_00, 20_00, 376_00, "李娜"),
            ReceiptLine("洗剪吹", 1, 68_00, 0, 68_00, "Tony"),
            ReceiptLine("玻尿酸补水面膜", 3, 25_50, 0, 76_50, None),
        ),
        subtotal=520_50,
        line_discounts=20_00,
        ticket_discount=10_00,
        rounding_off=50,
        total=510_00,
        tenders=(ReceiptTender("wechat", 300_00, 300_00), ReceiptTender("cash", 250_00, 210_00)),
        change=40_00,
        footer="谢谢惠顾，欢迎再次光临！\n会员热线 400-800-1234",
    )


@pytest.fixture
def make_receipt() -> MakeReceipt:
    def make(**overrides: Any) -> Receipt:
        return replace(_sale(), **overrides)

    return make
