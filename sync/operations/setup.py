"""Setup: staff, catalog items and the store's settings: master data the server owns. Counters
and the server edit them; each edit carries a hybrid-clock stamp and the fields it changed, and
the server merges per field, the higher stamp winning (as customers do). Two counters that
create the same item offline end with one: the second is recorded as an alias of the first
(docs/adr/0008-master-data.md)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field

from sync.commission_rules import commission_parts
from sync.member_rules import points_rate_pairs, tier_parts, top_up_pairs
from sync.messages import ROLE_WORDS, Both
from sync.operations.kinds import ChangeKind, ConflictKind, Describer, Family, OperationKind, pick
from sync.operations.payloads import Fen, Id, Lenient
from sync.protocol import RESOLUTION_KEEP_BOTH, RESOLUTION_MERGE

STAFF_SAVED: Final = "staff.saved"
CATALOG_ITEM_SAVED: Final = "catalog.item_saved"
STORE_SETTINGS_SAVED: Final = "store.settings_saved"
CHANGE_STAFF: Final = "staff"
CHANGE_CATALOG_ITEM: Final = "catalog_item"
CHANGE_CATALOG_ALIAS: Final = "catalog_alias"
CHANGE_STORE_SETTINGS: Final = "store_settings"
CONFLICT_DUPLICATE_STAFF: Final = "duplicate_staff"


class StaffSaved(Lenient):
    id: Id
    name: str
    role: Literal["owner", "manager", "front_desk", "technician"]
    skills: list[str] = Field(default_factory=list)
    discount_limit: Fen = 0
    active: bool = True
    phone: str = ""
    pin_hash: str | None = Field(default=None, description="argon2 hash, so PINs work everywhere")


class Stamped(Lenient):
    """What version 2 of a master-data edit adds: when (HLC) and which fields it changed."""

    hlc: str = Field(default="", description="HLC stamp of the edit; empty: stamped on arrival")
    changed: list[str] | None = Field(
        default=None, description="the fields this edit changed; None: all (a new record)"
    )


class StaffSavedV2(StaffSaved, Stamped):
    """Version 2: per-field last writer wins by `hlc`, only the `changed` fields."""


class CatalogItemSaved(Lenient):
    id: Id
    kind: Literal["service", "product"]
    category: str
    name: str
    price: Fen = Field(ge=0)
    duration_min: int | None = None
    skill: str = ""
    sku: str | None = None
    barcode: str | None = None
    cost: Fen = 0
    active: bool = True


class CatalogItemSavedV2(CatalogItemSaved, Stamped):
    """Version 2: per-field last writer wins by `hlc`, only the `changed` fields."""


class PatchTestField(Lenient):
    """What version 3 of a catalog item adds: a service sold only after a valid patch test."""

    needs_patch_test: bool = False


class CatalogItemSavedV3(CatalogItemSavedV2, PatchTestField):
    """Version 3: `needs_patch_test` (docs/patch-tests.md)."""


def _as_v3(item: CatalogItemSavedV2) -> CatalogItemSavedV3:
    """An edit made before patch tests knew nothing of them: it changes every field but that."""
    changed = item.changed
    if changed is None:
        changed = [f for f in CatalogItemSaved.model_fields if f != "id"]
    return CatalogItemSavedV3.model_validate(item.model_dump() | {"changed": changed})


class PointsPriceField(Lenient):
    """What version 4 of a catalog item adds: the points that redeem one unit at checkout
    (0: not redeemable for points; docs/members.md)."""

    points_price: int = Field(default=0, ge=0, le=100_000_000)


class CatalogItemSavedV4(CatalogItemSavedV3, PointsPriceField):
    """Version 4: `points_price`."""


def _as_v4(item: CatalogItemSavedV3) -> CatalogItemSavedV4:
    """An edit made before points prices: it changes every field but that one, so an older
    counter never clears a points price."""
    changed = item.changed
    if changed is None:
        changed = [f for f in CatalogItemSavedV3.model_fields if f in _V3_DATA]
    return CatalogItemSavedV4.model_validate(item.model_dump() | {"changed": changed})


_V3_DATA = (*(f for f in CatalogItemSaved.model_fields if f != "id"), "needs_patch_test")


class StockFields(Lenient):
    """What version 5 of a catalog item adds, for a product: the unit its stock is kept in,
    how many of them one package holds (a 500 ml bottle), and whether each batch received
    needs an expiry date (docs/inventory.md)."""

    unit: Literal["piece", "ml", "g"] = "piece"
    pack_size: int = Field(default=1, ge=1, le=100_000)
    needs_expiry: bool = False


class CatalogItemSavedV5(CatalogItemSavedV4, StockFields):
    """Version 5: `unit`, `pack_size`, `needs_expiry`."""


def _as_v5(item: CatalogItemSavedV4) -> CatalogItemSavedV5:
    """An edit made before stock was kept: it changes every field but those."""
    changed = item.changed
    if changed is None:
        changed = [*_V3_DATA, "points_price"]
    return CatalogItemSavedV5.model_validate(item.model_dump() | {"changed": changed})


class StaffData(StaffSaved):
    """A staff member in the change feed; `stamps`: field → HLC stamp of the value held."""

    stamps: dict[str, str] = Field(default_factory=dict)


class CatalogItemData(CatalogItemSaved, PatchTestField, PointsPriceField, StockFields):
    """A catalog item in the change feed, priced for the store whose feed it is in (a chain's
    store price where one is set); `stamps`: field → HLC stamp of the value held."""

    stamps: dict[str, str] = Field(default_factory=dict)


class CatalogAlias(Lenient):
    """`alias_id` was created offline as a second copy of `item_id`: one item, two ids."""

    alias_id: Id
    item_id: Id
    kind: Literal["service", "product"]


# Store-wide settings: the same on every counter of a store. Printer, paper width, language and
# the counter's ticket prefix stay on each counter. Discount limits are per staff member.
STORE_SETTING_FIELDS: Final = (
    "store_name",
    "address",
    "phone",
    "receipt_header",
    "receipt_footer",
    "time_zone",
    "cutover_hour",
    "rounding",
    "idle_lock_minutes",
    "patch_test_days",
    # Members (docs/adr/0009-member-balances.md)
    "spend_order",
    "offline_allowance",
    "top_up_rules",
    "points_earn_rate",
    "points_per_yuan",
    "points_rates",
    "points_valid_days",
    "tiers",
    "tier_basis",
    "birthday_percent",
    "birthday_service_id",
    # customer classification (salon_pos.domain.customer_class): spend in fen, visits, days
    "class_member_spend",
    "class_member_visits",
    "class_vip_spend",
    "class_vip_visits",
    "class_lapsed_days",
    # the cash drawer (docs/drawer.md): blind close 0 / 1, and limits in fen
    "drawer_blind_close",
    "drawer_variance_reason",
    "drawer_variance_pin",
    "drawer_pay_out_pin",
    # commission (提成): the rules as sync.commission_rules reads them
    "commission_rules",
)
ROUNDING_RULES: Final = ("none", "drop_fen", "drop_jiao")
# The whole-number settings and their highest value (each from 0).
WHOLE_NUMBER_SETTINGS: Final = {
    "cutover_hour": 23,
    "idle_lock_minutes": 240,
    "patch_test_days": 3650,  # 0: a passed patch test never expires
    "class_member_spend": 10**10,
    "class_member_visits": 100_000,
    "class_vip_spend": 10**10,
    "class_vip_visits": 100_000,
    "class_lapsed_days": 3_650,
    "drawer_blind_close": 1,
    "drawer_variance_reason": 100_000_000,
    "drawer_variance_pin": 100_000_000,
    "drawer_pay_out_pin": 100_000_000,
}
SETTING_TEXT_LIMITS: Final = {
    "store_name": 64,
    "address": 200,
    "phone": 40,
    "receipt_header": 2000,
    "receipt_footer": 2000,
}


def store_setting(field: str, value: Any) -> Any:
    """A store-wide setting's value, checked; ValueError says why it is refused."""
    if field not in STORE_SETTING_FIELDS:
        raise ValueError(f"unknown store setting {field}")
    if field in MEMBER_SETTINGS:
        return member_setting(field, value)
    if field == "commission_rules":
        if not isinstance(value, str):
            raise ValueError("commission_rules is not text")
        commission_parts(value)  # BadCommissionRules is a ValueError that says why
        return value
    if field in WHOLE_NUMBER_SETTINGS:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(f"{field} is not a whole number")
        top = WHOLE_NUMBER_SETTINGS[field]
        if not 0 <= value <= top:
            raise ValueError(f"{field} is out of range (0 to {top})")
        return value
    if not isinstance(value, str):
        raise ValueError(f"{field} is not text")
    if field == "rounding" and value not in ROUNDING_RULES:
        raise ValueError("rounding is not one of " + ", ".join(ROUNDING_RULES))
    if field == "time_zone":
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value[:64]}") from None
    if field == "store_name" and not value.strip():
        raise ValueError("store_name is empty")
    if len(value) > SETTING_TEXT_LIMITS.get(field, 2000):
        raise ValueError(f"{field} is too long")
    return value


