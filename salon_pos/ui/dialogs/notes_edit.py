"""A multi-line text field with a line edit's maxLength: the customer form's notes, skin and
hair conditions, allergies and health notes."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit


def shared_start(a: str, b: str) -> int:
    """How many characters a and b have in common at their start."""
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


class NotesEdit(QPlainTextEdit):
    """A QPlainTextEdit with a QLineEdit's maxLength: what is typed or pasted past it is cut."""

    def __init__(self, text: str, max_length: int) -> None:
        super().__init__(text)
        self._max_length = max_length
        self._accepted = text
        self.textChanged.connect(self._on_self_text_changed)

    def maxLength(self) -> int:
        return self._max_length

    def _on_self_text_changed(self) -> None:
        text = self.toPlainText()
        if len(text) > self._max_length:
            text = self._cut(self._accepted, text)
        self._accepted = text

    def _cut(self, before: str, after: str) -> str:
        """Keep of the inserted text only what fits, and put the cursor after it."""
        start = shared_start(before, after)
        tail = shared_start(before[start:][::-1], after[start:][::-1])
        inserted = after[start : len(after) - tail]
        room = max(0, self._max_length - (len(after) - len(inserted)))
        head = after[:start] + inserted[:room]
        text = head + after[len(after) - tail :]
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)
        cursor = self.textCursor()
        cursor.setPosition(len(head.encode("utf-16-le")) // 2)  # Qt counts UTF-16 units
        self.setTextCursor(cursor)
        return text
