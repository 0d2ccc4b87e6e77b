"""What a store's staff list must always satisfy, as pure rules both sides use (the counter's
services/staff_rules.py, and the owner's console and CLI at the sync server): a name; a PIN of 4
to 8 digits (pins.py); no two active managers or owners with one PIN (an approval names its
approver by the PIN alone); at least one active manager or owner, so somebody can always sign
in and approve; someone who becomes a manager or owner gets a new PIN in the same step."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from salon_pos.domain.errors import Both, InvalidChoice, RequiredField, TooLong, UserError
from salon_pos.domain.phone import normalize_phone
from salon_pos.domain.pins import pin_matches
from salon_pos.domain.staff import Role

NAME_MAX = 64  # the staff table's column
APPROVER_ROLES = [r.value for r in Role if r.approves]


class PinTaken(UserError):
    en = (
        "Another active manager or owner already uses this PIN, and approvals tell them apart "
        "by the PIN alone: choose another PIN."
    )
    zh = "已有另一位在职的店长或老板使用这个 PIN，而授权只凭 PIN 识别是谁：请换一个 PIN。"


class LastApprover(UserError):
    en = (
        "{name} is the store's last active manager or owner: someone must always be able to "
        "sign in and approve. Make another person a manager first."
    )
    zh = (
        "{name} 是本店最后一位在职的店长或老板：门店必须始终有人能登录并授权。"
        "请先把另一位员工设为店长。"
    )


class NewPinNeeded(UserError):
    en = (
        "{name} becomes an active manager or owner: set a new PIN for them in the same step "
        "(approvals tell managers apart by the PIN alone)."
    )
    zh = "{name} 将成为在职的店长或老板：请同时为其设置新的 PIN（授权只凭 PIN 识别店长）。"


class OwnersOnly(UserError):
    en = (
        "Only an owner can change an owner's details or PIN, or make someone an owner "
        "(with an owner's own PIN)."
    )
    zh = "只有老板（用老板自己的 PIN）可以修改老板的资料或 PIN，或把员工设为老板。"


class PinsDiffer(UserError):
    en = "The two PINs are not the same: type the new PIN twice."
    zh = "两次输入的 PIN 不一致，请重新输入新 PIN 两次。"


class NegativeDiscountLimit(UserError):
    en = "A discount limit cannot be negative."
    zh = "优惠权限不能为负数。"


def clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise RequiredField(field=Both("姓名", "name"))
    if len(name) > NAME_MAX:
        raise TooLong(field=Both("姓名", "name"), limit=NAME_MAX, length=len(name))
    return name


def clean_role(role: str) -> Role:
    if role not in set(Role):
        raise InvalidChoice(text=role, choices=", ".join(Role))
    return Role(role)


def clean_phone(phone: str) -> str:
    return normalize_phone(phone) if phone.strip() else ""


def clean_limit(fen: int) -> int:
    if fen < 0:
        raise NegativeDiscountLimit()
    return fen


def clean_skills(skills: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s.strip().lower() for s in skills if s.strip()))


def approves(role: str, active: bool) -> bool:
    """An active manager or owner: signs in anywhere in the store and approves with a PIN."""
    return active and Role(role).approves


def refuse_taken_pin(pin: str, approver_hashes: Iterable[str | None]) -> None:
    """PinTaken if the PIN is one of these (the other active approvers' hashes). Argon2 is slow
    on purpose: callers check this before their write transaction."""
    if any(pin_matches(pin_hash, pin) for pin_hash in approver_hashes if pin_hash):
        raise PinTaken()


def refuse_approver_without_pin(name: str, was: bool, becomes: bool, new_pin: bool) -> None:
    """NewPinNeeded when someone becomes an active approver without a new PIN: theirs may be
    another manager's."""
    if becomes and not was and not new_pin:
        raise NewPinNeeded(name=name)


def refuse_last_approver_gone(name: str, was: bool, stays: bool, others: int) -> None:
    """LastApprover when this change takes the store's last active manager or owner away."""
    if was and not stays and others == 0:
        raise LastApprover(name=name)
