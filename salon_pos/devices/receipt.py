"""What a receipt says, and how it lies on 58 mm or 80 mm paper: pure text, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import IntEnum

from salon_pos.devices.errors import UnsupportedPaperWidth
from salon_pos.domain.money import format_money
from salon_pos.domain.ticket import TenderKind, TotalsStep, totals_steps

YUAN = "￥"  # U+FFE5, two bytes in GBK; U+00A5 "¥" is not in GBK and prints as garbage
COLUMNS = {58: 32, 80: 48}  # Latin columns per row; a Han character takes two
TENDER_LABELS = {kind.value: kind.label_zh for kind in TenderKind}
TOTALS_LABELS = {
    TotalsStep.SUBTOTAL: "小计",
    TotalsStep.LINE_DISCOUNTS: "单项优惠",
    TotalsStep.TICKET_DISCOUNT: "整单优惠",
    TotalsStep.ROUNDING_OFF: "抹零",
    TotalsStep.TOTAL: "合计",
}


@dataclass(frozen=True)
class ReceiptLine:
    name: str
    quantity: int
    unit_price: int  # fen
    line_discount: int  # fen
    total: int  # fen, after the line discount (the row shows it before; the discount below)
    technician: str | None
    member_discount: int = 0  # fen the customer's tier took off the catalog price
    birthday_gift: bool = False  # the member discount is the whole price: the birthday gift
    points: int = 0  # redeemed with these points (the member discount is the whole price)


@dataclass(frozen=True)
class ReceiptTender:
    kind: str  # a TenderKind value: "cash", "bank_card", "wechat", ...
    tendered: int  # fen handed over
    applied: int  # fen counted towards the sale


@dataclass(frozen=True)
class Receipt:
    store_name: str
    store_address: str
    store_phone: str
    ticket_number: str
    printed_at: str  # local time, already formatted
    cashier: str
    customer: str | None  # None for a walk-in
    lines: tuple[ReceiptLine, ...]
    subtotal: int  # after line discounts, like TicketTotals.subtotal
    line_discounts: int
    ticket_discount: int
    rounding_off: int  # 抹零
    total: int
    tenders: tuple[ReceiptTender, ...]
    change: int
    footer: str
    copy_note: str = ""  # "重印 REPRINT", "作废 VOIDED": printed large under the header
    refund_note: str = ""  # "已退款 ￥198.00": beside the copy note if it fits, else below it
    header: str = ""  # the store's lines under its name and address (a slogan, opening hours)
    # A member's: points earned, stored value, points and sessions left after the sale.
    member: tuple[tuple[str, str], ...] = ()


class Size(IntEnum):
    """The argument of GS ! (character size) for a row."""

    NORMAL = 0x00
    TALL = 0x01  # double height: same columns
    BIG = 0x11  # double width and height: half the columns


@dataclass(frozen=True)
class PrintLine:
    text: str  # padded to the row's columns: the paper's, or half of them when BIG
    size: Size = Size.NORMAL


def columns_for(paper_width_mm: int) -> int:
    if paper_width_mm not in COLUMNS:
        raise UnsupportedPaperWidth(width=paper_width_mm)
    return COLUMNS[paper_width_mm]


def render_receipt(receipt: Receipt, paper_width_mm: int) -> list[str]:
    """The receipt as text rows of exactly the paper's width (BIG rows shown normal size)."""
    width = columns_for(paper_width_mm)
    return [preview(row, width) for row in layout_receipt(receipt, paper_width_mm)]


def preview(row: PrintLine, width: int) -> str:
    if row.size is Size.BIG:
        return centered(row.text.strip(), width)[0]
    return row.text


def layout_receipt(receipt: Receipt, paper_width_mm: int) -> list[PrintLine]:
    width = columns_for(paper_width_mm)
    rule = PrintLine("-" * width)
    items = [row for line in receipt.lines for row in _item(line, width)]
    return [
        *_header(receipt, width),
        rule,
        *_ticket_info(receipt, width),
        rule,
        *normal_rows(items),
        rule,
        *_totals(receipt, width),
        rule,
        *_payments(receipt, width),
        rule,
        *_member(receipt, width),
        *normal_rows(row for text in receipt.footer.splitlines() for row in centered(text, width)),
    ]


