"""A checklist as an XLSX workbook the office edits, and back (`fieldapp.domain.checklist_sheet`
holds the layout and the checks; this file reads and writes the workbook).

    fieldapp admin checklist export foot_massage --xlsx foot_massage.xlsx
    fieldapp admin publish-checklist foot_massage.xlsx
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from fieldapp.domain.checklist import Checklist as ChecklistDoc
from fieldapp.domain.checklist_sheet import (
    ITEMS_SHEET,
    META_SHEET,
    checklist_from_rows,
    checklist_rows,
)
from fieldapp.domain.checklist_toml import ChecklistError, ChecklistInvalid
from fieldapp.domain.office_files import must_exist, writing
from fieldapp.domain.wording import said
from sync.server.models import Checklist

# Column widths (characters) that show an item's texts without opening each cell.
WIDTHS = {"zh": 36, "en": 40, "options": 30, "show_if": 24, "required_if": 24, "fail_if": 24,
          "note": 30, "basis": 30, "basis_en": 30, "section_zh": 16, "section_en": 20}  # fmt: skip


def newest(kind_or_id: str) -> ChecklistDoc:
    """The newest published checklist with that id, else the newest one for that kind."""
    rows = list(Checklist.select().order_by(Checklist.version.desc()))
    found = [r for r in rows if r.checklist_id == kind_or_id] or [
        r for r in rows if kind_or_id in (r.kinds or [])
    ]
    if not found:
        published = tuple(sorted({r.checklist_id for r in rows}))
        key = "cl.not_published" if published else "cl.none_published"
        raise ValueError(str(said(key, wanted=repr(kind_or_id), published=published)))
    return ChecklistDoc.from_dict(found[0].body)


def write_xlsx(checklist: ChecklistDoc, path: Path | str) -> None:
    import openpyxl
    from openpyxl.styles import Alignment, Font

    meta, items = checklist_rows(checklist)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = META_SHEET
    for row in meta:
        sheet.append(row)
    sheet.column_dimensions["A"].width = 20
    sheet.column_dimensions["B"].width = 60
    sheet = book.create_sheet(ITEMS_SHEET)
    for row in items:
        sheet.append(row)
    for index, name in enumerate(items[0], start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = WIDTHS.get(str(name), 12)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "H2"  # the section and the item code stay in view
    with writing(Path(path)):
        book.save(str(path))


def read_xlsx(path: Path | str, *, kinds: Collection[str]) -> ChecklistDoc:
    """The checklist of a workbook; `ChecklistInvalid` lists every error at its cell.
    `kinds`: the venue kinds known (on the server: `office.known_kinds()`)."""
    import openpyxl

    path = Path(path)
    must_exist(path)  # openpyxl's error for a missing file read as a damaged one
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds, in English, on a damaged file
        raise ChecklistInvalid([ChecklistError(path.name, 0, "", said("cl.bad_xlsx"))]) from None
    try:
        sheets: dict[str, list[list[Any]]] = {}
        for name in (META_SHEET, ITEMS_SHEET):
            if name not in book.sheetnames:
                raise ChecklistInvalid(
                    [ChecklistError(path.name, 0, "", said("cl.no_sheet", name=repr(name)))]
                )
            sheets[name] = [list(row) for row in book[name].iter_rows(values_only=True)]
    finally:
        book.close()
    return checklist_from_rows(sheets[META_SHEET], sheets[ITEMS_SHEET], path.name, kinds=kinds)
