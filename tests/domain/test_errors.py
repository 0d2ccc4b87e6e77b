"""Every error a person can cause explains itself in Chinese and in English."""

import importlib
import pkgutil
import re
import string

import salon_pos
from salon_pos.domain.errors import UserError


def all_user_errors() -> list[type[UserError]]:
    for module in pkgutil.walk_packages(salon_pos.__path__, "salon_pos."):
        if not any(part in module.name for part in (".ui", ".migrations", "salon_pos.app")):
            importlib.import_module(module.name)
    found, todo = [], [UserError]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return found


def fields(template: str) -> set[str]:
    """The fields a template uses; `reason.zh` and `reason.en` count as one."""
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    return {re.sub(r"\.(zh|en)$", "", name) for name in names}


def test_each_error_has_its_own_chinese_and_english_text_with_the_same_fields() -> None:
    errors = all_user_errors()
    assert len(errors) > 20
    for error in errors:
        assert error.zh != UserError.zh and error.en != UserError.en, error
        assert any("\u4e00" <= c <= "\u9fff" for c in error.zh), error
        assert error.en.isascii() or "“" in error.en, error
        assert fields(error.zh) == fields(error.en), error
