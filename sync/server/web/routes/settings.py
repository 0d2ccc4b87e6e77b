"""A store's store-wide settings (sync.operations.setup.STORE_SETTING_FIELDS): shown grouped as
the counter's Settings screen shows them, checked as the server checks a counter's edit
(store_setting), saved through master_data.edit_store_settings so every counter takes them on
its next pull. Only the fields changed on the page are sent: a setting nobody has set for the
store stays each counter's own."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from salon_pos.domain.patch_tests import DEFAULT_VALIDITY_DAYS
from sync.messages import Both, Message
from sync.operations.setup import ROUNDING_RULES, SETTING_TEXT_LIMITS, SPEND_ORDERS, store_setting
from sync.server import master_data
from sync.server.auth import engine_of
from sync.server.web import commission_settings, member_settings, words
from sync.server.web.deps import CurrentSession, PostedSession, StoreRef, VisibleStore, now_of
from sync.server.web.pages import language_of, render
from sync.server.web.routes.stores import TIME_ZONES
from sync.server.web.sessions import Session

router = APIRouter(prefix="/console/stores/{store_id}/settings", include_in_schema=False)
Text = Annotated[str, Form(max_length=4000)]
Sent = Annotated[str | None, Form(max_length=4000)]
GROUPS = (
    (words.STORE_PROFILE, (("store_name", words.STORE_NAME), ("address", words.ADDRESS),
                           ("phone", words.PHONE))),
    (words.RECEIPT, (("receipt_header", words.RECEIPT_HEADER),
                     ("receipt_footer", words.RECEIPT_FOOTER))),
    (words.BUSINESS_DAY_GROUP, (("time_zone", words.TIME_ZONE),
                                ("cutover_hour", words.CUTOVER_HOUR),
                                ("rounding", words.ROUNDING_RULE),
                                ("idle_lock_minutes", words.IDLE_LOCK))),
    (words.PATCH_TEST_GROUP, (("patch_test_days", words.PATCH_TEST_DAYS),)),
    (words.MEMBERS, (("spend_order", words.SPEND_ORDER),
                     ("offline_allowance", words.OFFLINE_ALLOWANCE),
                     ("top_up_rules", words.TOP_UP_RULES),
                     ("points_earn_rate", words.POINTS_EARN_RATE),
                     ("points_per_yuan", words.POINTS_PER_YUAN),
                     ("points_rates", words.POINTS_RATES),
                     ("points_valid_days", words.POINTS_VALID_DAYS),
                     ("tier_basis", words.TIER_BASIS),
                     ("tiers", words.TIERS),
                     ("birthday_percent", words.BIRTHDAY_PERCENT),
                     ("birthday_service_id", words.BIRTHDAY_SERVICE))),
    (words.CUSTOMER_CLASS_GROUP, (("class_member_spend", words.CLASS_MEMBER_SPEND),
                                  ("class_member_visits", words.CLASS_MEMBER_VISITS),
                                  ("class_vip_spend", words.CLASS_VIP_SPEND),
                                  ("class_vip_visits", words.CLASS_VIP_VISITS),
                                  ("class_lapsed_days", words.CLASS_LAPSED_DAYS))),
    (words.DRAWER_GROUP, (("drawer_blind_close", words.DRAWER_BLIND_CLOSE),
                          ("drawer_variance_reason", words.DRAWER_VARIANCE_REASON),
                          ("drawer_variance_pin", words.DRAWER_VARIANCE_PIN),
                          ("drawer_pay_out_pin", words.DRAWER_PAY_OUT_PIN))),
    (commission_settings.W["group"], ((commission_settings.FIELD,
                                        commission_settings.W["label"]),)),
)  # fmt: skip
LABELS = {name: label for _, fields in GROUPS for name, label in fields}
NUMBERS: dict[str, type[Message]] = {
    "cutover_hour": words.HourRange,
    "idle_lock_minutes": words.IdleRange,
    "patch_test_days": words.PatchTestDaysRange,
    "class_member_spend": words.ClassNumber,
    "class_member_visits": words.ClassNumber,
    "class_vip_spend": words.ClassNumber,
    "class_vip_visits": words.ClassNumber,
    "class_lapsed_days": words.ClassNumber,
    "drawer_blind_close": words.DrawerNumber,
    "drawer_variance_reason": words.DrawerNumber,
    "drawer_variance_pin": words.DrawerNumber,
    "drawer_pay_out_pin": words.DrawerNumber,
}
# fen in the settings, whole yuan on the page
YUAN = (
    "class_member_spend", "class_vip_spend", "drawer_variance_reason", "drawer_variance_pin",
    "drawer_pay_out_pin",
)  # fmt: skip
CLASS_DEFAULTS = {  # what a counter starts with (salon_pos.domain.customer_class)
    "class_member_spend": 100_000, "class_member_visits": 5, "class_vip_spend": 1_000_000,
    "class_vip_visits": 24, "class_lapsed_days": 60,
}  # fmt: skip
DRAWER_DEFAULTS = {  # salon_pos.services.settings.StoreSettings
    "drawer_blind_close": 0, "drawer_variance_reason": 0, "drawer_variance_pin": 5_000,
    "drawer_pay_out_pin": 20_000,
}  # fmt: skip


def shown(request: Request, store: StoreRef) -> tuple[dict[str, Any], set[str]]:
    """The values the page shows: the store's, else what a new counter starts with; and which
    were set for the store."""
    held = master_data.store_settings(engine_of(request), store.id)
    defaults = {
        "store_name": store.name, "address": "", "phone": "", "receipt_header": "",
        "receipt_footer": "", "time_zone": store.time_zone,
        "cutover_hour": master_data.DEFAULT_CUTOVER_HOUR, "rounding": "none",
        "idle_lock_minutes": 5,
        "patch_test_days": DEFAULT_VALIDITY_DAYS,
        **member_settings.DEFAULTS,
        commission_settings.FIELD: "",
    } | CLASS_DEFAULTS | DRAWER_DEFAULTS  # fmt: skip
    values: dict[str, Any] = defaults | held
    for name in YUAN:
        values[name] = int(values[name]) // 100
    return values, set(held)


def _page(
    request: Request, session: Session, store: StoreRef, status_code: int = 200, **context: Any
) -> HTMLResponse:
    values, held = shown(request, store)
    values = member_settings.on_page(values, language_of(request)) | context.pop("typed", {})
    with engine_of(request).connect() as connection:
        entries = master_data.store_catalog(connection, store.id)
    commission = commission_settings.on_page(
        str(values[commission_settings.FIELD]), entries, context.pop("commission_typed", None)
    )
    return render(
        request,
        "settings.html",
        session,
        status_code,
        store=store,
        groups=GROUPS,
        values=values,
        held=held,
        rounding_rules=ROUNDING_RULES,
        time_zones=TIME_ZONES,
        spend_orders=SPEND_ORDERS,
        services=_services(entries, str(values["birthday_service_id"])),
        commission=commission,
        **context,
    )


def _services(entries: list[master_data.CatalogEntry], chosen: str) -> list[tuple[str, str]]:
    """The store's services a birthday gift may name (id, "category · name"): the active ones,
    and the one chosen even when it is no longer sold."""
    return [
        (e.id, f"{e.category} · {e.name}")
        for e in entries
        if e.kind == "service" and (e.active or e.id == chosen)
    ]


def checked(typed: dict[str, str], now: dict[str, Any]) -> dict[str, Any]:
    """The settings changed on the page, each checked; SettingRefused names the first bad one."""
    changes: dict[str, Any] = {}
    for name, text in typed.items():
        value: Any = text.strip().replace("\r\n", "\n")
        if name in NUMBERS:
            if not (value.isdigit() and value.isascii()):
                raise SettingRefused(NUMBERS[name](text=text[:20]))
            value = int(value)
        if name in member_settings.FIELDS:
            try:
                value = member_settings.value_of(name, value, typed.get("tier_basis"))
            except member_settings.Refused as refused:
                raise SettingRefused(refused.why) from None
        if value == now[name]:
            continue
        if name in YUAN:
            value *= 100
        try:
            changes[name] = store_setting(name, value)
        except ValueError:
            raise SettingRefused(_why(name, value)) from None
    return changes


def _why(name: str, value: Any) -> Both | Message:
    if name in NUMBERS:
        return NUMBERS[name](text=value)
    if name == "time_zone":
        return words.UnknownTimeZone(zone=str(value)[:64])
    if name == "rounding":
        return words.ROUNDING_UNKNOWN
    if name == "store_name" and not str(value).strip():
        return words.STORE_NAME_NEEDED
    return words.TextTooLong(field=LABELS[name], limit=SETTING_TEXT_LIMITS.get(name, 2000))


class SettingRefused(Exception):
    def __init__(self, why: Both | Message) -> None:
        super().__init__(why)
        self.why = why


@router.get("")
def settings_page(
    request: Request, session: CurrentSession, store: VisibleStore, saved: str = ""
) -> HTMLResponse:
    return _page(request, session, store, notice=words.SETTINGS_SAVED if saved else None)


@router.post("")
def save_settings(
    request: Request,
    session: PostedSession,
    store: VisibleStore,
    store_name: Text = "",
    address: Text = "",
    phone: Text = "",
    receipt_header: Text = "",
    receipt_footer: Text = "",
    time_zone: Text = "",
    cutover_hour: Text = "",
    rounding: Text = "",
    idle_lock_minutes: Text = "",
    patch_test_days: Text = "",
    spend_order: Annotated[str | None, Form(max_length=4000)] = None,  # members: None, not sent
    offline_allowance: Annotated[str | None, Form(max_length=4000)] = None,
    top_up_rules: Annotated[str | None, Form(max_length=4000)] = None,
    points_earn_rate: Annotated[str | None, Form(max_length=4000)] = None,
    points_per_yuan: Annotated[str | None, Form(max_length=4000)] = None,
    points_rates: Annotated[str | None, Form(max_length=4000)] = None,
    points_valid_days: Annotated[str | None, Form(max_length=4000)] = None,
    tiers: Annotated[str | None, Form(max_length=4000)] = None,
    tier_basis: Annotated[str | None, Form(max_length=4000)] = None,
    birthday_percent: Annotated[str | None, Form(max_length=4000)] = None,
    birthday_service_id: Annotated[str | None, Form(max_length=4000)] = None,
    class_member_spend: Text = "",
    class_member_visits: Text = "",
    class_vip_spend: Text = "",
    class_vip_visits: Text = "",
    class_lapsed_days: Text = "",
    drawer_blind_close: Sent = None,  # None: not sent (a page of before them)
    drawer_variance_reason: Sent = None,
    drawer_variance_pin: Sent = None,
    drawer_pay_out_pin: Sent = None,
    commission_rules: Annotated[str | None, Form(max_length=10)] = None,  # the table was sent
    cr_target: Annotated[list[str] | None, Form()] = None,
    cr_how: Annotated[list[str] | None, Form()] = None,
    cr_rotation: Annotated[list[str] | None, Form()] = None,
    cr_requested: Annotated[list[str] | None, Form()] = None,
    commission_stored_value: Annotated[str | None, Form(max_length=20)] = None,
    commission_stored_value_basis: Annotated[str | None, Form(max_length=20)] = None,
    commission_package: Annotated[str | None, Form(max_length=20)] = None,
    commission_session_basis: Annotated[str | None, Form(max_length=20)] = None,
) -> Response:
    typed = {
        "store_name": store_name, "address": address, "phone": phone,
        "receipt_header": receipt_header, "receipt_footer": receipt_footer,
        "time_zone": time_zone, "cutover_hour": cutover_hour, "rounding": rounding,
        "idle_lock_minutes": idle_lock_minutes,
        "patch_test_days": patch_test_days,
        "class_member_spend": class_member_spend, "class_member_visits": class_member_visits,
        "class_vip_spend": class_vip_spend, "class_vip_visits": class_vip_visits,
        "class_lapsed_days": class_lapsed_days,
    }  # fmt: skip
    members = {
        "spend_order": spend_order, "offline_allowance": offline_allowance,
        "top_up_rules": top_up_rules, "points_earn_rate": points_earn_rate,
        "points_per_yuan": points_per_yuan, "points_rates": points_rates,
        "points_valid_days": points_valid_days, "tiers": tiers,
        "tier_basis": tier_basis, "birthday_percent": birthday_percent,
        "birthday_service_id": birthday_service_id,
    }  # fmt: skip
    members |= {
        "drawer_blind_close": drawer_blind_close,
        "drawer_variance_reason": drawer_variance_reason,
        "drawer_variance_pin": drawer_variance_pin, "drawer_pay_out_pin": drawer_pay_out_pin,
    }  # fmt: skip
    typed |= {name: text for name, text in members.items() if text is not None}
    if commission_rules is not None:
        rows = commission_settings.typed_rows(
            cr_target or [], cr_how or [], cr_rotation or [], cr_requested or []
        )
        modes = {
            "stored_value": commission_stored_value or "",
            "stored_value_basis": commission_stored_value_basis or "",
            "package": commission_package or "",
            "session_basis": commission_session_basis or "",
        }
        try:
            typed[commission_settings.FIELD] = commission_settings.rules_text(rows, modes)
        except commission_settings.Refused as refused:
            return _page(
                request, session, store, 400, error=refused.why, typed=typed,
                commission_typed={"rows": rows, "modes": modes},
            )  # fmt: skip
    try:
        changes = checked(typed, shown(request, store)[0])
    except SettingRefused as refused:
        return _page(request, session, store, 400, error=refused.why, typed=typed)
    if not changes:
        return _page(request, session, store, notice=words.NOTHING_CHANGED)
    engine = engine_of(request)
    master_data.edit_store_settings(engine, store.id, changes, lambda: now_of(request))
    return RedirectResponse(f"/console/stores/{store.id}/settings?saved=1", status_code=303)
