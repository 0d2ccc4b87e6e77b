"""Money is an int number of fen (分). Formatting and parsing never pass through float."""

from __future__ import annotations

import re

from salon_pos.domain.errors import InvalidAmount

_AMOUNT = re.compile(r"^(?P<sign>-)?(?P<yuan>[0-9]{1,30})(?:\.(?P<fraction>[0-9]{1,2}))?$")
_IGNORED = str.maketrans("", "", " ,，¥￥元")


def parse_yuan(text: str) -> int:
    """Turn what a person typed (198, 198.5, ¥1,980.00) into fen."""
    cleaned = text.translate(_IGNORED)
    match = _AMOUNT.match(cleaned)
    if match is None:
        raise InvalidAmount(text=text)
    fen = int(match["yuan"]) * 100 + int((match["fraction"] or "0").ljust(2, "0"))
    return -fen if match["sign"] else fen


def format_yuan(fen: int) -> str:
    """198.00 style, with a minus sign where negative."""
    sign = "-" if fen < 0 else ""
    yuan, rest = divmod(abs(fen), 100)
    return f"{sign}{yuan}.{rest:02d}"


def format_whole_yuan(fen: int) -> str:
    """1000 for ¥1,000.00, 1000.50 where there are fen: yuan as a person types them."""
    text = format_yuan(fen)
    return text[:-3] if text.endswith(".00") else text


def format_money(fen: int, symbol: str = "¥") -> str:
    """¥198.00; receipts pass symbol="￥" because ¥ is not in GBK."""
    text = format_yuan(fen)
    if text.startswith("-"):
        return f"-{symbol}{text[1:]}"
    return f"{symbol}{text}"
