"""The rectification notice (整改通知书) and the hand-over letter (移交抄告单) as PDF.

Plain data in, PDF out: the services (`fieldapp.services.documents.notices`) build the dataclasses
from the store; nothing here reads the store. The CJK font and the QR matrix come from the
placard renderer, so every printed document finds its font the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from fieldapp.domain.kinsoku import ANY_MARK
from fieldapp.domain.text_bounds import (
    ADDRESS_MAX,
    HEADING_MAX,
    PERSON_NAME_MAX,
    PHONE_MAX,
    VENUE_NAME_MAX,
    shortened,
)
from fieldapp.i18n import said_in
from fieldapp.paths import write_private
from fieldapp.reports.placards import CjkFont, find_cjk_font
from fieldapp.reports.print_assets import draw_qr
from fieldapp.reports.table_layout import (
    BODY_SIZE,
    PADDING,
    cell_inset,
    column_widths,
    heading_cells,
)
from fieldapp.reports.text_fitting import broken_lines

MARGIN = 18.0  # mm
PAGE_W = 210.0
GREY = (90, 90, 90)
HEAD_FILL = (235, 235, 235)


@dataclass(frozen=True, slots=True)
class VenueBlock:
    code: str
    name: str
    address: str = ""
    contact: str = ""
    phone: str = ""
    grid_name: str = ""


@dataclass(frozen=True, slots=True)
class NoticeItem:
    code: str
    text: str  # the check item's text from the checklist
    description: str  # what the inspector saw
    severity: str  # general | major
    deadline: dt.date | None
    on_the_spot: bool = False  # fix at once (立即整改)


@dataclass(frozen=True, slots=True)
class RectificationNotice:
    number: str
    venue: VenueBlock
    items: tuple[NoticeItem, ...]
    inspector: str
    issued_on: dt.date
    qr_payload: str  # a scanned placard payload, or the venue code


@dataclass(frozen=True, slots=True)
class LetterFinding:
    venue_code: str
    venue_name: str
    item_code: str
    item_text: str
    severity: str
    description: str
    found_on: dt.date | None
    deadline: dt.date | None
    history: tuple[str, ...]  # one line per event, oldest first


@dataclass(frozen=True, slots=True)
class HandOverLetter:
    unit: str  # fieldapp.domain.findings.HAND_OVER_UNITS
    reference: str
    handed_over_on: dt.date
    venues: tuple[VenueBlock, ...]
    findings: tuple[LetterFinding, ...]
    handler: str  # the supervisor who handed over
    office: str = ""  # the sending office; default 镇网格办


def _printable(v: VenueBlock) -> VenueBlock:
    """The venue's texts cut with "…" to what an import takes, so a name imported before
    those bounds (a tester's had 50,000 characters) cannot fill pages."""
    return replace(
        v,
        name=shortened(v.name, VENUE_NAME_MAX),
        address=shortened(v.address, ADDRESS_MAX),
        contact=shortened(v.contact, PERSON_NAME_MAX),
        phone=shortened(v.phone, PHONE_MAX),
        grid_name=shortened(v.grid_name, HEADING_MAX),
    )


def _label(key: str, lang: str, **values: object) -> str:
    return said_in(lang, key, **values)


def _new_pdf(title: str, font: CjkFont, lang: str):  # type: ignore[no-untyped-def]
    from fieldapp.reports.pdf_pages import cjk_pdf

    pdf = cjk_pdf(font, title, lang=lang)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN)
    pdf.add_page()
    return pdf


