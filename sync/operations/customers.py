"""Customers: created and updated at any counter. Profiles merge per field by hybrid logical
clock, notes only grow, a shared phone is flagged, never merged by itself."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final, Literal

from pydantic import Field

from sync.messages import PROFILE_FIELD_WORDS, SEALED_PROFILE_FIELDS, Both
from sync.operations.kinds import (
    ChangeKind,
    ConflictKind,
    Describer,
    Family,
    OperationKind,
    pick,
)
from sync.operations.payloads import Id, Lenient
from sync.protocol import (
    RESOLUTION_ACCEPT,
    RESOLUTION_KEEP_BOTH,
    RESOLUTION_MERGE,
    RESOLUTION_USE_OTHER,
)

CUSTOMER_CREATED: Final = "customer.created"
CUSTOMER_UPDATED: Final = "customer.updated"
CHANGE_CUSTOMER: Final = "customer"
CONFLICT_FIELD_OVERWRITTEN: Final = "field_overwritten"
CONFLICT_CLOCK_AHEAD: Final = "clock_ahead"
CONFLICT_DUPLICATE_CUSTOMER: Final = "duplicate_customer"


class CustomerCreated(Lenient):
    id: Id
    name: str = Field(min_length=1, max_length=64)
    phone: str = Field(min_length=1, max_length=20)
    gender: Literal["", "F", "M"] = ""
    birthday: date | None = None
    notes: str = ""
    hlc: str = Field(description="hybrid logical clock stamp of the edit (sync.protocol)")


class ProfileFields(Lenient):
    """The profile beyond name and phone (salon_pos/domain/customer_profile.py checks it).
    `allergies` and `health_notes` are sealed with the store key (salon_pos/domain/sealed.py),
    never plain."""

    skin_type: str = ""
    skin_condition: str = ""
    hair_condition: str = ""
    has_allergies: bool = False
    allergies: str = Field(default="", description="sealed (sealed:1:…), or empty")
    health_notes: str = Field(default="", description="sealed (sealed:1:…), or empty")
    preferences: list[str] = Field(default_factory=list)
    product_style: str = ""
    favourite_technician_id: Id | None = None
    tags: list[str] = Field(default_factory=list)
    member_card: str = ""
    source: str = ""
    referred_by: Id | None = None


class CustomerCreatedV2(CustomerCreated, ProfileFields):
    """Version 2: with the profile."""


def _created_v1_to_v2(v1: CustomerCreated) -> CustomerCreatedV2:
    return CustomerCreatedV2(**v1.model_dump())  # what a customer made before had: nothing


class CustomerUpdated(Lenient):
    id: Id
    changed: dict[str, Any] = Field(description="field → new value, only the changed ones")
    before: dict[str, Any] = Field(
        default_factory=dict, description="field → the value the counter replaced"
    )
    hlc: str


class CustomerData(ProfileFields):
    """A customer in the change feed; `stamps`: field → HLC stamp of the value held. The
    profile's fields as in CustomerCreatedV2 (allergies and health notes sealed); a counter
    of before them ignores them."""

    id: Id
    name: str
    phone: str
    gender: str = ""
    birthday: date | None = None
    notes: str = ""
    merged_into: Id | None = None
    stamps: dict[str, str] = Field(default_factory=dict)
    tier: str | None = None  # the member tier the server worked out; None: not yet


FIELD_WORDS = {
    "name": Both("姓名", "name"),
    "phone": Both("电话", "phone"),
    "gender": Both("性别", "gender"),
    "birthday": Both("生日", "birthday"),
    "notes": Both("备注", "notes"),
} | PROFILE_FIELD_WORDS
SEALED_WORDS = Both("（已加密）", "(encrypted)")  # a sealed value is never shown as it is
_PROFILE = Both("资料", "profile")


def field_name(field: Any, language: str) -> str:
    return FIELD_WORDS.get(str(field), _PROFILE if not field else Both(field, field)).text(language)


def side(details: Mapping[str, Any], key: str) -> Any:
    """The value of one side ("winner", "loser") of an overwritten field."""
    found = details.get(key)
    return found.get("value") if isinstance(found, Mapping) else found


def _overwritten(d: Mapping[str, Any], say: Describer) -> dict[str, str]:
    return {
        "field": field_name(pick(d, "field"), say.language),
        "customer": say.unknown(say.customer(pick(d, "customer_id"))),
        "kept": _shown(d, "winner", say),
        "other": _shown(d, "loser", say),
    }


def _shown(d: Mapping[str, Any], key: str, say: Describer) -> str:
    if pick(d, "field") in SEALED_PROFILE_FIELDS:
        return SEALED_WORDS.text(say.language)
    return say.value(side(d, key))


def _duplicate(d: Mapping[str, Any], say: Describer) -> dict[str, str]:
    return {
        "phone": say.unknown(pick(d, "phone")),
        "older": say.unknown(say.customer(pick(d, "other_customer_id"))),
        "newer": say.unknown(say.customer(pick(d, "customer_id"))),
    }


def _clock_ahead(d: Mapping[str, Any], say: Describer) -> dict[str, str]:
    return {
        "device": say.unknown(say.device(pick(d, "stamp"))),
        "customer": say.unknown(say.customer(pick(d, "customer_id"))),
        "stamp": say.moment(pick(d, "stamp")),
        "server": say.moment(pick(d, "clamped_to", "server_time")),
    }


FIELD_OVERWRITTEN = ConflictKind(
    name=CONFLICT_FIELD_OVERWRITTEN,
    resolutions=(RESOLUTION_ACCEPT, RESOLUTION_USE_OTHER),
    title=Both("资料被覆盖", "Profile field overwritten"),
    explanation=Both(
        "客户“{customer}”的{field}在两台收银机上都被修改过。保留了较晚的修改：“{kept}”；另一个值"
        "“{other}”已记入历史。可以保留当前值，或改用另一值。",
        "The {field} of customer {customer} was edited on two counters. The later edit "
        "was kept: “{kept}”. The other value, “{other}”, is kept in the history. Keep "
        "the current value, or use the other value instead.",
    ),
    facts=_overwritten,
    concerns=lambda d, say: [
        say.customer(pick(d, "customer_id")),
        pick(d, "field") and field_name(pick(d, "field"), say.language),
    ],
    resolution_words={RESOLUTION_ACCEPT: Both("保留当前值", "Keep the current value")},
)

DUPLICATE_CUSTOMER = ConflictKind(
    name=CONFLICT_DUPLICATE_CUSTOMER,
    resolutions=(RESOLUTION_MERGE, RESOLUTION_KEEP_BOTH),
    title=Both("重复客户", "Duplicate customer"),
    explanation=Both(
        "两位客户的手机号相同（{phone}）：{older}（先登记）和{newer}。可能是同一个人被登记了两次。"
        "“合并”会把{newer}并入{older}：保留先登记的资料，备注合在一起，之后搜索不再出现{newer}"
        "（以往单据仍显示原名）。如果是两个人，请选“保留两位”。",
        "Two customers have the same phone {phone}: {older} (registered first) and "
        "{newer}. They may be one person registered twice. Merge folds {newer} into "
        "{older}: the first profile stays, the notes are joined, and {newer} no longer "
        "appears in searches (past tickets keep their name). Keep both if they are two "
        "people.",
    ),
    facts=_duplicate,
    concerns=lambda d, say: [
        say.customer(pick(d, "customer_id")),
        say.customer(pick(d, "other_customer_id")),
        pick(d, "phone"),
    ],
)

CLOCK_AHEAD = ConflictKind(
    name=CONFLICT_CLOCK_AHEAD,
    resolutions=(RESOLUTION_ACCEPT,),
    title=Both("时钟超前", "Clock ahead"),
    explanation=Both(
        "{device}的时钟比服务器快：客户“{customer}”的一次修改标记为 {stamp}，晚于服务器时间，"
        "服务器已将其改为 {server}。请检查那台电脑的日期和时间。",
        "The clock of {device} is ahead: an edit of customer {customer} was stamped "
        "{stamp}, later than the server's time, so the server set it to {server}. Check "
        "that computer's date and time.",
    ),
    facts=_clock_ahead,
    concerns=lambda d, say: [say.device(pick(d, "stamp")), say.customer(pick(d, "customer_id"))],
)

FAMILY = Family(
    name="customers",
    operations=(
        OperationKind(
            CUSTOMER_CREATED,
            {1: CustomerCreated, 2: CustomerCreatedV2},
            changes=(CHANGE_CUSTOMER,),
            upgrades={1: _created_v1_to_v2},
        ),
        OperationKind(CUSTOMER_UPDATED, {1: CustomerUpdated}, changes=(CHANGE_CUSTOMER,)),
    ),
    changes=(ChangeKind(CHANGE_CUSTOMER, CustomerData),),
    conflicts=(FIELD_OVERWRITTEN, DUPLICATE_CUSTOMER, CLOCK_AHEAD),
)
