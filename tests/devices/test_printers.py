"""Printers: the bytes decode back to the sale, and a dead printer says so, quickly."""

from __future__ import annotations

import errno
import socket
import time
from pathlib import Path

import pytest
from escpos.exceptions import DeviceNotFoundError

from salon_pos.devices import (
    DummyPrinter,
    InvalidPrinterTarget,
    PrinterFault,
    PrinterUnavailable,
    UnknownPrinterKind,
    UnsupportedPaperWidth,
    printer_from_settings,
    render_receipt,
)
from salon_pos.devices.errors import fault_of, status_fault
from salon_pos.devices.printers import TIMEOUT, NetworkPrinter
from tests.devices.conftest import MakeReceipt
from tests.devices.escpos_text import (
    ASK_CAUSE,
    ASK_ONLINE,
    ASK_PAPER,
    DRAWER_KICK,
    READY,
    FakeNetworkPrinter,
    closed_port,
    printed_rows,
    printed_text,
)


def dummy(paper: int = 58) -> DummyPrinter:
    printer = printer_from_settings("dummy", "", paper)
    assert isinstance(printer, DummyPrinter)
    return printer


@pytest.mark.parametrize("paper", [58, 80])
def test_printed_bytes_decode_to_the_rendered_receipt(
    make_receipt: MakeReceipt, paper: int
) -> None:
    printer = dummy(paper)
    printer.print_receipt(make_receipt(), open_drawer=False)
    rendered = [row.strip() for row in render_receipt(make_receipt(), paper)]
    assert printed_rows(printer.output) == rendered


def test_what_was_sold_is_on_the_paper(make_receipt: MakeReceipt) -> None:
    printer = dummy()
    printer.print_receipt(make_receipt(), open_drawer=True)
    text = printed_text(printer.output)
    for sold in [
        "精油开背",
        "￥198.00 x 2",
        "￥396.00",
        "-￥20.00",
        "技师: 李娜",
        "洗剪吹",
        "技师: Tony",
        "玻尿酸补水面膜",
        "￥25.50 x 3",
        "￥76.50",
        "小计",
        "￥540.50",
        "抹零",
        "-￥0.50",
        "合计",
        "￥510.00",
        "微信支付",
        "￥300.00",
        "现金",
        "￥250.00",
        "找零",
        "￥40.00",
        "谢谢惠顾，欢迎再次光临！",
        "会员热线 400-800-1234",
        "A1-000123",
        "张三 138****8000",
    ]:
        assert sold in text
    assert "¥" not in text


def test_job_starts_in_chinese_mode_sends_gbk_and_ends_with_a_cut(
    make_receipt: MakeReceipt,
) -> None:
    printer = dummy()
    printer.print_receipt(make_receipt(footer="满¥300送¥50"), open_drawer=False)
    out = printer.output
    assert out.startswith(b"\x1b@\x1c&")
    assert "精油开背".encode("gbk") in out and "￥".encode("gbk") == b"\xa3\xa4"
    assert "¥".encode("gb18030") not in out
    assert out.endswith(b"\x1dV\x00")
    assert b"\x1d!\x11" + "丽人坊美容美发".encode("gbk") in out.replace(b" ", b"")


def test_drawer_kick_only_when_asked(make_receipt: MakeReceipt) -> None:
    with_cash, without = dummy(), dummy()
    with_cash.print_receipt(make_receipt(), open_drawer=True)
    without.print_receipt(make_receipt(), open_drawer=False)
    assert with_cash.output.count(DRAWER_KICK) == 1
    assert DRAWER_KICK not in without.output
    assert with_cash.output.replace(DRAWER_KICK, b"") == without.output


def test_test_page(make_receipt: MakeReceipt) -> None:
    printer = dummy(80)
    printer.test_print()
    rows = printed_rows(printer.output)
    assert "打印测试" in rows and "中" * 24 in rows and "纸宽 80 mm, 每行 48 列" in rows