# Members: the counter's StoreSettings.member_rules reads them (salon_pos/domain/balances.py);
# the checks here are at least as strict, so a counter takes any value the server holds.
SPEND_ORDERS: Final = ("principal_first", "bonus_first", "proportional")
MEMBER_RANGES: Final = {
    "offline_allowance": (0, 10_000_000),  # fen: ¥100,000 at most
    "points_earn_rate": (0, 1000),  # points earned a yuan spent
    "points_per_yuan": (1, 10_000),  # points that pay ¥1
    "points_valid_days": (0, 3650),  # days earned points stay valid; 0: for ever
    "birthday_percent": (1, 100),  # percent of the price paid in the birthday month
}
MEMBER_SETTINGS: Final = (
    "spend_order",
    "top_up_rules",
    "points_rates",
    "tiers",
    "tier_basis",
    "birthday_service_id",
    *MEMBER_RANGES,
)


def member_setting(field: str, value: Any) -> Any:
    if field in MEMBER_RANGES:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(f"{field} is not a whole number")
        bottom, top = MEMBER_RANGES[field]
        if not bottom <= value <= top:
            raise ValueError(f"{field} is out of range ({bottom} to {top})")
        return value
    if not isinstance(value, str):
        raise ValueError(f"{field} is not text")
    if field == "spend_order" and value not in SPEND_ORDERS:
        raise ValueError("spend_order is not one of " + ", ".join(SPEND_ORDERS))
    if field == "top_up_rules":
        top_up_pairs(value)
    if field == "tiers":
        tier_parts(value)
    if field == "tier_basis" and value not in ("spend", "visits"):
        raise ValueError("tier_basis is spend or visits")
    if field == "points_rates":
        points_rate_pairs(value)
    if field == "birthday_service_id" and len(value) > 64:
        raise ValueError("birthday_service_id is not a service id")
    return value


