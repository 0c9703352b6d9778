"""Venue placards as PDF (fpdf2) and PNG (Pillow), from plain data.

One layout, two backends: `_layout` turns a PlacardInfo into drawing operations in
millimetres (text on a baseline, filled rectangles, the QR's module matrix); the PDF and
PNG backends only draw them. The QR is drawn from its module matrix (vector rectangles in
the PDF, a 1-bit image scaled by whole pixels in the PNG), so it stays sharp at any size.

The renderer needs no store: the services (local store) or the server build the
PlacardInfo list, signed payload included.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from fieldapp.i18n import text_in
from fieldapp.reports.print_assets import (  # noqa: F401  (re-exported for callers)
    CjkFont,
    FontMissing,
    find_cjk_font,
    qr_matrix,
)
from fieldapp.reports.text_fitting import Measure, fit_size, wrap

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "A5": (148.0, 210.0)}
PT_MM = 25.4 / 72  # one typographic point in millimetres


RED = (200, 16, 46)
BLACK = (0, 0, 0)
GREY = (90, 90, 90)
WHITE = (255, 255, 255)


class PlacardVenue(Protocol):
    """What a placard says of a venue: a venue of the device's store or of the server's."""

    code: str
    name: str
    kind: str
    address: str
    contact: str
    phone: str


@dataclass(frozen=True, slots=True)
class PlacardInfo:
    """Everything printed on one placard."""

    venue_code: str
    name: str
    kind: str  # fieldapp.domain.kinds.VENUE_KINDS
    address: str
    grid_name: str
    contact: str
    phone: str
    payload: str  # the signed QR text (fieldapp.domain.placard.sign_payload)
    # False: the QR holds only the venue code (a device's print: devices never sign), and
    # the placard says in its title and footer that it proves nothing.
    signed: bool = True
    # What the placard marks: "venue", or "checkpoint" (a patrol point: a village entrance,
    # a hydrant…), whose labels are the catalogue's `placard.checkpoint.*` where it has one.
    place: str = "venue"

    @classmethod
    def of(
        cls,
        venue: PlacardVenue,
        grid_name: str,
        payload: str,
        *,
        signed: bool = True,
        place: str = "venue",
    ) -> PlacardInfo:
        """The placard of a venue (or a checkpoint), from the device's store or the server's."""
        return cls(
            signed=signed,
            place=place,
            venue_code=venue.code,
            name=venue.name,
            kind=venue.kind,
            address=venue.address,
            grid_name=grid_name,
            contact=venue.contact,
            phone=venue.phone,
            payload=payload,
        )


# --- layout -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Text:
    x: float  # left edge, or centre when centred
    y: float  # baseline
    text: str
    size: float  # points
    color: tuple[int, int, int] = BLACK
    centred: bool = False


@dataclass(frozen=True, slots=True)
class _Rect:
    x: float
    y: float
    w: float
    h: float
    color: tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class _Qr:
    x: float
    y: float
    size: float
    matrix: list[list[bool]]


_Op = _Text | _Rect | _Qr


def _label(key: str, lang: str, place: str = "venue") -> str:
    """The placard's text in its own language (kinds the office added included)."""
    lang = "en" if lang == "en" else "zh"
    if place != "venue":
        own = key.replace("placard.", f"placard.{place}.", 1)
        if text_in("zh", own):
            return text_in(lang, own) or text_in("zh", own) or own
    return text_in(lang, key) or text_in("zh", key) or key


