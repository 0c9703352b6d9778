"""The one way a PDF is begun here (notices, hand-over letters, incident letters, the
monthly report, placards): A4 or another size, the CJK font loaded as "cjk", and text the
font cannot draw marked: an emoji or a pictograph (typed into a hazard's description, a
venue's name) prints as a marker saying one stood there ([表情] / [emoji]), a letter (a rare
character of a name) as the placeholder □.

fpdf would drop such a character and log its own English warning, "Font … is missing the
following glyphs", on the user's terminal. Every text fpdf draws or measures passes its
`normalize_text`, so `CjkPdf` replaces the characters there: widths, line breaks and the
drawn text agree, and no glyph is missing when the font is embedded.

Imported lazily by the renderers, as fpdf itself is (the TUI starts without it).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from fpdf import FPDF

from fieldapp.i18n import said_in
from fieldapp.reports.print_assets import CjkFont

PLACEHOLDER = "□"  # drawn where the font has no glyph; "?" if the font lacks it too
_KEPT = "\n\r\t"  # line breaks and tabs fpdf handles itself
_JOINER = "\u200d"  # joins emoji into one (a family, a flag with a sign)
_FLAG_HALVES = ("\U0001f1e6", "\U0001f1ff")  # regional indicators: two make a flag


class CjkPdf(FPDF):
    """An FPDF whose text is what its font can draw."""

    def __init__(self, *args: object, lang: str = "zh", **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._drawable: dict[tuple[str, str], str] = {}
        self.emoji_marker = said_in(lang, "pdf.emoji_marker")

    def normalize_text(self, text: str) -> str:
        font = self.current_font
        cmap = getattr(font, "cmap", None) if font is not None and self.is_ttf_font else None
        if font is not None and cmap:
            mark = self.emoji_marker
            text = drawn(text, lambda char: self._char(font.fontkey, cmap, char), mark)
        return super().normalize_text(text)

    def _char(self, font: str, cmap: dict[int, str], char: str) -> str:
        key = (font, char)
        if key not in self._drawable:
            self._drawable[key] = drawable(char, cmap, self.emoji_marker)
        return self._drawable[key]


def drawn(text: str, char_drawn: Callable[[str], str], marker: str) -> str:
    """`text` with each character as `char_drawn` draws it, and an emoji sequence joined
    by zero-width joiners (👨‍👩‍👧, one family) marked once."""
    out: list[str] = []
    joins = ""  # what may join the marker just drawn: "zwj" (any emoji), "flag" (its half)
    for char in text:
        shown = char_drawn(char)
        flag_half = _FLAG_HALVES[0] <= char <= _FLAG_HALVES[1]
        if char == _JOINER and out and out[-1] == marker:
            joins = "zwj"
        elif shown == marker and (joins == "zwj" or (joins == "flag" and flag_half)):
            joins = ""
        elif shown:
            joins = "flag" if flag_half and shown == marker else ""
            out.append(shown)
    return "".join(out)


def drawable(char: str, cmap: dict[int, str], marker: str = "[emoji]") -> str:
    """`char` if the font (its `cmap`) has it; `marker` for an emoji or pictograph it lacks
    ("足浴😀店" prints "足浴[表情]店": a "□" there read as a character lost, and nothing
    there hid that the name or text had one); nothing for an invisible joiner or variation
    selector (the tail of an emoji sequence); else, for a letter the font lacks (a rare
    character of a name), the placeholder a Chinese printed page uses for a character it
    cannot set."""
    if ord(char) in cmap or char in _KEPT:
        return char
    if _pictograph(char):
        return marker
    if unicodedata.category(char) in ("Cf", "Mn", "Me", "Cc", "Sk"):
        return ""
    return PLACEHOLDER if ord(PLACEHOLDER) in cmap else "?"


def _pictograph(char: str) -> bool:
    """An emoji or another pictograph: a symbol (So) of the emoji and pictograph blocks
    (U+1F000-1FAFF) or of the older symbol blocks (☀, ✂, ⌚: U+2190-2BFF), or a regional
    indicator (a flag's halves)."""
    code = ord(char)
    symbol = unicodedata.category(char) == "So"
    return (symbol and (0x1F000 <= code <= 0x1FAFF or 0x2190 <= code <= 0x2BFF)) or (
        _FLAG_HALVES[0] <= char <= _FLAG_HALVES[1]
    )


def cjk_pdf(
    font: CjkFont, title: str, *, orientation: str = "P", page: str | tuple[float, float] = "A4",
    size: float = 11, lang: str = "zh",
) -> CjkPdf:  # fmt: skip
    """A PDF in mm with the CJK font set at `size` pt, titled `title`, no page added; an
    emoji the font lacks marked in `lang`."""
    pdf = CjkPdf(orientation=orientation, unit="mm", format=page, lang=lang)
    pdf.set_creator("fieldapp")
    pdf.set_title(title)
    pdf.add_font("cjk", "", font.path, collection_font_number=font.index)
    pdf.set_font("cjk", size=size)
    return pdf