def _title(pdf, text: str, number: str) -> None:  # type: ignore[no-untyped-def]
    pdf.set_font_size(22)
    pdf.cell(0, 12, text, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font_size(10)
    pdf.set_text_color(*GREY)
    pdf.cell(0, 6, number, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(2)


def _broken(pdf, text: str, width: float, every: bool = False, room: float = 0.0) -> str:  # type: ignore[no-untyped-def]
    """`text` with its lines broken as they are drawn `width` mm wide (less fpdf's cell
    margins; or `room` mm of text), by the rule of Chinese line breaking and never inside
    a word (`text_fitting.UNBREAKABLE`): fpdf's own wrapping cut at any character and
    started a line with "。". `every`: text without a mark too, so a date, a reference
    number or a name is kept whole (fpdf cut "整改期限 2026-1" / "1-18", "王" / "建国")."""
    if not every and not ANY_MARK.search(text):
        return text  # no mark the rule moves: fpdf's wrapping, as before
    width = width or pdf.w - pdf.r_margin - pdf.get_x()
    room = room or width - 2 * pdf.c_margin - 0.05
    return "\n".join(broken_lines(text, room, pdf.get_string_width))


def _paragraph(pdf, text: str, size: float = 11, width: float = 0) -> None:  # type: ignore[no-untyped-def]
    from fpdf.enums import WrapMode

    pdf.set_font_size(size)
    text = _broken(pdf, text, width)
    pdf.multi_cell(width, size * 0.55, text, wrapmode=WrapMode.CHAR, new_x="LMARGIN", new_y="NEXT")


def _fields(pdf, rows: list[tuple[str, str]], width: float) -> None:  # type: ignore[no-untyped-def]
    from fpdf.enums import WrapMode

    label_w = 24.0
    pdf.set_font_size(10.5)
    for label, value in rows:
        x = pdf.get_x()
        pdf.set_text_color(*GREY)
        pdf.cell(label_w, 7, label)
        pdf.set_text_color(0, 0, 0)
        value = _broken(pdf, value or "—", width - label_w)
        pdf.multi_cell(
            width - label_w, 7, value, wrapmode=WrapMode.CHAR, new_x="LEFT", new_y="NEXT"
        )
        pdf.set_x(x)


def _table(pdf, head: list[str], rows: list[list[str]],  # type: ignore[no-untyped-def]
           widths: tuple[float, ...] | None = None, head_size: float | None = None,
           padding: float = PADDING) -> None:  # fmt: skip
    """A table the page's width, its columns as wide as their content asks (`widths`, or
    `column_widths`), its heading at `head_size` pt (default: the body's) in at most two
    lines broken between words, `padding` mm inside each cell (fpdf then leaves out its
    cell margin); no cell's line is broken inside a word."""
    from fpdf.enums import WrapMode
    from fpdf.fonts import FontFace

    widths = widths or column_widths(pdf, head, rows, head_size=head_size, padding=padding)
    head = heading_cells(pdf, head, widths, head_size or BODY_SIZE, padding)
    inset = cell_inset(pdf, padding)
    pdf.set_font_size(BODY_SIZE)
    with pdf.table(
        col_widths=widths,
        width=sum(widths),
        align="LEFT",
        text_align="LEFT",
        line_height=5.5,
        wrapmode=WrapMode.CHAR,
        headings_style=FontFace(emphasis="", fill_color=HEAD_FILL, size_pt=head_size),
        padding=padding,
    ) as table:
        for n, values in enumerate([head, *rows]):
            row = table.row()
            for text, width in zip(values, widths, strict=True):
                row.cell(text if n == 0 else _broken(pdf, text, width, True, width - inset))


def _output(pdf, out: Path | str | None) -> bytes:  # type: ignore[no-untyped-def]
    data = bytes(pdf.output())
    if out is not None:
        write_private(out, data)  # names and phones: owner-only, as the ledger
    return data


def _date(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "—"


def render_notice(
    notice: RectificationNotice,
    out: Path | str | None = None,
    *,
    font: CjkFont | None = None,
    lang: str = "zh",
) -> bytes:
    """The rectification notice for one venue; written to `out` when given."""
    L = lambda key, **v: _label(key, lang, **v)  # noqa: E731
    pdf = _new_pdf(L("review.notice.title"), font or find_cjk_font(), lang)
    _title(pdf, L("review.notice.title"), L("review.notice.number", number=notice.number))
    width = PAGE_W - 2 * MARGIN
    qr_size = 34.0
    top = pdf.get_y()
    v = _printable(notice.venue)
    _fields(
        pdf,
        [
            (L("review.notice.venue"), v.name),
            (L("review.notice.code"), v.code),
            (L("review.notice.address"), v.address),
            (L("review.notice.contact"), v.contact),
            (L("review.notice.phone"), v.phone),
            (L("review.notice.grid"), v.grid_name),
        ],
        width - qr_size - 6,
    )
    draw_qr(pdf, PAGE_W - MARGIN - qr_size, top, qr_size, notice.qr_payload or v.code)
    pdf.set_xy(PAGE_W - MARGIN - qr_size, top + qr_size)
    pdf.set_font_size(8)
    pdf.cell(qr_size, 4, L("review.notice.qr"), align="C")
    pdf.set_xy(MARGIN, max(pdf.get_y(), top + qr_size + 6))
    pdf.ln(3)
    _paragraph(pdf, L("review.notice.to", name=v.name), 12)
    _paragraph(pdf, "　　" + L("review.notice.body"))
    pdf.ln(3)
    if notice.items:
        rows = []
        for n, item in enumerate(notice.items, 1):
            due = L("review.notice.on_the_spot") if item.on_the_spot else _date(item.deadline)
            if item.deadline and item.deadline < notice.issued_on:
                late = (notice.issued_on - item.deadline).days  # a reprint of a late hazard
                due += "\n" + L("review.notice.overdue", count=late)
            rows.append(
                [
                    str(n),
                    item.code,
                    item.text,
                    item.description or "—",
                    L(f"review.severity.{item.severity}"),
                    due,
                ]
            )
        head = [
            L(f"review.notice.col.{k}")
            for k in ("no", "code", "item", "description", "severity", "deadline")
        ]
        _table(pdf, head, rows)
        if any(item.severity == "major" for item in notice.items):
            pdf.ln(1)
            _paragraph(pdf, L("review.notice.major_note"), 9.5)
    else:
        _paragraph(pdf, L("review.notice.none"))
    pdf.ln(6)
    _paragraph(pdf, L("review.notice.inspector", name=notice.inspector))
    _paragraph(pdf, L("review.notice.date", date=_date(notice.issued_on)))
    pdf.ln(10)
    half = width / 2
    pdf.set_font_size(11)
    pdf.cell(half, 8, L("review.notice.sign_venue"))
    pdf.cell(half, 8, L("review.notice.sign_inspector"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(10)
    pdf.cell(half, 8, L("review.notice.sign_date"))
    pdf.cell(half, 8, L("review.notice.sign_date"), new_x="LMARGIN", new_y="NEXT")
    return _output(pdf, out)


def letter_opening(  # type: ignore[no-untyped-def]
    title: str,
    reference: tuple[str, str],
    to: str,
    body: str,
    fields: list[tuple[str, str]],
    font: CjkFont | None,
    lang: str,
):
    """A letter to a receiving unit as far as its table: the title with the reference
    (label, number), who it is to, the body, and the fields. The PDF and its text width."""
    pdf = _new_pdf(title, font or find_cjk_font(), lang)
    _title(pdf, title, f"{reference[0]}：{reference[1]}")
    width = PAGE_W - 2 * MARGIN
    _paragraph(pdf, to, 12)
    _paragraph(pdf, "　　" + body)
    pdf.ln(3)
    _fields(pdf, fields, width)
    pdf.ln(3)
    return pdf, width


def render_handover_letter(
    letter: HandOverLetter,
    out: Path | str | None = None,
    *,
    font: CjkFont | None = None,
    lang: str = "zh",
) -> bytes:
    """The hand-over letter to the receiving unit; written to `out` when given."""
    L = lambda key, **v: _label(key, lang, **v)  # noqa: E731
    unit = L(f"review.unit.{letter.unit}")
    venues = "；".join(
        f"{v.name}（{v.code}）{v.address}"
        + (f"，{v.contact} {v.phone}".rstrip() if v.contact else "")
        for v in map(_printable, letter.venues)
    )
    pdf, width = letter_opening(
        L("review.letter.title"),
        (L("review.letter.reference"), letter.reference),
        L("review.letter.to", unit=unit),
        L("review.letter.body"),
        [
            (L("review.letter.unit"), unit),
            (L("review.letter.reference"), letter.reference),
            (L("review.letter.date"), _date(letter.handed_over_on)),
            (L("review.letter.venue"), venues),
        ],
        font,
        lang,
    )
    rows = []
    for n, f in enumerate(letter.findings, 1):
        item = f"{f.item_code} {f.item_text}"
        if f.description:
            item += f"\n{f.description}"
        rows.append(
            [
                str(n),
                f"{shortened(f.venue_name, VENUE_NAME_MAX)}\n{f.venue_code}",
                item,
                L(f"review.severity.{f.severity}"),
                "\n".join(f.history) or "—",
            ]
        )
    head = [
        L("review.notice.col.no"),
        L("review.letter.col.venue"),
        L("review.notice.col.item"),
        L("review.notice.col.severity"),
        L("review.letter.col.history"),
    ]
    # The closing lines and the signature are kept with the last row: where they would
    # run onto a page of their own ("接收单位（签收）： 年 月 日" alone on page 2), the last
    # row goes over with them, under the table's heading again.
    widths = column_widths(pdf, head, rows)  # the same columns on either page
    with pdf.offset_rendering() as trial:  # drawn on a copy: where would it end?
        _table(trial, head, rows, widths)
        page = trial.page
        _letter_close(trial, letter, L, width)
        spilled = trial.page != page
    if spilled and len(rows) > 1:
        _table(pdf, head, rows[:-1], widths)
        pdf.add_page()
        _table(pdf, head, rows[-1:], widths)
    else:
        _table(pdf, head, rows, widths)
    _letter_close(pdf, letter, L, width)
    return _output(pdf, out)


def _letter_close(pdf, letter: HandOverLetter, L, width: float) -> None:  # type: ignore[no-untyped-def]
    """Who hands over, the day, and the receiving unit's signature line."""
    pdf.ln(8)
    office = letter.office or L("review.letter.office")
    _paragraph(pdf, L("review.letter.from", office=office))
    _paragraph(pdf, L("review.letter.handler", name=letter.handler))
    _paragraph(pdf, L("review.notice.date", date=_date(letter.handed_over_on)))
    pdf.ln(10)
    pdf.set_font_size(11)
    pdf.cell(width / 2, 8, L("review.letter.sign_receiver"))
    pdf.cell(width / 2, 8, L("review.notice.sign_date"), new_x="LMARGIN", new_y="NEXT")