class StoreSettingsSaved(Lenient):
    changed: dict[str, Any] = Field(description="setting → new value, only the changed ones")
    hlc: str = Field(description="HLC stamp of the edit")


class StoreSettingsData(Lenient):
    """The store's settings as the server holds them: only those ever set (a counter keeps its
    own value of a setting nobody has set for the store); `stamps` per setting."""

    values: dict[str, Any] = Field(default_factory=dict)
    stamps: dict[str, str] = Field(default_factory=dict)


def _role(role: Any, say: Describer) -> str:
    words = ROLE_WORDS.get(str(role))
    return words.text(say.language) if words else say.unknown(role)


def _duplicate_staff(d: Mapping[str, Any], say: Describer) -> dict[str, str]:
    return {
        "name": say.unknown(pick(d, "name")),
        "older_role": _role(pick(d, "other_role"), say),
        "newer_role": _role(pick(d, "role"), say),
        "device": say.unknown(say.device(pick(d, "stamp"))),
    }


DUPLICATE_STAFF = ConflictKind(
    name=CONFLICT_DUPLICATE_STAFF,
    resolutions=(RESOLUTION_MERGE, RESOLUTION_KEEP_BOTH),
    title=Both("重名员工", "Staff with the same name"),
    explanation=Both(
        "{device}新建的员工“{name}”（{newer_role}）与已有员工“{name}”（{older_role}）同名，"
        "可能是同一个人在两台收银机上各建了一次。“合并”会停用后建的那位（以往单据仍显示其名字，"
        "其 PIN 不再可用）；如果是两个人，请选“保留两位”。",
        "A staff member “{name}” ({newer_role}) created on {device} has the same name as "
        "“{name}” ({older_role}) already on file: perhaps one person added on two counters. "
        "Merge deactivates the one added later (past tickets keep the name; its PIN stops "
        "working). Keep both if they are two people.",
    ),
    facts=_duplicate_staff,
    concerns=lambda d, say: [pick(d, "name")],
)


def _as_v2(model: type[Lenient]) -> Any:
    return lambda payload: model.model_validate(payload.model_dump())


FAMILY = Family(
    name="setup",
    operations=(
        OperationKind(
            STAFF_SAVED,
            {1: StaffSaved, 2: StaffSavedV2},
            changes=(CHANGE_STAFF,),
            upgrades={1: _as_v2(StaffSavedV2)},
        ),
        OperationKind(
            CATALOG_ITEM_SAVED,
            {
                1: CatalogItemSaved,
                2: CatalogItemSavedV2,
                3: CatalogItemSavedV3,
                4: CatalogItemSavedV4,
                5: CatalogItemSavedV5,
            },
            changes=(CHANGE_CATALOG_ITEM, CHANGE_CATALOG_ALIAS),
            upgrades={1: _as_v2(CatalogItemSavedV2), 2: _as_v3, 3: _as_v4, 4: _as_v5},
        ),
        OperationKind(
            STORE_SETTINGS_SAVED, {1: StoreSettingsSaved}, changes=(CHANGE_STORE_SETTINGS,)
        ),
    ),
    changes=(
        ChangeKind(CHANGE_STAFF, StaffData),
        ChangeKind(CHANGE_CATALOG_ITEM, CatalogItemData),
        ChangeKind(CHANGE_CATALOG_ALIAS, CatalogAlias),
        ChangeKind(CHANGE_STORE_SETTINGS, StoreSettingsData),
    ),
    conflicts=(DUPLICATE_STAFF,),
)