def test_none_printer_prints_nothing_and_does_not_fail(make_receipt: MakeReceipt) -> None:
    printer = printer_from_settings("none", "", 58)
    printer.print_receipt(make_receipt(), open_drawer=True)
    printer.test_print()
    assert printer.kind == "none"


def test_network_printer_receives_the_same_bytes(make_receipt: MakeReceipt) -> None:
    reference = dummy()
    reference.print_receipt(make_receipt(), open_drawer=True)
    with FakeNetworkPrinter(READY) as server:
        printer_from_settings("network", server.target, 58).print_receipt(make_receipt(), True)
        assert server.join() == ASK_ONLINE + ASK_PAPER + reference.output


def test_a_printer_that_does_not_answer_status_still_prints(make_receipt: MakeReceipt) -> None:
    with FakeNetworkPrinter() as server:
        NetworkPrinter(server.target, 58, status_timeout=0.05).print_receipt(make_receipt(), False)
        received = server.join()
    assert received.startswith(ASK_ONLINE) and ASK_PAPER not in received
    assert "精油开背" in printed_text(received)


@pytest.mark.parametrize(
    ("answers", "fault"),
    [
        ({ASK_ONLINE: b"\x1a", ASK_CAUSE: b"\x32"}, PrinterFault.OUT_OF_PAPER),
        ({ASK_ONLINE: b"\x1a", ASK_CAUSE: b"\x16"}, PrinterFault.COVER_OPEN),
        ({ASK_ONLINE: b"\x1a", ASK_CAUSE: b"\x12"}, PrinterFault.OFFLINE),
        ({ASK_ONLINE: b"\x12", ASK_PAPER: b"\x72"}, PrinterFault.OUT_OF_PAPER),
    ],
)
def test_printer_status_stops_the_job(
    make_receipt: MakeReceipt, answers: dict[bytes, bytes], fault: PrinterFault
) -> None:
    with FakeNetworkPrinter(answers) as server:
        printer = printer_from_settings("network", server.target, 58)
        with pytest.raises(PrinterUnavailable) as raised:
            printer.print_receipt(make_receipt(), open_drawer=True)
        received = server.join()
    assert raised.value.reason is fault
    assert fault.zh in raised.value.message("zh_CN") and fault.en in raised.value.message("en")
    assert printed_text(received) == ""  # only status queries were sent


def test_closed_port_fails_fast_naming_the_printer(make_receipt: MakeReceipt) -> None:
    target = f"127.0.0.1:{closed_port()}"
    started = time.monotonic()
    with pytest.raises(PrinterUnavailable) as raised:
        printer_from_settings("network", target, 58).print_receipt(make_receipt(), False)
    assert time.monotonic() - started < TIMEOUT
    assert raised.value.reason is PrinterFault.REFUSED
    assert raised.value.message("zh_CN").startswith(f"小票打印机 {target} 不可用：连接被拒绝")
    assert target in raised.value.message("en") and "refused" in raised.value.message("en")


def test_printer_switched_back_on_prints_on_the_next_try(make_receipt: MakeReceipt) -> None:
    port = closed_port()
    printer = printer_from_settings("network", f"127.0.0.1:{port}", 58)
    with pytest.raises(PrinterUnavailable):
        printer.print_receipt(make_receipt(), open_drawer=False)
    with FakeNetworkPrinter(READY, port=port) as server:
        printer.print_receipt(make_receipt(copy_note="重印 REPRINT"), open_drawer=False)
        assert "重印 REPRINT" in printed_text(server.join())


def test_file_printer_appends_each_job(make_receipt: MakeReceipt, tmp_path: Path) -> None:
    path = tmp_path / "receipts.bin"
    printer = printer_from_settings("file", str(path), 80)
    printer.print_receipt(make_receipt(), open_drawer=False)
    printer.print_receipt(make_receipt(ticket_number="A1-000124"), open_drawer=False)
    text = printed_text(path.read_bytes())
    assert "A1-000123" in text and "A1-000124" in text and text.count("精油开背") == 2


