"""The one way a PDF is begun here (notices, hand-over letters, incident letters, the
monthly report, placards): A4 or another size, the CJK font loaded as "cjk", and text the
font cannot draw left out when it is an emoji or a pictograph (typed into a hazard's
description), shown as a placeholder when it is a letter (a rare character of a name).

fpdf would drop such a character and log its own English warning, "Font … is missing the
following glyphs", on the user's terminal. Every text fpdf draws or measures passes its
`normalize_text`, so `CjkPdf` replaces the characters there: widths, line breaks and the
drawn text agree, and no glyph is missing when the font is embedded.

Imported lazily by the renderers, as fpdf itself is (the TUI starts without it).
"""

from __future__ import annotations

import unicodedata

from fpdf import FPDF

from fieldapp.reports.print_assets import CjkFont

PLACEHOLDER = "□"  # drawn where the font has no glyph; "?" if the font lacks it too
_KEPT = "\n\r\t"  # line breaks and tabs fpdf handles itself


class CjkPdf(FPDF):
    """An FPDF whose text is what its font can draw."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._drawable: dict[tuple[str, str], str] = {}

    def normalize_text(self, text: str) -> str:
        font = self.current_font
        cmap = getattr(font, "cmap", None) if font is not None and self.is_ttf_font else None
        if font is not None and cmap:
            text = "".join(self._char(font.fontkey, cmap, char) for char in text)
        return super().normalize_text(text)

    def _char(self, font: str, cmap: dict[int, str], char: str) -> str:
        key = (font, char)
        if key not in self._drawable:
            self._drawable[key] = drawable(char, cmap)
        return self._drawable[key]


def drawable(char: str, cmap: dict[int, str]) -> str:
    """`char` if the font (its `cmap`) has it; nothing for an emoji or pictograph it lacks
    ("插座🔥烧焦" prints "插座烧焦": a "□" there read as a character lost) and for an
    invisible joiner or variation selector (the tail of an emoji sequence); else, for a
    letter the font lacks (a rare character of a name), the placeholder a Chinese printed
    page uses for a character it cannot set."""
    if ord(char) in cmap or char in _KEPT:
        return char
    if unicodedata.category(char) in ("Cf", "Mn", "Me", "Cc", "Sk") or _pictograph(char):
        return ""
    return PLACEHOLDER if ord(PLACEHOLDER) in cmap else "?"


def _pictograph(char: str) -> bool:
    """An emoji or another pictograph: a symbol (So) of the emoji and pictograph blocks
    (U+1F000-1FAFF) or of the older symbol blocks (☀, ✂, ⌚: U+2190-2BFF), or a regional
    indicator (a flag's halves)."""
    code = ord(char)
    symbol = unicodedata.category(char) == "So"
    return (symbol and (0x1F000 <= code <= 0x1FAFF or 0x2190 <= code <= 0x2BFF)) or (
        0x1F1E6 <= code <= 0x1F1FF
    )


def cjk_pdf(
    font: CjkFont, title: str, *, orientation: str = "P", page: str | tuple[float, float] = "A4",
    size: float = 11,
) -> CjkPdf:  # fmt: skip
    """A PDF in mm with the CJK font set at `size` pt, titled `title`, no page added."""
    pdf = CjkPdf(orientation=orientation, unit="mm", format=page)
    pdf.set_creator("fieldapp")
    pdf.set_title(title)
    pdf.add_font("cjk", "", font.path, collection_font_number=font.index)
    pdf.set_font("cjk", size=size)
    return pdf
