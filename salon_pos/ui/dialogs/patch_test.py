"""A customer's patch tests (皮试): the list, newest first, and a form to record one (what was
tested — a service, a category or a few words —, passed or failed, the date, who did it, a
note). A test is never edited: a mistake is put right by recording another. Opened from the
Customers screen."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.patch_tests import PatchTest, PatchTestResult
from salon_pos.domain.staff import Role
from salon_pos.services.catalog import ServiceOffer
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.customers import CustomerProfile
from salon_pos.services.patch_tests import PatchTestSubject
from salon_pos.ui.context import UiContext
from salon_pos.ui.models.patch_tests import PatchTestTableModel
from salon_pos.ui.widgets import MessageLine, button, qdate, row_table
from sync.operations.patch_tests import CHANGE_PATCH_TEST


class PatchTestDialog(QDialog):
    def __init__(
        self, ctx: UiContext, customer: CustomerProfile, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("patchTestDialog")
        self.setWindowTitle(self.tr("Patch tests: {name}").format(name=customer.name))
        self._ctx, self.customer = ctx, customer
        services = [s for s in ctx.backend.catalog.items(include_hidden=False)]
        self._services = [s for s in services if isinstance(s, ServiceOffer)]
        staff = ctx.backend.staff.list()
        self.model = PatchTestTableModel(self)
        self.model.names = {s.id: s.name for s in self._services} | {m.id: m.name for m in staff}
        self.table = row_table("patchTestTable", self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel(self.tr("No patch test on file yet."))
        self.empty.setObjectName("patchTestEmpty")
        self.empty.setProperty("role", "muted")
        self.subject = self._subjects()
        self.outcome = QComboBox()
        self.outcome.setObjectName("patchTestOutcome")
        self.outcome.addItem(self.tr("Passed"), PatchTestResult.PASSED.value)
        self.outcome.addItem(self.tr("Failed"), PatchTestResult.FAILED.value)
        self.tested_on = QDateEdit(qdate(ctx.backend.patch_tests.today()))
        self.tested_on.setObjectName("patchTestDate")
        self.tested_on.setCalendarPopup(True)
        self.tested_on.setDisplayFormat("yyyy-MM-dd")
        self.technician = QComboBox()
        self.technician.setObjectName("patchTestTechnician")
        self.technician.addItem(self.tr("(not recorded)"), None)
        for member in staff:
            if member.role in (Role.TECHNICIAN, Role.MANAGER, Role.OWNER):
                self.technician.addItem(member.name, member.id)
        self.note = QLineEdit()
        self.note.setObjectName("patchTestNote")
        self.note.setPlaceholderText(self.tr("Product, reaction, anything worth knowing"))
        self.record_button = button(self.tr("Record test"), "recordPatchTest", "primary")
        self.record_button.clicked.connect(self.record)
        self.message = MessageLine()
        self._lay_out()
        self.refresh()

    def _subjects(self) -> QComboBox:
        """Services needing a test first, then their categories; any words typed are a test
        of what they say."""
        combo = QComboBox()
        combo.setObjectName("patchTestSubject")
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        needing = [s for s in self._services if s.needs_patch_test]
        for service in needing:
            combo.addItem(service.name, ("service", service.id))
        for category in sorted({s.category for s in needing}):
            combo.addItem(self.tr("Category: {name}").format(name=category), ("category", category))
        line = combo.lineEdit()
        assert line is not None  # editable
        line.setPlaceholderText(self.tr("A service, a category, or a few words"))
        return combo

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Tested"), self.subject)
        form.addRow(self.tr("Result"), self.outcome)
        form.addRow(self.tr("Date"), self.tested_on)
        form.addRow(self.tr("Technician"), self.technician)
        form.addRow(self.tr("Note"), self.note)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.record_button)
        layout.addWidget(close)
        self.resize(760, 560)

    def refresh(self) -> None:
        tests = self._ctx.backend.patch_tests.tests_of(self.customer.id)  # one indexed read
        self.model.set_rows(tests)
        self.empty.setVisible(not tests)

    def chosen_subject(self) -> PatchTestSubject:
        text = self.subject.currentText().strip()
        index = self.subject.findText(text)
        data = self.subject.itemData(index) if index >= 0 else None
        if data and data[0] == "service":
            return PatchTestSubject(service_id=data[1])
        if data and data[0] == "category":
            return PatchTestSubject(category=data[1])
        return PatchTestSubject(subject=text)

    def tested_date(self) -> date:
        day: QDate = self.tested_on.date()
        return date(day.year(), day.month(), day.day())

    def record(self) -> None:
        tests, actor = self._ctx.backend.patch_tests, self._ctx.staff
        customer_id, subject = self.customer.id, self.chosen_subject()
        result, tested_on = self.outcome.currentData(), self.tested_date()
        technician, note = self.technician.currentData(), self.note.text()
        work = partial(
            tests.record, customer_id, result, tested_on, subject, technician_id=technician,
            note=note, actor_id=actor.id if actor else None,
        )  # fmt: skip
        self.record_button.setEnabled(False)
        self._ctx.runner.run(work, self._on_recorded, self._on_refused)

    def _on_recorded(self, test: PatchTest) -> None:
        self.record_button.setEnabled(True)
        self.note.clear()
        self.refresh()
        self.model.select_in(self.table, test.id)
        self.message.show_info(self.tr("Patch test recorded."))
        self._ctx.announce(Changes.of(CHANGE_PATCH_TEST, test.id) | Changes.of(QUEUED))

    def _on_refused(self, error: BaseException) -> None:
        self.record_button.setEnabled(True)
        self.message.show_error(self._ctx.message(error))