def test_file_printer_in_a_missing_folder(make_receipt: MakeReceipt, tmp_path: Path) -> None:
    target = str(tmp_path / "missing" / "lp0")
    with pytest.raises(PrinterUnavailable) as raised:
        printer_from_settings("file", target, 58).print_receipt(make_receipt(), False)
    assert raised.value.reason is PrinterFault.NOT_FOUND
    assert target in raised.value.message("zh_CN") and "找不到设备" in raised.value.message()


@pytest.mark.parametrize(("kind", "target"), [("usb", "ffff:fffe"), ("serial", "/dev/ttyNOPE9")])
def test_usb_and_serial_printers_that_are_not_there(
    make_receipt: MakeReceipt, kind: str, target: str
) -> None:
    with pytest.raises(PrinterUnavailable) as raised:
        printer_from_settings(kind, target, 58).print_receipt(make_receipt(), False)
    assert raised.value.reason in {PrinterFault.DRIVER_MISSING, PrinterFault.NOT_FOUND}
    assert target in raised.value.message("en")


def test_targets_are_parsed() -> None:
    network = printer_from_settings("network", "192.168.1.87", 58)
    assert (network.host, network.port) == ("192.168.1.87", 9100)  # type: ignore[attr-defined]
    usb = printer_from_settings("USB", "0416:5011:81:03", 58)
    assert usb.ids == {"idVendor": 0x0416, "idProduct": 0x5011}  # type: ignore[attr-defined]
    assert usb.endpoints == {"in_ep": 0x81, "out_ep": 0x03}  # type: ignore[attr-defined]
    serial = printer_from_settings("serial", "/dev/ttyUSB0:19200", 58)
    assert (serial.port, serial.baudrate) == ("/dev/ttyUSB0", 19200)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("kind", "target"),
    [
        ("network", ""),
        ("network", "printer:99999"),
        ("network", "a b:9100"),
        ("usb", "0416-5011"),
        ("usb", "0416:5011:81"),
        ("serial", ""),
        ("file", "  "),
    ],
)
def test_malformed_targets_are_refused(kind: str, target: str) -> None:
    with pytest.raises(InvalidPrinterTarget) as raised:
        printer_from_settings(kind, target, 58)
    assert kind in raised.value.message("zh_CN") and "like" in raised.value.message("en")


def test_unknown_kind_and_paper_width_are_refused() -> None:
    with pytest.raises(UnknownPrinterKind) as raised:
        printer_from_settings("bluetooth", "AA:BB", 58)
    assert "bluetooth" in raised.value.message("zh_CN") and "network" in raised.value.message("en")
    with pytest.raises(UnsupportedPaperWidth):
        printer_from_settings("dummy", "", 76)


@pytest.mark.parametrize(
    ("error", "fault"),
    [
        (TimeoutError(), PrinterFault.TIMED_OUT),
        (socket.gaierror(-2, "Name or service not known"), PrinterFault.HOST_NOT_FOUND),
        (OSError(errno.EHOSTUNREACH, "No route to host"), PrinterFault.UNREACHABLE),
        (BrokenPipeError(), PrinterFault.CONNECTION_LOST),
        (PermissionError(errno.EACCES, "denied"), PrinterFault.NO_PERMISSION),
        (RuntimeError("requires a usb library"), PrinterFault.DRIVER_MISSING),
        (DeviceNotFoundError("gone"), PrinterFault.NOT_FOUND),
    ],
)
def test_faults_are_named(error: BaseException, fault: PrinterFault) -> None:
    wrapped = DeviceNotFoundError("Could not open socket")
    wrapped.__context__ = error
    assert fault_of(error) is fault and fault_of(wrapped) is fault


def test_status_without_answers_is_unknown_not_a_fault() -> None:
    assert status_fault(lambda request: None) is None
    assert status_fault({ASK_ONLINE: 0x12, ASK_PAPER: 0x1E}.get) is None  # paper low: still prints
