"""Search keys for a customer's name: the name itself, pinyin initials and full pinyin.

pypinyin costs about 56 MB once imported, so it is imported on first use and the keys are
stored at write time (FIELD-NOTES). A surname read otherwise than the character usually is
(单 Shan, 曾 Zeng …) is indexed under both readings. Not under every reading pypinyin knows:
于 would then also match "w…" and "x…", and such noise pushes real matches off the list.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# Readings of characters as surnames, where they differ from the usual reading.
SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha", "朴": "piao",
    "盖": "ge", "尉": "yu", "乐": "yue", "覃": "qin", "缪": "miao", "翟": "zhai", "召": "shao",
    "繁": "po", "员": "yun", "种": "chong", "秘": "bi", "冼": "xian", "长": "chang", "重": "chong",
    "句": "gou", "折": "she", "令": "ling", "宿": "su", "沈": "shen", "薄": "bo", "都": "du",
}  # fmt: skip


def _syllables(text: str) -> list[str]:
    """pypinyin's lazy_pinyin, lower case, without blanks. pypinyin splits the text into words
    (phrases of its dictionary, single characters, runs of other text) and reads each word on
    its own, so the words' readings are kept: a name costs its split, about a fifth of reading
    it, once its words have been seen (surnames and given-name characters come back often)."""
    from pypinyin.seg.simpleseg import seg  # the split lazy_pinyin makes

    return [syllable for word in seg(text) for syllable in _word_syllables(word)]


@lru_cache(maxsize=8_192)
def _word_syllables(word: str) -> tuple[str, ...]:
    from pypinyin import Style, lazy_pinyin

    result: Any = lazy_pinyin(word, style=Style.NORMAL, errors="default")
    return tuple(syllable.strip().lower() for syllable in result if syllable.strip())


def search_text(text: str) -> str:
    """What people type and names as they are stored, alike: lower case, no spaces."""
    return "".join(text.lower().split())


def name_search_keys(name: str) -> set[str]:
    """Keys under which a prefix search should find this name: the name without spaces, each
    of its space-separated parts (王 Anna → anna), and its pinyin initials and full pinyin."""
    parts = name.lower().split()
    if not parts:
        return set()
    keys = {"".join(parts), *parts}
    if name.isascii():
        return keys
    name = "".join(name.split())
    usual = _syllables(name)
    readings = [usual[0]]
    if name[0] in SURNAME_READINGS:
        readings.append(SURNAME_READINGS[name[0]])
    for reading in dict.fromkeys(readings):
        syllables = [reading, *usual[1:]]
        keys.add("".join(syllables))
        keys.add("".join(s[0] for s in syllables if s))
    return keys


@lru_cache(maxsize=4096)
def _cached_keys(name: str) -> frozenset[str]:
    return frozenset(name_search_keys(name))


def item_matches(needle: str, name: str, *codes: str) -> bool:
    """Whether a catalog item is what was typed: `needle` (search_text of it) within the name
    or one of the codes (SKU, barcode), or the start of a pinyin key of the name. An empty
    needle matches everything. Keys are cached: the catalog is a few hundred names."""
    if not needle or needle in search_text(name):
        return True
    if any(needle in search_text(code) for code in codes):
        return True
    return needle.isascii() and any(key.startswith(needle) for key in _cached_keys(name))
