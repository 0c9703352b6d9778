"""A checklist as two sheets an office edits in Excel or WPS, and back.

Sheet `checklist`: one row per key (`id`, `version`, `kinds`, `title_zh`, `title_en`,
`basis`, `basis_en`, `param.NAME` for each threshold default, `extra` as JSON). Sheet
`items`: one row per item, its section in the `section` column (a section's names and
conditions on its first row), one column per item key (`options`: `value=outcome`
separated by `;` or line breaks; `options_en`: their English labels in the same order,
separated alike; `basis_en`: the basis as the English UI shows it). Reading
a sheet back runs the checklist validator; every error names its cell:
`F.xlsx!items!J12: COM-01: answer must be one of …`.

Pure: rows of cell values in, rows out (`sync.server.checklist_xlsx` reads and writes the
file). Checklist → rows → Checklist is lossless.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from fieldapp.domain.checklist import Checklist, Item, Section
from fieldapp.domain.checklist_lines import LineMap, Table
from fieldapp.domain.checklist_toml import ChecklistError, ChecklistInvalid, load_checklist_data
from fieldapp.domain.kinds import VENUE_KINDS
from fieldapp.domain.wording import Problem
from fieldapp.i18n import t

META_SHEET = "checklist"
ITEMS_SHEET = "items"
META_HEADER = ("key", "value")
SECTION_COLUMNS = {
    "section": "code",
    "section_zh": "zh",
    "section_en": "en",
    "section_show_if": "show_if",
    "section_required_if": "required_if",
    "section_repeat": "repeat",
}
ITEM_COLUMNS = (
    "code", "zh", "en", "answer", "required", "required_if", "show_if", "options", "multiple",
    "min", "max", "fail_if", "severity", "rectification_days", "photo", "note", "basis",
    "past", "options_en", "integer", "basis_en",  # added later: last, so the rest stay put
)  # fmt: skip
COLUMNS = (*SECTION_COLUMNS, *ITEM_COLUMNS)
BOOLEAN_KEYS = ("required", "multiple", "past", "integer")
INTEGER_KEYS = ("version", "rectification_days")
NUMBER_KEYS = ("min", "max")
_SPLIT = re.compile(r"[;；\n]+")
_TRUE = {"true", "yes", "y", "1", "是", "√"}
_FALSE = {"false", "no", "n", "0", "否", "×"}
_SHEETS = (META_SHEET, ITEMS_SHEET)


@dataclass(frozen=True)
class SheetError(ChecklistError):
    """An error in a checklist sheet, at the cell to fix (`items!J12`)."""

    cell: str = ""

    def where(self) -> str:
        return t("cl.at_cell", file=self.file, cell=self.cell) if self.cell else self.file


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# A cell as the validator's "line": sheet * 1,000,000 + row * 100 + column.
def _at(sheet: int, row: int, column: int) -> int:
    return sheet * 1_000_000 + row * 100 + column


def _cell_of(line: int) -> str:
    sheet, rest = divmod(line, 1_000_000)
    row, column = divmod(rest, 100)
    if not 1 <= sheet <= len(_SHEETS) or not row:
        return ""
    return f"{_SHEETS[sheet - 1]}!{column_letter(column)}{row}"


# --- Checklist → rows ------------------------------------------------------------------


def checklist_rows(checklist: Checklist) -> tuple[list[list[Any]], list[list[Any]]]:
    """The `checklist` and `items` sheets of a checklist, header rows first."""
    meta: list[list[Any]] = [list(META_HEADER)]
    meta += [["id", checklist.id], ["version", checklist.version]]
    meta += [["kinds", ", ".join(checklist.kinds)]]
    meta += [["title_zh", checklist.title_zh], ["title_en", checklist.title_en]]
    meta += [["basis", checklist.basis], ["basis_en", checklist.basis_en]]
    meta += [[f"param.{name}", _number(value)] for name, value in checklist.params.items()]
    if checklist.extra:
        meta.append(["extra", json.dumps(checklist.extra, ensure_ascii=False, sort_keys=True)])
    items: list[list[Any]] = [list(COLUMNS)]
    for section in checklist.sections:
        for position, item in enumerate(section.items):
            items.append(_section_cells(section, first=position == 0) + _item_cells(item))
    return meta, items


def _section_cells(section: Section, *, first: bool) -> list[Any]:
    if not first:
        return [section.code] + [""] * (len(SECTION_COLUMNS) - 1)
    return [getattr(section, key) for key in SECTION_COLUMNS.values()]


def _item_cells(item: Item) -> list[Any]:
    cells: list[Any] = []
    for key in ITEM_COLUMNS:
        if key == "options":
            if item.outcomes:
                pairs = zip(item.choices, item.outcomes, strict=True)
                cells.append("\n".join(f"{value}={outcome}" for value, outcome in pairs))
            else:
                cells.append("\n".join(item.choices))
        elif key in NUMBER_KEYS:
            value = getattr(item, key)
            cells.append("" if value is None else _number(value))
        elif key == "options_en":
            cells.append("\n".join(item.choices_en))
        elif key in ("multiple", "past", "integer"):
            cells.append(True if getattr(item, key) else "")  # a choice's, a date's, a number's
        else:
            cells.append(getattr(item, key))
    return cells


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


# --- rows → Checklist ------------------------------------------------------------------


def checklist_from_rows(
    meta: Sequence[Sequence[Any]],
    items: Sequence[Sequence[Any]],
    source: str,
    *,
    kinds: Collection[str] = VENUE_KINDS,
) -> Checklist:
    """The validated checklist of two sheets; raises `ChecklistInvalid` whose errors are
    `SheetError`s naming each cell."""
    reader = _Reader(source)
    data: dict[str, Any] = {}
    root = Table(_at(1, 1, 1))
    reader.meta(meta, data, root)
    sections, tables = reader.items(items)
    data["sections"] = sections
    if reader.errors:
        raise ChecklistInvalid(reader.errors)
    lines = LineMap("", root, [s for s, _ in tables], [i for _, i in tables])
    try:
        return load_checklist_data(data, source, lines, kinds=kinds)
    except ChecklistInvalid as invalid:
        raise ChecklistInvalid([_on_cell(error) for error in invalid.errors]) from None


def _on_cell(error: ChecklistError) -> SheetError:
    return SheetError(error.file, error.line, error.item_code, error.problem, _cell_of(error.line))


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.errors: list[ChecklistError] = []

    def error(self, line: int, code: str, problem: str, /, **values: Any) -> None:
        self.errors.append(
            SheetError(self.source, line, code, Problem(problem, values), _cell_of(line))
        )

    def meta(self, rows: Sequence[Sequence[Any]], data: dict[str, Any], root: Table) -> None:
        params: dict[str, Any] = {}
        for number, row in enumerate(rows[1:], start=2):
            key = _text(row[0] if row else "")
            value = row[1] if len(row) > 1 else None
            if not key or _blank(value):
                continue
            line = _at(1, number, 2)
            if key.startswith("param."):
                params[key.removeprefix("param.")] = _typed_number(value)
                root.keys.setdefault("params", line)
                continue
            root.keys[key] = line
            if key == "kinds":
                data[key] = [k for k in re.split(r"[,，;；\s]+", _text(value)) if k]
            elif key == "extra":
                try:
                    data[key] = json.loads(_text(value))
                except json.JSONDecodeError as problem:
                    self.error(line, "", "cl.extra_json", error=problem.msg)
            elif key in INTEGER_KEYS:
                data[key] = _typed_int(value)
            else:
                data[key] = _text(value)
        if params:
            data["params"] = params

    def items(
        self, rows: Sequence[Sequence[Any]]
    ) -> tuple[list[dict[str, Any]], list[tuple[Table, list[Table]]]]:
        """The sections with their items, and where each table and key is."""
        if not rows:
            self.error(_at(2, 1, 1), "", "cl.items_sheet_empty")
            return [], []
        header = [_text(cell).lower() for cell in rows[0]]
        for column, name in enumerate(header, start=1):
            if name and name not in COLUMNS:
                self.error(_at(2, 1, column), "", "cl.unknown_column", name=repr(name))
        for name in ("section", "code"):
            if name not in header:
                self.error(_at(2, 1, 1), "", "cl.no_column", name=repr(name))
        sections: list[dict[str, Any]] = []
        tables: list[tuple[Table, list[Table]]] = []
        started: dict[str, int] = {}  # section code -> the row it started on
        for number, row in enumerate(rows[1:], start=2):
            cells = {name: row[i] for i, name in enumerate(header) if name and i < len(row)}
            if all(_blank(v) for v in cells.values()):
                continue
            code = _text(cells.get("section"))
            at = {name: _at(2, number, i) for i, name in enumerate(header, start=1) if name}
            if code and (not sections or sections[-1]["code"] != code):
                if code in started:
                    self.error(at["section"], "", "cl.section_split", code=code, row=started[code])
                started[code] = number
                section, table = self.section(cells, at)
                sections.append(section)
                tables.append((table, []))
            elif not sections:
                self.error(at.get("section", _at(2, number, 1)), "", "cl.no_section")
                continue
            else:
                self.later_section_cells(cells, at, sections[-1], started)
            item, table = self.item(cells, at)
            sections[-1]["items"].append(item)
            tables[-1][1].append(table)
        return sections, tables

    def section(self, cells: dict[str, Any], at: dict[str, int]) -> tuple[dict[str, Any], Table]:
        table = Table(at["section"])
        section: dict[str, Any] = {"items": []}
        for column, key in SECTION_COLUMNS.items():
            if column in cells and not _blank(cells[column]):
                section[key] = _text(cells[column])
                table.keys[key] = at[column]
        return section, table

    def later_section_cells(
        self,
        cells: dict[str, Any],
        at: dict[str, int],
        section: dict[str, Any],
        started: dict[str, int],
    ) -> None:
        """A section's name or condition typed on a row after its first is refused at its
        cell rather than dropped; the same text copied down changes nothing and is read."""
        for column, key in SECTION_COLUMNS.items():
            if key == "code" or _blank(cells.get(column)):
                continue
            if _text(cells[column]) != section.get(key, ""):
                code = section["code"]
                self.error(at[column], "", "cl.section_cell_later", column=column, code=code,
                           row=started.get(code, 0))  # fmt: skip

    def item(self, cells: dict[str, Any], at: dict[str, int]) -> tuple[dict[str, Any], Table]:
        table = Table(at.get("code", 0))
        item: dict[str, Any] = {}
        for key in ITEM_COLUMNS:
            value = cells.get(key)
            if _blank(value):
                continue
            table.keys[key] = at[key]
            if key == "options":
                self.options(item, _text(value), table)
            elif key == "options_en":
                item["choices_en"] = [p.strip() for p in _SPLIT.split(_text(value)) if p.strip()]
                table.keys["choices_en"] = at[key]
            elif key in BOOLEAN_KEYS:
                item[key] = _typed_bool(value)
            elif key in INTEGER_KEYS:
                item[key] = _typed_int(value)
            elif key in NUMBER_KEYS:
                item[key] = _typed_number(value)
            else:
                item[key] = _text(value)
        return item, table

    def options(self, item: dict[str, Any], text: str, table: Table) -> None:
        parts = [p.strip() for p in _SPLIT.split(text) if p.strip()]
        if any("=" in p for p in parts):
            pairs = [p.rpartition("=") if "=" in p else (p, "", "pass") for p in parts]
            item["options"] = [{"value": v.strip(), "outcome": o.strip()} for v, _, o in pairs]
        else:
            item["choices"] = parts
            table.keys["choices"] = table.keys["options"]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _typed_bool(value: Any) -> Any:
    """A yes/no cell as a bool; anything else as written, for the validator to refuse."""
    if isinstance(value, bool):
        return value
    lowered = _text(value).lower()
    return True if lowered in _TRUE else False if lowered in _FALSE else _text(value)


def _typed_int(value: Any) -> Any:
    number = _typed_number(value)
    if isinstance(number, float) and number.is_integer():
        return int(number)
    return number


def _typed_number(value: Any) -> Any:
    if isinstance(value, bool):
        return _text(value)
    if isinstance(value, int | float):
        return value
    try:
        number = float(_text(value))
    except ValueError:
        return _text(value)
    return int(number) if number.is_integer() else number
