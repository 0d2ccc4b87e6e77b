"""Guards against a broken Qt binding. PySide6 6.12.0 drops a reference to True on every call of
a Python slot of a QObject; after a few thousand clicks the process dies with "bool_dealloc:
deallocating True" (docs/adr/0004). This fails first, with a reason, if such a release returns."""

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication


class Sender(QObject):
    happened = Signal(object)


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def on_happened(self, _value: object) -> None:
        self.calls += 1


def test_python_slots_leave_reference_counts_alone(qapp: QApplication) -> None:
    sender, receiver = Sender(), Receiver()
    sender.happened.connect(receiver.on_happened)
    before = sys.getrefcount(True)
    for n in range(100):
        sender.happened.emit(n)
    assert receiver.calls == 100
    drift = sys.getrefcount(True) - before  # the broken release: -100, one per call
    assert abs(drift) < 10, "this PySide6 release corrupts reference counts"
