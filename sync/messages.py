"""Words shown to people, in Chinese and in English, with no Qt and no build step.

One home for the zh/en texts of both sides: the counter's errors (`salon_pos.domain.errors`
subclasses `Message`), the two command lines, the server's messages and, next, the owner's web
pages. It lives under `sync/` because `sync` may not import `salon_pos` while `salon_pos` may
import `sync`; it imports nothing but the standard library (docs/adr/0005).

    class CounterReady(Message):
        zh = "门店 {store}：收银台 {counter}"
        en = "Store {store}: counter {counter}"

    CounterReady(store="丽人", counter="A1").text("en")  # 'Store 丽人: counter A1'

A parameter that is itself words is a `Both`, shown in the message's own language.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from typing import Any, ClassVar, NamedTuple

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGE_ENV = "SALON_POS_LANG"  # the command lines' language: zh_CN (default) or en


def is_chinese(language: str) -> bool:
    return language.lower().startswith("zh")


def language_from_env(environ: Mapping[str, str] | None = None) -> str:
    """SALON_POS_LANG as `zh_CN` or `en`; Chinese unless it asks for English."""
    wanted = (os.environ if environ is None else environ).get(LANGUAGE_ENV, "")
    return "en" if wanted.lower().startswith("en") else DEFAULT_LANGUAGE


class Both(NamedTuple):
    """Fixed words in both languages, or a parameter of a message that is itself words."""

    zh: str
    en: str

    def text(self, language: str = DEFAULT_LANGUAGE) -> str:
        return self.zh if is_chinese(language) else self.en


class Message:
    """A sentence with named fields in both languages: subclass it and set `zh` and `en`.

    A test (tests/domain/test_errors.py) checks every subclass has its own texts in both
    languages with the same fields."""

    en: ClassVar[str] = "(no message)"
    zh: ClassVar[str] = "（无消息）"

    def __init__(self, **params: Any) -> None:
        self.params = params

    def text(self, language: str = DEFAULT_LANGUAGE) -> str:
        chinese = is_chinese(language)
        params = {
            key: value.text(language) if isinstance(value, Both) else value
            for key, value in self.params.items()
        }
        return (self.zh if chinese else self.en).format(**params)

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The same as text(): the name errors have always used."""
        return self.text(language)


_OS_REASONS: dict[int, Both] = {
    errno.EACCES: Both("没有权限", "permission denied"),
    errno.EPERM: Both("没有权限", "operation not permitted"),
    errno.EROFS: Both("只读文件系统", "read-only file system"),
    errno.ENOSPC: Both("磁盘已满", "no space left on the disk"),
    errno.ENOENT: Both("路径不存在", "no such file or folder"),
    errno.ENOTDIR: Both("路径中有一项不是文件夹", "a part of the path is not a folder"),
    errno.EEXIST: Both("已有同名文件", "a file of that name exists"),
}


def os_reason(error: OSError) -> Both:
    """Why the system refused a file or folder, in plain words (not Python's exception text)."""
    reason = _OS_REASONS.get(error.errno or 0)
    if reason is not None:
        return reason
    text = error.strerror or type(error).__name__
    return Both(text, text)


# A customer's profile beyond name and phone (salon_pos/domain/customer_profile.py checks the
# values): the names of its fields in both languages, for the counter's messages and the
# conflict inbox alike; the two that are sealed with the store key and never shown plain.
SEALED_PROFILE_FIELDS = ("allergies", "health_notes")
PROFILE_FIELD_WORDS = {
    "skin_type": Both("肤质", "skin type"),
    "skin_condition": Both("皮肤状况", "skin condition"),
    "hair_condition": Both("发质状况", "hair condition"),
    "has_allergies": Both("有过敏", "has allergies"),
    "allergies": Both("过敏", "allergies"),
    "health_notes": Both("健康备注", "health notes"),
    "preferences": Both("护理偏好", "preferences"),
    "product_style": Both("产品偏好", "product preference"),
    "favourite_technician_id": Both("指定技师", "favourite technician"),
    "tags": Both("标签", "tags"),
    "member_card": Both("会员卡号", "member card number"),
    "source": Both("来源", "source"),
    "referred_by": Both("介绍人", "referred by"),
}


# Staff roles and member-ledger accounts as people read them: the counter's command line and
# screens, the conflict inbox's descriptions and the web console share these.
ROLE_WORDS = {
    "owner": Both("老板", "owner"),
    "manager": Both("店长", "manager"),
    "front_desk": Both("前台", "front desk"),
    "technician": Both("技师", "technician"),
}
ACCOUNT_WORDS = {
    "principal": Both("储值本金", "stored value (principal)"),
    "bonus": Both("储值赠送", "stored value (bonus)"),
    "points": Both("积分", "points"),
    "sessions": Both("疗程卡次数", "package sessions"),
}