def _layout(info: PlacardInfo, page: str, measure: Measure, lang: str) -> list[_Op]:
    page_w, _ = PAGE_SIZES[page]
    s = page_w / 210.0  # everything is designed on A4 and scaled
    margin = 15 * s
    width = page_w - 2 * margin
    centre = page_w / 2
    ops: list[_Op] = []

    def label(key: str, lang: str) -> str:
        return _label(key, lang, info.place)

    title, band = ("placard.title", RED) if info.signed else ("placard.unsigned_title", GREY)
    ops.append(_Rect(margin, margin, width, 20 * s, band))
    title_size = fit_size(label(title, lang), 26 * s, 14 * s, width - 4 * s, measure)
    ops.append(_Text(centre, margin + 14 * s, label(title, lang), title_size, WHITE, True))

    y = margin + 20 * s + 18 * s
    name_size = fit_size(info.name, 40 * s, 24 * s, width, measure)
    name_lines = wrap(info.name, name_size, width, measure, 2)
    for line in name_lines:
        ops.append(_Text(centre, y, line, name_size, BLACK, True))
        y += name_size * PT_MM * 1.25
    code_text = f"{label('placard.code', lang)}  {info.venue_code}"
    ops.append(_Text(centre, y + 2 * s, code_text, 22 * s, BLACK, True))
    y += 14 * s

    label_size, row_h = 13 * s, 8.5 * s
    rows = (
        ("placard.kind", label(f"placard.kind.{info.kind}", lang)),
        ("placard.grid", info.grid_name),
        ("placard.address", info.address),
        ("placard.contact", info.contact),
        ("placard.phone", info.phone),
    )
    label_w = max(measure(label(key, lang), label_size) for key, _ in rows) + 5 * s
    for key, value in rows:
        ops.append(_Text(margin, y, label(key, lang), label_size, GREY))
        # Only the address may take two lines; the rest is cut with an ellipsis.
        lines = wrap(
            value or "—", label_size, width - label_w, measure, 1 + (key == "placard.address")
        )
        for line in lines:
            ops.append(_Text(margin + label_w, y, line, label_size))
            y += row_h
    y += 1 * s

    tips = label(f"placard.tips.{info.kind}", lang).splitlines()[:5]
    bottom = PAGE_SIZES[page][1] - margin
    below_qr = (3 + 10 + 8 + 7 * len(tips)) * s  # hint, tips heading, tips
    room = bottom - 15 * s - below_qr - y  # the footer takes the last 15 mm
    qr_size = max(60 * s, min(78 * s, room))
    ops.append(_Qr(centre - qr_size / 2, y, qr_size, qr_matrix(info.payload)))
    y += qr_size + 3 * s
    ops.append(_Text(centre, y, label("placard.scan_hint", lang), 11 * s, BLACK, True))
    y += 10 * s

    ops.append(_Text(margin, y, label("placard.tips", lang), 15 * s, RED))
    y += 8 * s
    tip_size = 12.5 * s
    for tip in tips:
        for line in wrap(f"• {tip}", tip_size, width, measure, 1):
            ops.append(_Text(margin + 2 * s, y, line, tip_size))
            y += 7 * s

    ops.append(_Text(centre, bottom - 8 * s, label("placard.emergency", lang), 16 * s, RED, True))
    note = "placard.signed_note" if info.signed else "placard.unsigned_note"
    ops.append(_Text(centre, bottom, label(note, lang), 9 * s, GREY, True))
    return ops


def _runs(row: list[bool]) -> Iterable[tuple[int, int]]:
    """(start, length) of each run of dark modules in a row."""
    start = -1
    for i, dark in enumerate(row):
        if dark and start < 0:
            start = i
        elif not dark and start >= 0:
            yield start, i - start
            start = -1
    if start >= 0:
        yield start, len(row) - start


# --- PDF ----------------------------------------------------------------------------------


