"""Receipt printers: the ESC/POS bytes of a receipt, and the connections that carry them.

Every job is built the same way into python-escpos's Dummy, then handed to a connection in one
write, so a network, USB, serial or file printer receives exactly what the tests decode.
"""

from __future__ import annotations

import re
import socket
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any

from escpos.exceptions import Error as EscposError
from escpos.printer import Dummy, File, Network, Serial, Usb

from salon_pos.devices.errors import (
    InvalidPrinterTarget,
    PrinterFault,
    PrinterUnavailable,
    UnknownPrinterKind,
    fault_of,
    status_fault,
)
from salon_pos.devices.receipt import (
    PrintLine,
    Receipt,
    Size,
    columns_for,
    layout_receipt,
    layout_test_page,
)

START = b"\x1b@\x1c&"  # ESC @ resets the printer, FS & reads two-byte GBK characters from here on
SET_SIZE = b"\x1d!"  # GS ! n
TIMEOUT = 3.0  # seconds to connect or write before a printer counts as unavailable
STATUS_TIMEOUT = 0.5  # seconds to wait for a status answer; many printers never answer


def receipt_job(rows: Sequence[PrintLine], open_drawer: bool) -> bytes:
    """The whole job for one printer: every row encoded by us as GBK, never by escpos's magic."""
    job = Dummy()
    job._raw(START)
    if open_drawer:
        job.cashdraw(2)  # first, so the drawer opens while the receipt prints
    size = Size.NORMAL
    for row in rows:
        if row.size is not size:
            job._raw(SET_SIZE + bytes([row.size]))
            size = row.size
        job._raw(row.text.rstrip().encode("gbk", errors="replace") + b"\n")
    job._raw(SET_SIZE + bytes([Size.NORMAL]))
    job.cut()
    output: bytes = job.output
    return output


class ReceiptPrinter(ABC):
    """Prints receipts on one printer; print_receipt and test_print raise PrinterUnavailable."""

    kind = ""
    example = ""  # a valid target, for messages

    def __init__(self, target: str, paper_width_mm: int) -> None:
        columns_for(paper_width_mm)  # refuse an unsupported width when the settings are read
        self.target = target
        self.paper_width_mm = paper_width_mm

    def print_receipt(self, receipt: Receipt, open_drawer: bool) -> None:
        self._send(receipt_job(layout_receipt(receipt, self.paper_width_mm), open_drawer))

    def print_rows(self, rows: Sequence[PrintLine]) -> None:
        """Any slip laid out like a receipt (the close's Z summary)."""
        self._send(receipt_job(rows, False))

    def test_print(self) -> None:
        self._send(receipt_job(layout_test_page(self.paper_width_mm, self.target), False))

    @abstractmethod
    def _send(self, job: bytes) -> None: ...

    def _invalid_target(self) -> InvalidPrinterTarget:
        return InvalidPrinterTarget(target=self.target, kind=self.kind, example=self.example)


class NoPrinter(ReceiptPrinter):
    kind = "none"

    def _send(self, job: bytes) -> None:
        """The counter has no printer: nothing to do."""


class DummyPrinter(ReceiptPrinter):
    """Keeps every job's bytes in memory (python-escpos Dummy), for tests and previews."""

    kind = "dummy"

    def __init__(self, target: str, paper_width_mm: int) -> None:
        super().__init__(target, paper_width_mm)
        self._device = Dummy()

    @property
    def output(self) -> bytes:
        output: bytes = self._device.output
        return output

    def _send(self, job: bytes) -> None:
        self._device._raw(job)


class ConnectedPrinter(ReceiptPrinter):
    """Connects for each job and closes after it, so a printer switched off and on works again."""

    def _send(self, job: bytes) -> None:
        device = self._open()
        try:
            self._deliver(device, job)
        except (OSError, EscposError) as error:
            raise PrinterUnavailable(self.target, fault_of(error)) from error

    def _deliver(self, device: Any, job: bytes) -> None:
        try:
            self._check_ready(device)
            device._raw(job)
        finally:
            device.close()  # a serial port flushes here, so its failure counts too

    def _open(self) -> Any:
        try:
            return self._connect()
        except (OSError, EscposError, RuntimeError, ValueError) as error:  # missing drivers too
            raise PrinterUnavailable(self.target, fault_of(error)) from error

    @abstractmethod
    def _connect(self) -> Any:
        """An opened python-escpos printer."""

    def _check_ready(self, device: Any) -> None:
        """Most connections cannot ask the printer; what was sent is hoped printed."""


