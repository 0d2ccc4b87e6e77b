"""Search keys for a customer's name: the name itself, pinyin initials and full pinyin.

pypinyin costs about 56 MB once imported, so it is imported on first use and the keys are
stored at write time (FIELD-NOTES). Surnames with another reading (单 Shan, 曾 Zeng …) are
indexed under every reading of the first character.
"""

from __future__ import annotations

from typing import Any


def _pinyin(text: str, heteronym: bool) -> list[list[str]]:
    from pypinyin import Style, pinyin

    result: Any = pinyin(text, style=Style.NORMAL, heteronym=heteronym, errors="default")
    return [[syllable.lower() for syllable in options] for options in result]


def name_search_keys(name: str) -> set[str]:
    """Keys under which a prefix search should find this name (lower case)."""
    name = name.strip()
    if not name:
        return set()
    keys = {name.lower()}
    if name.isascii():
        keys.update(part.lower() for part in name.split() if part)
        return keys
    first, rest = name[0], name[1:]
    first_readings = _pinyin(first, heteronym=True)[0] if first else []
    rest_syllables = [options[0] for options in _pinyin(rest, heteronym=False)] if rest else []
    for reading in dict.fromkeys(first_readings):
        syllables = [reading, *rest_syllables]
        keys.add("".join(syllables))
        keys.add("".join(s[0] for s in syllables if s))
    return keys