def render_pdf(
    infos: Sequence[PlacardInfo],
    out: Path | str,
    *,
    size: str = "A4",
    lang: str = "zh",
    font: CjkFont | None = None,
) -> int:
    """Write one placard per page into one PDF; returns the number of pages."""
    from fieldapp.reports.pdf_pages import cjk_pdf

    if size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}")
    font = font or find_cjk_font()
    pdf = cjk_pdf(font, _label("placard.title", lang), page=PAGE_SIZES[size], size=12, lang=lang)
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    widths: dict[tuple[str, float], float] = {}

    def measure(text: str, pt: float) -> float:
        key = (text, pt)
        if key not in widths:
            pdf.set_font_size(pt)
            widths[key] = pdf.get_string_width(text)
        return widths[key]

    for info in infos:
        pdf.add_page()
        for op in _layout(info, size, measure, lang):
            if isinstance(op, _Rect):
                pdf.set_fill_color(*op.color)
                pdf.rect(op.x, op.y, op.w, op.h, style="F")
            elif isinstance(op, _Text):
                pdf.set_font_size(op.size)
                pdf.set_text_color(*op.color)
                x = op.x - measure(op.text, op.size) / 2 if op.centred else op.x
                pdf.text(x, op.y, op.text)
            else:
                module = op.size / len(op.matrix)
                pdf.set_fill_color(*BLACK)
                for r, row in enumerate(op.matrix):
                    for start, length in _runs(row):
                        # A hair of overlap so viewers do not show seams between rows.
                        pdf.rect(
                            op.x + start * module,
                            op.y + r * module,
                            length * module,
                            module + 0.01,
                            style="F",
                        )
    pdf.output(str(out))
    return len(infos)


# --- PNG ----------------------------------------------------------------------------------


def render_png(
    info: PlacardInfo,
    out: Path | str,
    *,
    size: str = "A4",
    dpi: int = 150,
    lang: str = "zh",
    font: CjkFont | None = None,
) -> Path:
    """Write one placard as a PNG image."""
    from PIL import Image, ImageDraw, ImageFont

    if size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}")
    font = font or find_cjk_font()
    px = dpi / 25.4  # pixels per millimetre
    page_w, page_h = PAGE_SIZES[size]
    image = Image.new("RGB", (round(page_w * px), round(page_h * px)), WHITE)
    draw = ImageDraw.Draw(image)
    fonts: dict[float, ImageFont.FreeTypeFont] = {}

    def face(pt: float) -> ImageFont.FreeTypeFont:
        if pt not in fonts:
            fonts[pt] = ImageFont.truetype(
                font.path, max(1, round(pt * dpi / 72)), index=font.index
            )
        return fonts[pt]

    def measure(text: str, pt: float) -> float:
        return face(pt).getlength(text) / px

    for op in _layout(info, size, measure, lang):
        if isinstance(op, _Rect):
            box = (op.x * px, op.y * px, (op.x + op.w) * px, (op.y + op.h) * px)
            draw.rectangle(box, fill=op.color)
        elif isinstance(op, _Text):
            anchor = "ms" if op.centred else "ls"
            draw.text(
                (op.x * px, op.y * px), op.text, fill=op.color, font=face(op.size), anchor=anchor
            )
        else:
            n = len(op.matrix)
            module_px = max(1, int(op.size * px) // n)  # whole pixels per module: sharp edges
            bits = bytes(0 if dark else 255 for row in op.matrix for dark in row)
            qr = Image.frombytes("L", (n, n), bits).convert("1")
            qr = qr.resize((n * module_px, n * module_px), Image.Resampling.NEAREST)
            offset = (int(op.size * px) - n * module_px) // 2
            image.paste(qr.convert("RGB"), (int(op.x * px) + offset, int(op.y * px) + offset))
    out = Path(out)
    image.save(out, format="PNG")
    return out


def png_name(venue_code: str) -> str:
    """The file name of a venue's PNG (venue codes are A-Z 0-9 . - only)."""
    return f"placard-{venue_code}.png"


def render_pngs(
    infos: Sequence[PlacardInfo],
    out_dir: Path | str,
    *,
    size: str = "A4",
    dpi: int = 150,
    lang: str = "zh",
    font: CjkFont | None = None,
) -> list[Path]:
    """One PNG per venue in out_dir (created if needed), named by png_name()."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    font = font or find_cjk_font()
    return [
        render_png(
            info, out_dir / png_name(info.venue_code), size=size, dpi=dpi, lang=lang, font=font
        )
        for info in infos
    ]
