"""Who may change stock (docs/inventory.md, "Who does what"): a manager or the owner receives,
writes off, sets minimums, keeps suppliers and purchase orders, sends and receives transfers,
starts and posts a stocktake; the front desk may also count on a stocktake a manager started.
A technician changes none of it. Each service checks it inside its own transaction, so a
screen that shows a button by mistake still cannot write."""

from __future__ import annotations

from sqlalchemy.orm import Session

from salon_pos.db.models import Staff
from salon_pos.domain.errors import Both, UnknownStaff, UserError
from salon_pos.domain.staff import Role

STARTING_STOCKTAKE = Both("开始盘点", "start a stocktake")
POSTING_STOCKTAKE = Both("盘点过账", "post a stocktake")
RECEIVING = Both("入库", "receive goods")
WRITING_OFF = Both("报损", "write stock off")
SETTING_MINIMUM = Both("设置最低库存", "set a minimum stock")
KEEPING_SUPPLIERS = Both("维护供应商", "edit suppliers")
KEEPING_CONSUMABLES = Both("设置服务耗材", "set what a service uses up")
KEEPING_ORDERS = Both("处理采购单", "draft, place or cancel purchase orders")
TRANSFERRING = Both("调拨库存", "send or receive a transfer")


class StockNeedsManager(UserError):
    en = "Only a manager or the owner may {action}."
    zh = "只有店长或老板可以{action}。"


class CountingNotAllowed(UserError):
    en = "{name} may not count stock: counting is for the front desk, a manager or the owner."
    zh = "{name} 不能盘点：盘点计数由前台、店长或老板录入。"


def _active(session: Session, staff_id: str) -> Staff:
    staff = session.get(Staff, staff_id) if staff_id else None
    if staff is None or not staff.active:
        raise UnknownStaff(staff_id=staff_id)
    return staff


def check_manages_stock(session: Session, staff_id: str, action: Both) -> None:
    """StockNeedsManager unless an active manager or owner does it."""
    if not Role(_active(session, staff_id).role).approves:
        raise StockNeedsManager(action=action)


def check_counts_stock(session: Session, staff_id: str) -> None:
    """CountingNotAllowed for a technician; UnknownStaff for no one active."""
    staff = _active(session, staff_id)
    if not Role(staff.role).counts_stock:
        raise CountingNotAllowed(name=staff.name)