def layout_test_page(paper_width_mm: int, target: str) -> list[PrintLine]:
    """A short page that shows the width, Chinese and ￥ come out right."""
    width = columns_for(paper_width_mm)
    return [
        *big_rows("打印测试", width),
        *normal_rows(centered("TEST PAGE", width)),
        PrintLine("-" * width),
        *normal_rows(left(f"纸宽 {paper_width_mm} mm, 每行 {width} 列", width)),
        PrintLine(("1234567890" * 5)[:width]),
        PrintLine("中" * (width // 2)),
        *normal_rows(two_columns("金额", yuan(123456), width)),
        *normal_rows(left(f"打印机: {target}", width)),
        PrintLine("-" * width),
    ]


def _header(receipt: Receipt, width: int) -> list[PrintLine]:
    rows = big_rows(receipt.store_name, width)
    if receipt.store_address:
        rows += normal_rows(centered(receipt.store_address, width))
    if receipt.store_phone:
        rows += normal_rows(centered(f"电话: {receipt.store_phone}", width))
    header = receipt.header.splitlines()
    rows += normal_rows(row for text in header for row in centered(text, width))
    for row in phrases((receipt.copy_note, receipt.refund_note), width // 2):
        rows += big_rows(row, width)
    return rows


def _ticket_info(receipt: Receipt, width: int) -> list[PrintLine]:
    fields = [("单号", receipt.ticket_number), ("时间", receipt.printed_at)]
    fields += [("收银", receipt.cashier)]
    if receipt.customer:
        fields += [("顾客", receipt.customer)]
    return normal_rows(row for label, value in fields for row in left(f"{label}: {value}", width))


def _item(line: ReceiptLine, width: int) -> list[str]:
    catalog = line.unit_price + line.member_discount // line.quantity
    price = f"  {yuan(catalog)} x {line.quantity}"
    gross = line.total + line.line_discount + line.member_discount  # discounts follow below
    rows = left(line.name, width) + two_columns(price, yuan(gross), width)
    if line.member_discount:
        label = "  生日礼" if line.birthday_gift else "  会员优惠"
        label = f"  积分兑换 -{line.points} 积分" if line.points else label
        rows += two_columns(label, yuan(-line.member_discount), width)
    if line.line_discount:
        rows += two_columns("  优惠", yuan(-line.line_discount), width)
    if line.technician:
        rows += left(f"  技师: {line.technician}", width)
    return rows


def _totals(receipt: Receipt, width: int) -> list[PrintLine]:
    steps = totals_steps(
        subtotal=receipt.subtotal,
        line_discounts=receipt.line_discounts,
        ticket_discount=receipt.ticket_discount,
        rounding_off=receipt.rounding_off,
        total=receipt.total,
    )
    return [
        PrintLine(row, Size.TALL if step is TotalsStep.TOTAL else Size.NORMAL)
        for step, fen in steps
        for row in two_columns(TOTALS_LABELS[step], yuan(fen), width)
    ]


def _payments(receipt: Receipt, width: int) -> list[PrintLine]:
    rows = [
        row
        for tender in receipt.tenders
        for row in two_columns(
            TENDER_LABELS.get(tender.kind, tender.kind), yuan(tender.tendered), width
        )
    ]
    if receipt.change > 0:
        rows += two_columns("找零", yuan(receipt.change), width)
    return normal_rows(rows)


def _member(receipt: Receipt, width: int) -> list[PrintLine]:
    if not receipt.member:
        return []
    rows = [row for label, value in receipt.member for row in two_columns(label, value, width)]
    return [*normal_rows(rows), PrintLine("-" * width)]


def big_rows(text: str, width: int) -> list[PrintLine]:
    return [PrintLine(row, Size.BIG) for row in centered(text, width // 2)]


def normal_rows(rows: Iterable[str]) -> list[PrintLine]:
    return [PrintLine(row) for row in rows]


def yuan(fen: int) -> str:
    return format_money(fen, symbol=YUAN)


# Text rows. After printable(), a character is either ASCII (one column) or two bytes of GBK,
# which a printer in Chinese mode prints two columns wide: every east_asian_width W/F character,
# and the ambiguous ones (×, ·, —) too, which a terminal would count as one.


def printable(text: str) -> str:
    """Text as the printer will show it: ¥ becomes ￥, whitespace a space, and ? what GBK lacks."""
    return "".join(_printable_char(char) for char in text)


def _printable_char(char: str) -> str:
    if " " <= char <= "~":
        return char
    if char.isspace():
        return " "
    if char == "¥":
        return YUAN
    return char if len(char.encode("gbk", errors="replace")) == 2 else "?"


def display_width(text: str) -> int:
    return sum(1 if char < "\x80" else 2 for char in printable(text))


# A run of ASCII (a word, a number) stays on one row, and so does an amount with its ￥.
_TOKENS = re.compile(r"-?￥?[!-~]+| |.")


def wrap(text: str, width: int) -> list[str]:
    """Break text into rows of at most `width` columns."""
    rows = [""]
    for token in _tokens(printable(text), width):
        if display_width(rows[-1] + token) > width:
            rows.append("")
        if token != " " or rows[-1] or len(rows) == 1:  # no space to start a wrapped row
            rows[-1] += token
    return [row.rstrip() for row in rows]


def _tokens(text: str, width: int) -> Iterator[str]:
    for token in _TOKENS.findall(text):
        if display_width(token) > width:
            yield from token  # a word longer than the row is cut anywhere
        else:
            yield token


def phrases(parts: Iterable[str], width: int) -> list[str]:
    """Phrases side by side while they fit in `width` columns; a phrase that does not goes
    whole onto the next row (and is wrapped only if it is wider than a row by itself)."""
    rows: list[str] = []
    for part in filter(None, (printable(p).strip() for p in parts)):
        if rows and display_width(f"{rows[-1]} {part}") <= width:
            rows[-1] = f"{rows[-1]} {part}"
        else:
            rows += wrap(part, width)
    return rows


def pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def left(text: str, width: int) -> list[str]:
    return [pad(row, width) for row in wrap(text, width)]


def centered(text: str, width: int) -> list[str]:
    rows = wrap(text.strip(), width)
    return [pad(" " * ((width - display_width(row)) // 2) + row, width) for row in rows]


def two_columns(label: str, amount: str, width: int) -> list[str]:
    """Label on the left, amount right-aligned; the amount drops a row if both do not fit."""
    label, amount = printable(label).rstrip(), printable(amount)
    gap = width - display_width(label) - display_width(amount)
    if gap >= 1:
        return [label + " " * gap + amount]
    return [*left(label, width), " " * (width - display_width(amount)) + amount]
