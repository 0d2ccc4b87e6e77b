"""A customer's profile beyond name and phone: skin, hair, preferences, tags, member card and
where the customer came from. The choices are codes (stored and sent as they are), with their
words in both languages; the counter and the server check a value with the same function.

Allergies and health notes are text like the notes, but sealed (domain/sealed.py): they are
checked before sealing by `health_text_problem`, and travel and rest only as sealed values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from salon_pos.domain.errors import Both, InvalidChoice, TooLong, UserError
from sync.messages import PROFILE_FIELD_WORDS, SEALED_PROFILE_FIELDS

FIELD_WORDS: Final = PROFILE_FIELD_WORDS
SEALED_FIELDS: Final = SEALED_PROFILE_FIELDS  # sealed with the store key (domain/sealed.py)

SKIN_TYPES: Final = {
    "": Both("未填", "not given"),
    "dry": Both("干性", "dry"),
    "oily": Both("油性", "oily"),
    "combination": Both("混合性", "combination"),
    "normal": Both("中性", "normal"),
    "sensitive": Both("敏感性", "sensitive"),
}
PREFERENCES: Final = {
    "whitening": Both("美白", "whitening"),
    "anti_aging": Both("抗衰老", "anti-aging"),
    "moisturizing": Both("补水保湿", "moisturizing"),
}
PRODUCT_STYLES: Final = {
    "": Both("无偏好", "no preference"),
    "natural": Both("天然产品", "natural products"),
    "active": Both("功效型产品", "active products"),
}
SOURCES: Final = {
    "": Both("未填", "not given"),
    "walk_in": Both("到店", "walk-in"),
    "referral": Both("转介绍", "referral"),
    "online": Both("线上", "online"),
}

# The longest of each free-text field one edit may carry (the server refuses more).
TEXT_LIMITS: Final = {
    "skin_condition": 500,
    "hair_condition": 500,
    "member_card": 32,
    "allergies": 1_000,
    "health_notes": 2_000,
}
TAG_MAX: Final = 16  # characters of one tag
TAGS_MAX: Final = 20  # tags on one customer

# The fields of this module, with what each holds: the sealed two are never plain anywhere.
TEXT_FIELDS: Final = ("skin_condition", "hair_condition", "member_card")
CHOICE_FIELDS: Final = {"skin_type": SKIN_TYPES, "product_style": PRODUCT_STYLES, "source": SOURCES}
LIST_FIELDS: Final = ("preferences", "tags")
ID_FIELDS: Final = ("favourite_technician_id", "referred_by")
PROFILE_FIELDS: Final = (
    "skin_type",
    "skin_condition",
    "hair_condition",
    "has_allergies",
    "allergies",
    "health_notes",
    "preferences",
    "product_style",
    "favourite_technician_id",
    "tags",
    "member_card",
    "source",
    "referred_by",
)


class TooManyTags(UserError):
    en = "A customer has at most {limit} tags (got {count})."
    zh = "每位客户最多 {limit} 个标签（当前 {count} 个）。"


class UnknownReferrer(UserError):
    en = "No customer has the phone {phone}: add the referrer first, or leave it empty."
    zh = "没有手机号为 {phone} 的客户：请先登记介绍人，或留空。"


class ReferrerIsSelf(UserError):
    en = "A customer cannot be referred by themselves."
    zh = "客户不能是自己的介绍人。"


def _choices(words: Mapping[str, Both]) -> str:
    return " / ".join(code for code in words if code)


def checked_tags(tags: Sequence[str]) -> list[str]:
    """Tags trimmed, blanks and repeats dropped, order kept; TooLong or TooManyTags."""
    seen: list[str] = []
    for tag in tags:
        tag = tag.strip()
        if len(tag) > TAG_MAX:
            raise TooLong(field=Both("标签", "tag"), limit=TAG_MAX, length=len(tag))
        if tag and tag not in seen:
            seen.append(tag)
    if len(seen) > TAGS_MAX:
        raise TooManyTags(limit=TAGS_MAX, count=len(seen))
    return seen


def checked_preferences(preferences: Sequence[str]) -> list[str]:
    """The preference codes in the order of PREFERENCES; InvalidChoice for an unknown one."""
    for code in preferences:
        if code not in PREFERENCES:
            raise InvalidChoice(text=code, choices=_choices(PREFERENCES))
    return [code for code in PREFERENCES if code in preferences]


def checked_field(field: str, value: Any) -> Any:
    """A profile field's value, checked and in its stored form; UserError says what is wrong.
    The server calls it too (a refused value rejects the operation)."""
    if field in CHOICE_FIELDS:
        words = CHOICE_FIELDS[field]
        if not isinstance(value, str) or value not in words:
            raise InvalidChoice(text=str(value), choices=_choices(words))
        return value
    if field == "preferences":
        return checked_preferences(_strings(value))
    if field == "tags":
        return checked_tags(_strings(value))
    if field == "has_allergies":
        if not isinstance(value, bool):
            raise InvalidChoice(text=str(value), choices="true / false")
        return value
    if field in ID_FIELDS:
        if value is not None and (not isinstance(value, str) or not 1 <= len(value) <= 36):
            raise InvalidChoice(text=str(value)[:40], choices="id")
        return value or None
    if field in TEXT_LIMITS:
        text = str(value) if isinstance(value, str) else ""
        if not isinstance(value, str):
            raise InvalidChoice(text=str(value)[:40], choices="text")
        limit = TEXT_LIMITS[field]
        if len(text) > limit:
            raise TooLong(field=FIELD_WORDS[field], limit=limit, length=len(text))
        return text.strip() if field == "member_card" else text
    raise InvalidChoice(text=field, choices=", ".join(PROFILE_FIELDS))


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise InvalidChoice(text=str(value)[:40], choices="a list of words")
    return list(value)
