"""Every error a person can cause, and every other message of the core, the command lines and
the server (sync.messages.Message), explains itself in Chinese and in English."""

import importlib
import pkgutil
import re
import string

import salon_pos
import sync
from salon_pos.domain.errors import UserError
from sync.messages import Both, Message


def all_messages() -> list[type[Message]]:
    for package in (salon_pos, sync):
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            if not any(part in module.name for part in (".ui", ".migrations", "salon_pos.app")):
                importlib.import_module(module.name)
    found: list[type[Message]] = []
    todo: list[type[Message]] = [Message]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return found


def fields(template: str) -> set[str]:
    """The fields a template uses; `reason.zh` and `reason.en` count as one."""
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    return {re.sub(r"\.(zh|en)$", "", name) for name in names}


def test_each_message_has_its_own_chinese_and_english_text_with_the_same_fields() -> None:
    messages = all_messages()
    assert len([m for m in messages if issubclass(m, UserError)]) > 20
    assert any(m.__module__ == "salon_pos.cli_text" for m in messages)
    assert any(m.__module__ == "sync.server.cli" for m in messages)
    for error in messages:
        if error is UserError:
            continue
        assert error.zh != UserError.zh and error.en != UserError.en, error
        assert error.zh != Message.zh and error.en != Message.en, error
        assert any("\u4e00" <= c <= "\u9fff" for c in error.zh), error
        assert error.en.isascii() or "“" in error.en, error
        assert fields(error.zh) == fields(error.en), error


def test_a_message_is_printed_in_one_language_with_its_words_in_that_language() -> None:
    class Hello(Message):
        zh = "{who}，你好"
        en = "Hello, {who}"

    hello = Hello(who=Both("店长", "manager"))
    assert hello.text("zh_CN") == "店长，你好"
    assert hello.text("en") == "Hello, manager"
    assert hello.text() == "店长，你好"  # Chinese unless English is asked for


def test_words_given_to_the_stock_messages_are_in_the_messages_language() -> None:
    """A parameter that is words comes in both languages (a Both), never Chinese alone."""
    from salon_pos.domain.errors import listing
    from salon_pos.domain.stock import UNIT_WORDS, MoreThanBatchHolds, UnitChangeWithStock
    from salon_pos.services.purchasing import (
        CANCELLED,
        EDITED,
        PLACED,
        RECEIVED_AGAINST,
        STATE_WORDS,
        OrderNotOpen,
    )

    for state in STATE_WORDS.values():
        for action in (CANCELLED, EDITED, PLACED, RECEIVED_AGAINST):
            refused = OrderNotOpen(number="PO-A1-0001", state=state, action=action)
            assert refused.text("en").isascii(), refused.text("en")
            assert state.zh in refused.text("zh") and action.zh in refused.text("zh")
    for unit in UNIT_WORDS.values():
        assert UnitChangeWithStock(name="Cream", unit=unit, on_hand=3).text("en").isascii()
        held = MoreThanBatchHolds(name="Cream", batch="L1", held=2, unit=unit, asked=3)
        assert held.text("en").isascii()
    categories = listing(["Hair", "Nails"])
    assert (categories.text("en"), categories.text("zh")) == ("Hair, Nails", "Hair、Nails")


def test_argparse_words_in_chinese_keep_their_fields() -> None:
    from sync.command_line import ARGPARSE_ZH

    for english, chinese in ARGPARSE_ZH.items():
        assert any("\u4e00" <= c <= "\u9fff" for c in chinese), english
        field = r"%\(\w+\)[sr]|%[sr]"
        assert sorted(re.findall(field, english)) == sorted(re.findall(field, chinese)), english
