"""argparse in the command line's language: its own words ("usage:", "the following arguments
are required", "invalid choice", "options", …) in Chinese unless SALON_POS_LANG asks for English.

argparse looks each of its sentences up through the module-level `argparse._` and
`argparse.ngettext` (gettext) while a parser is built and while it parses; `argparse_in` points
them at the table below for that span, so both `salon-pos` and `salon-sync-server` get the same
words with no .mo file to build. A sentence not in the table stays in English.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sync.messages import is_chinese

# argparse's English (Python 3.11 to 3.13) → Chinese; the %-fields are kept as they are.
ARGPARSE_ZH: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "subcommands": "子命令",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "one of the arguments %s is required": "必须给出以下参数之一：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "无效的选择：%(value)r（可选：%(choices)s）"
    ),
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项不明确：%(option)s 可匹配 %(matches)s"
    ),
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "未知的子命令 %(parser_name)r（可选：%(choices)s）"
    ),
    "can't open '%(filename)s': %(error)s": "无法打开 '%(filename)s'：%(error)s",
}


def _chinese(text: str) -> str:
    return ARGPARSE_ZH.get(text, text)


def _chinese_n(singular: str, plural: str, n: int) -> str:
    return _chinese(singular if n == 1 else plural)


@contextmanager
def argparse_in(language: str) -> Iterator[None]:
    """Build and run parsers inside this block to have argparse speak `language`."""
    if not is_chinese(language):
        yield
        return
    module = vars(argparse)
    saved: tuple[Callable[..., str], Callable[..., str]] = (module["_"], module["ngettext"])
    module["_"], module["ngettext"] = _chinese, _chinese_n
    try:
        yield
    finally:
        module["_"], module["ngettext"] = saved
