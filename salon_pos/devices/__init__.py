"""Devices at the counter: the receipt printer (python-escpos behind a small interface).

The checkout service builds a Receipt and hands it to the ReceiptPrinter it was given;
printer_from_settings turns a counter's printer settings into one. See docs/receipts.md.
"""

from typing import TYPE_CHECKING, Any

from salon_pos.devices.errors import (
    InvalidPrinterTarget,
    PrinterFault,
    PrinterUnavailable,
    UnknownPrinterKind,
    UnsupportedPaperWidth,
)
from salon_pos.devices.receipt import Receipt, ReceiptLine, ReceiptTender, render_receipt

if TYPE_CHECKING:
    from salon_pos.devices.printers import DummyPrinter, ReceiptPrinter, printer_from_settings

_PRINTERS = ("DummyPrinter", "ReceiptPrinter", "printer_from_settings")


def __getattr__(name: str) -> Any:
    """The printers load python-escpos, whose printer profiles cost ~190 ms to import: only
    when something prints, not when the app starts."""
    if name in _PRINTERS:
        from salon_pos.devices import printers

        return getattr(printers, name)
    raise AttributeError(name)


__all__ = [
    "DummyPrinter",
    "InvalidPrinterTarget",
    "PrinterFault",
    "PrinterUnavailable",
    "Receipt",
    "ReceiptLine",
    "ReceiptPrinter",
    "ReceiptTender",
    "UnknownPrinterKind",
    "UnsupportedPaperWidth",
    "printer_from_settings",
    "render_receipt",
]
