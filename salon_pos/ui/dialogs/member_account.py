"""A customer's member account: tier, spend and visits; stored value (paid in and bonus),
points and package cards with their sessions left; every entry of the ledgers, newest first.
A manager adjusts points (a reason and a PIN) or refunds the unused stored value (the money
paid in goes back, the bonus is forfeited)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.money import format_money
from salon_pos.services.customers import CustomerProfile
from salon_pos.services.members import MemberService
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.manager_pin import ManagerPinDialog
from salon_pos.ui.models.member_entries import EntryTableModel
from salon_pos.ui.widgets import MessageLine, button, row_table

Work = Callable[[str, str, str], int]  # (manager's PIN, reason, actor) → the figure after


class MemberAccountDialog(QDialog):
    def __init__(
        self, ctx: UiContext, profile: CustomerProfile, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("memberAccount")
        self.setWindowTitle(self.tr("Member account: {name}").format(name=profile.name))
        self._ctx = ctx
        self.profile = profile
        self.approval: ManagerPinDialog | None = None
        self.saving = False  # a decision is on its way to the database
        self.summary = QLabel()
        self.summary.setObjectName("memberSummary")
        self.summary.setWordWrap(True)
        zone = ZoneInfo(ctx.backend.settings.current.time_zone)
        self.entries = EntryTableModel(zone, self)
        self.ledger = row_table("memberLedger", self.entries)
        self.ledger.setAlternatingRowColors(True)
        header = self.ledger.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.points = QSpinBox()
        self.points.setObjectName("pointsChange")
        self.points.setRange(-10_000_000, 10_000_000)
        self.points.setSuffix(self.tr(" points"))
        self.adjust = button(self.tr("Adjust points"), "adjustPoints")
        self.adjust.clicked.connect(self.ask_adjust)
        self.refund = button(self.tr("Refund stored value"), "refundStoredValue", "danger")
        self.refund.clicked.connect(self.ask_refund)
        self.message = MessageLine()
        actions = QHBoxLayout()
        actions.addWidget(self.points)
        actions.addWidget(self.adjust)
        actions.addStretch()
        actions.addWidget(self.refund)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.ledger, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self.resize(760, 520)
        # Points past the store's validity are recorded as expired when the account is shown.
        self.members.expire_points(profile.id, ctx.staff.id if ctx.staff else None)
        self.refresh()

    @property
    def members(self) -> MemberService:
        return self._ctx.backend.members

    def refresh(self) -> None:
        held = self.members.balances(self.profile.id)
        standing = self.members.standing(self.profile.id)
        lines = [
            self.tr("Tier: {tier} · spent {spend} · {visits} visits").format(
                tier=standing.tier.name if standing.tier else "—",
                spend=format_money(standing.spend),
                visits=standing.visits,
            ),
            self.tr(
                "Stored value {total} (paid in {principal}, bonus {bonus}) · {points} points"
            ).format(
                total=format_money(held.stored_value.total),
                principal=format_money(held.principal),
                bonus=format_money(held.bonus),
                points=held.points,
            ),
        ]
        lines += [
            self.tr("{card}: {left} of {sold} sessions left, until {until}").format(
                card=card.name,
                left=card.left,
                sold=card.sold,
                until=card.expires_on.isoformat() if card.expires_on else self.tr("no expiry"),
            )
            for card in held.cards
        ]
        self.summary.setText("\n".join(lines))
        self.refund.setEnabled(held.principal > 0 or held.bonus > 0)
        self.entries.set_rows(self.members.entries(self.profile.id))

    # A manager's actions

    def ask_adjust(self) -> None:
        if self.points.value() == 0:
            self.message.show_error(
                self.tr("Give the points to add, or to take away with a minus.")
            )
            return
        self._ask(self.tr("adjust points"), partial(self._adjust, self.points.value()))

    def ask_refund(self) -> None:
        held = self.members.balances(self.profile.id)
        action = self.tr(
            "refund {principal} of stored value in cash from this counter's drawer"
            " (the {bonus} bonus is forfeited)"
        )
        self._ask(
            action.format(principal=format_money(held.principal), bonus=format_money(held.bonus)),
            self._refund,
        )

    def _ask(self, action: str, then: Work) -> None:
        dialog = ManagerPinDialog(action, self, ask_reason=True)
        dialog.accepted.connect(lambda: self._run(then, dialog.pin, dialog.reason_text()))
        dialog.finished.connect(dialog.deleteLater)
        self.approval = dialog
        dialog.open()

    def _run(self, work: Work, pin: str, reason: str) -> None:
        actor = self._ctx.staff.id if self._ctx.staff else ""
        self._set_saving(True)
        self._ctx.runner.run(lambda: work(pin, reason, actor), self._on_done, self._on_refused)

    def _adjust(self, change: int, pin: str, reason: str, actor: str) -> int:
        return self.members.adjust_points(self.profile.id, change, reason, pin, actor)

    def _refund(self, pin: str, reason: str, actor: str) -> int:
        return self.members.refund_stored_value(self.profile.id, reason, pin, actor)

    def _set_saving(self, saving: bool) -> None:
        """One decision at a time; the dialog stays open until it is saved or refused."""
        self.saving = saving
        for widget in (self.adjust, self.refund, self.points):
            widget.setEnabled(not saving)

    def reject(self) -> None:
        if not self.saving:
            super().reject()

    def _on_done(self, _result: object) -> None:
        self._set_saving(False)
        self._ctx.announce(MemberService.changed(self.profile.id))
        self.points.setValue(0)
        self.message.show_info(self.tr("Saved."))
        self.refresh()

    def _on_refused(self, error: BaseException) -> None:
        self._set_saving(False)
        self.message.show_error(self._ctx.message(error))