class NetworkPrinter(ConnectedPrinter):
    kind = "network"
    example = "192.168.1.87:9100"
    _TARGET = re.compile(r"(?P<host>[\w.-]+)(?::(?P<port>\d{1,5}))?")

    def __init__(self, target: str, paper_width_mm: int, status_timeout: float = STATUS_TIMEOUT):
        super().__init__(target, paper_width_mm)
        match = self._TARGET.fullmatch(target.strip())
        if match is None or not 0 < int(match["port"] or 9100) < 65536:
            raise self._invalid_target()
        self.host, self.port = match["host"], int(match["port"] or 9100)
        self.status_timeout = status_timeout

    def _connect(self) -> Any:
        device = Network(self.host, self.port, timeout=TIMEOUT)
        # Network.open() leaks its socket when the connection fails; create_connection closes it.
        device.device = socket.create_connection((self.host, self.port), timeout=TIMEOUT)
        return device

    def _check_ready(self, device: Any) -> None:
        device.device.settimeout(self.status_timeout)
        try:
            fault = status_fault(lambda request: _status_byte(device, request))
        finally:
            device.device.settimeout(TIMEOUT)
        if fault is not None:
            raise PrinterUnavailable(self.target, fault)


def _status_byte(device: Any, request: bytes) -> int | None:
    """One status byte, or None for no answer or one that is not an ESC/POS status byte.

    Not escpos's is_online()/paper_status(): they raise on a timeout and take silence for
    "offline" or "paper fine"; here silence means "unknown".
    """
    try:
        answer: bytes = device.query_status(request)
    except TimeoutError:
        return None
    return answer[0] if answer and answer[0] & 0x93 == 0x12 else None


class UsbPrinter(ConnectedPrinter):
    kind = "usb"
    example = "0416:5011 (vendor:product, or vendor:product:in_ep:out_ep like 0416:5011:81:03)"
    _TARGET = re.compile(r"([0-9a-f]{4}):([0-9a-f]{4})(?::([0-9a-f]{2}):([0-9a-f]{2}))?", re.I)

    def __init__(self, target: str, paper_width_mm: int) -> None:
        super().__init__(target, paper_width_mm)
        match = self._TARGET.fullmatch(target.strip())
        if match is None:
            raise self._invalid_target()
        vendor, product, in_ep, out_ep = (
            int(part, 16) if part else None for part in match.groups()
        )
        self.ids = {"idVendor": vendor, "idProduct": product}
        self.endpoints = {"in_ep": in_ep or 0x82, "out_ep": out_ep or 0x01}

    def _connect(self) -> Any:
        _require(Usb, self.target)
        device = Usb(**self.ids, **self.endpoints, timeout=int(TIMEOUT * 1000))  # pyusb: ms
        device.open()
        return device


class SerialPrinter(ConnectedPrinter):
    kind = "serial"
    example = "/dev/ttyUSB0:9600 (or COM3:9600; the baud rate defaults to 9600)"
    _TARGET = re.compile(r"(?P<port>[^:\s]+)(?::(?P<baud>\d{3,7}))?")

    def __init__(self, target: str, paper_width_mm: int) -> None:
        super().__init__(target, paper_width_mm)
        match = self._TARGET.fullmatch(target.strip())
        if match is None:
            raise self._invalid_target()
        self.port, self.baudrate = match["port"], int(match["baud"] or 9600)

    def _connect(self) -> Any:
        _require(Serial, self.target)
        device = Serial(self.port, baudrate=self.baudrate, timeout=TIMEOUT)
        device.open()
        device.device.write_timeout = TIMEOUT  # pyserial would wait forever on flow control
        return device


def _require(connection: Any, target: str) -> None:
    """Without pyusb / pyserial, python-escpos raises even from a Usb's __del__: don't build one."""
    if not connection.is_usable():
        raise PrinterUnavailable(target, PrinterFault.DRIVER_MISSING)


class FilePrinter(ConnectedPrinter):
    """Appends each job to a file: a capture for tests, or a device such as /dev/usb/lp0."""

    kind = "file"
    example = "/dev/usb/lp0"

    def __init__(self, target: str, paper_width_mm: int) -> None:
        super().__init__(target.strip(), paper_width_mm)
        if not self.target:
            raise self._invalid_target()

    def _connect(self) -> Any:
        device = _AppendingFile(self.target)
        device.open()
        return device


class _AppendingFile(File):  # type: ignore[misc]  # escpos has no type hints
    """python-escpos's File opens with "wb", so each job would erase the one before."""

    def open(self, raise_not_found: bool = True) -> None:
        self.device = open(self.devfile, "ab")  # noqa: SIM115 - closed by File.close()


KINDS: dict[str, type[ReceiptPrinter]] = {
    printer.kind: printer
    for printer in (NoPrinter, NetworkPrinter, UsbPrinter, SerialPrinter, FilePrinter, DummyPrinter)
}


def printer_from_settings(kind: str, target: str, paper_width_mm: int) -> ReceiptPrinter:
    """The printer a counter's settings describe; a UserError if they make no sense."""
    printer = KINDS.get(kind.strip().lower())
    if printer is None:
        raise UnknownPrinterKind(kind=kind, kinds=", ".join(KINDS))
    return printer(target, paper_width_mm)
