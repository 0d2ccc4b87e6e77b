"""How a CSV a shop saved from Excel is to be read, from its first bytes: the encodings to try
and the separator, and which column is which by its title. Pure: the counter's file import
(services/csv_rows.py) and the owner's console upload (sync/server/web/staff_import.py) share it.

Excel on a Chinese Windows saves "CSV" as GBK unless told "CSV UTF-8", which adds a BOM, and
"Unicode text" as tab-separated UTF-16. So a file is read as UTF-16 when it starts with that
BOM (or looks like UTF-16 without one), else as UTF-8 and, failing that, as GB18030 (the
superset of GBK); tabs separate the cells when the header has more tabs than commas."""

from __future__ import annotations

import codecs
from collections.abc import Mapping


def encodings_of(head: bytes) -> tuple[str, ...]:
    """The encodings to try, in order, for a file that starts with `head`."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ("utf-16",)
    if b"\x00" not in head:
        return ("utf-8-sig", "gb18030")
    even, odd = head[0::2].count(0), head[1::2].count(0)  # ASCII in UTF-16 has one zero byte
    if odd > len(head) // 8 and even == 0:
        return ("utf-16-le",)
    if even > len(head) // 8 and odd == 0:
        return ("utf-16-be",)
    return ()


def delimiter_of(head: bytes, encoding: str) -> str:
    text = head.decode(encoding, errors="replace").lstrip("\ufeff")
    first = next((line for line in text.splitlines() if line.strip()), "")
    return "\t" if first.count("\t") > first.count(",") else ","


def header_key(text: str) -> str:
    return text.strip().lstrip("\ufeff").strip().lower()


def column_positions(
    header: list[str], aliases: Mapping[str, tuple[str, ...]]
) -> tuple[dict[int, str], tuple[str, ...]]:
    """Position in the file → canonical column, for the columns we know; the others' titles.
    Each alias list starts with the Chinese title, which error messages show."""
    by_alias = {header_key(alias): name for name, names in aliases.items() for alias in names}
    found: dict[int, str] = {}
    ignored: list[str] = []
    for position, title in enumerate(header):
        name = by_alias.get(header_key(title))
        if name is not None and name not in found.values():
            found[position] = name
        elif header_key(title):
            ignored.append(title.strip().lstrip("\ufeff"))
    return found, tuple(ignored)
