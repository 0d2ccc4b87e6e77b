"""The PDF's Chinese font: Adobe's STSong-Light CID font, which needs no font file (it is not
embedded; a PDF reader supplies it), and the few characters it has no glyph for."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

FONT = "STSong-Light"
# Checked with pdftoppm: the middle dot of "丽人美业·演示店" (U+00B7) prints as a box; the
# katakana middle dot (U+30FB), which looks the same, prints.
_MISSING = str.maketrans({"\u00b7": "\u30fb", "\u2022": "\u30fb", "\u2027": "\u30fb"})


def register_font() -> str:
    """The CID font's name, registered once per process."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return FONT


def printable(text: str) -> str:
    return text.translate(_MISSING)
