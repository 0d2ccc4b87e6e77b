"""Devices at the counter: the receipt printer (python-escpos behind a small interface).

The checkout service builds a Receipt and hands it to the ReceiptPrinter it was given;
printer_from_settings turns a counter's printer settings into one. See docs/receipts.md.
"""

from salon_pos.devices.errors import (
    InvalidPrinterTarget,
    PrinterFault,
    PrinterUnavailable,
    UnknownPrinterKind,
    UnsupportedPaperWidth,
)
from salon_pos.devices.printers import DummyPrinter, ReceiptPrinter, printer_from_settings
from salon_pos.devices.receipt import Receipt, ReceiptLine, ReceiptTender, render_receipt

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
