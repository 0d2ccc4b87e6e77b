"""Receipts of real tickets: what prints matches what was sold; a dead printer loses nothing."""

from pathlib import Path

import pytest
from sqlalchemy import select

from salon_pos.db.models import AuditEntry
from salon_pos.devices.printers import DummyPrinter
from salon_pos.services.backend import Backend
from salon_pos.services.receipts import ReceiptService
from tests.conftest import Shelf, Team, three_line_sale
from tests.devices.escpos_text import (
    FakeNetworkPrinter,
    closed_port,
    printed_rows_wide,
    printed_text,
)

DRAWER_KICK = b"\x1bp\x00"


def test_the_printed_receipt_matches_the_sale(
    backend: Backend, team: Team, shelf: Shelf, tmp_path: Path
) -> None:
    paper = tmp_path / "receipt.bin"
    backend.settings.update(printer_kind="file", printer_target=str(paper), paper_width_mm=58)
    customer = backend.customers.add("张三", "13800138000")
    sale = backend.checkout.complete_sale(three_line_sale(team, shelf, customer.id))

    outcome = backend.receipts.print_sale(sale.ticket_id, open_drawer=sale.cash_taken)

    assert outcome.printed and outcome.problem is None
    data = paper.read_bytes()
    assert DRAWER_KICK in data
    text = printed_text(data)
    squeezed = "".join(text.split())  # a long store name wraps on 58 mm paper
    for expected in [
        "丽人美容（测试店）",
        "A1-000001",
        "补水保湿护理",
        "日式美甲",
        "玻尿酸精华",
        "李娜",
        "周小敏",
        "张三 138****8000",
        "494.00",
        "300.00",
        "200.00",
        "6.00",
    ]:
        assert "".join(expected.split()) in squeezed, expected
    assert "¥" not in text and "￥" in text


def test_printer_off_keeps_the_sale_says_why_and_reprint_works(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    dead = f"127.0.0.1:{closed_port()}"
    backend.settings.update(printer_kind="network", printer_target=dead)
    sale = backend.checkout.complete_sale(three_line_sale(team, shelf))

    outcome = backend.receipts.print_sale(sale.ticket_id, open_drawer=True)

    assert not outcome.printed and outcome.problem is not None
    assert dead in outcome.problem.message("zh_CN") and dead in outcome.problem.message("en")
    assert [t.number for t in backend.tickets.find()] == [sale.number]  # the sale is saved

    with FakeNetworkPrinter() as printer:
        backend.settings.update(printer_kind="network", printer_target=printer.target)
        again = backend.receipts.reprint(sale.ticket_id, actor_id=team.desk.id)
        received = printer.join()
    assert again.printed
    text = printed_text(received)
    assert "重印" in text and sale.number in text and "补水保湿护理" in text
    assert DRAWER_KICK not in received  # a reprint never opens the drawer
    with backend.db.read() as s:
        actions = list(s.scalars(select(AuditEntry.action)))
    assert actions.count("ticket.reprinted") == 1


def test_no_printer_set_up_is_said_plainly_and_a_refund_shows_on_the_copy(
    backend: Backend, team: Team, shelf: Shelf, tmp_path: Path
) -> None:
    sale = backend.checkout.complete_sale(three_line_sale(team, shelf))
    outcome = backend.receipts.print_sale(sale.ticket_id, open_drawer=True)
    assert not outcome.printed and outcome.problem is not None
    assert "设置" in outcome.problem.message("zh_CN")

    serum = backend.tickets.get(sale.ticket_id).lines[2]
    backend.checkout.refund_lines(
        sale.ticket_id, {serum.id: 1}, Team.MANAGER_PIN, "过敏", team.desk.id
    )
    paper = tmp_path / "copy.bin"
    backend.settings.update(printer_kind="file", printer_target=str(paper))
    assert backend.receipts.reprint(sale.ticket_id, team.desk.id).printed
    text = "".join(printed_text(paper.read_bytes()).split())
    assert "重印" in text and "已退款￥128.00" in text


@pytest.mark.parametrize("paper_width_mm", [58, 80])
def test_a_refunded_reprint_fits_the_paper_and_never_splits_an_amount(
    backend: Backend, team: Team, shelf: Shelf, paper_width_mm: int
) -> None:
    """Was "重印 REPRINT 已退款 ￥" / "198.00" at 80 mm and "…已" / "退款 ￥198.00" at 58 mm."""
    sale = backend.checkout.complete_sale(three_line_sale(team, shelf))
    facial = backend.tickets.get(sale.ticket_id).lines[0]  # ¥198
    backend.checkout.refund_lines(
        sale.ticket_id, {facial.id: 1}, Team.MANAGER_PIN, "过敏", team.desk.id
    )
    backend.settings.update(printer_kind="file", printer_target="unused")
    printer = DummyPrinter("memory", paper_width_mm)
    receipts = ReceiptService(
        backend.db, backend.settings, backend.tickets, backend.clock, lambda _: printer
    )
    assert receipts.reprint(sale.ticket_id, team.desk.id).printed

    rows = printed_rows_wide(printer.output)
    width = {58: 32, 80: 48}[paper_width_mm]
    assert [row for row, columns in rows if columns > width] == []
    texts = [row.strip() for row, _ in rows]
    assert "重印 REPRINT" in " ".join(texts)
    assert any(row.endswith("已退款 ￥198.00") for row in texts)  # the note and its amount whole
    assert not any(row.endswith(("￥", "已")) or row.startswith("退款") for row in texts)
