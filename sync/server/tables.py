"""Reading administrator spreadsheets (CSV or XLSX) as rows keyed by header.

A problem with a row is data (`RowError`: row, column, a catalogue key and its values),
worded in the language of whoever reads it when it is shown: the admin CLI speaks its
`--lang`, the web office its user's.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from fieldapp.domain import personal
from fieldapp.domain.office_files import workbook_format
from fieldapp.i18n import language, listed, t

Aliases = Mapping[str, tuple[str, ...]]  # an English column name → its Chinese names
# What an import reads: a workbook, or CSV (a file without a suffix, or .txt, read as CSV).
TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".txt", "")


class Quoted(tuple[str, ...]):
    """Names a message lists each in quotes, as its language quotes: “类别” in Chinese,
    'kind' in English (straight single quotes, as English messages quote a value)."""

    def said(self, lang: str) -> str:
        return listed((f"“{name}”" if lang == "zh" else f"'{name}'" for name in self), lang)


@dataclass(frozen=True)
class RowError:
    row: int  # the row number a spreadsheet shows (the header is row 1; 0: the whole file)
    column: str  # the file's header name, as the file has it ("" when no one column)
    key: str  # the problem's catalogue key (fieldapp/i18n/catalog_import.py)
    values: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @property
    def message(self) -> str:
        """The problem in the current language; a list value reads as a list does there."""
        lang = language()
        values = {
            name: value.said(lang)
            if isinstance(value, Quoted)
            else listed(value, lang)
            if isinstance(value, (list, tuple))
            else value
            for name, value in self.values.items()
        }
        return t(self.key, **values)

    def __str__(self) -> str:
        return self.shown({})

    def shown(self, headers: Mapping[str, str]) -> str:
        """The problem at its row and column, the column named as the file's header row
        names it (`headers`: an English column name → the file's, 类型 for kind)."""
        if not self.row:
            return self.message
        if self.column:
            column = headers.get(self.column, self.column)
            return t("import.at_cell", row=self.row, column=column, problem=self.message)
        return t("import.at_row", row=self.row, problem=self.message)


LISTED = 50  # the problems a refusal lists; it counts the rest


class ImportRefused(ValueError):
    """Nothing was imported; `errors` lists every bad row. `headers` are the file's own
    header names (`Table.headers`: kind → 类型), so each problem names its column as the
    file does; {} before the header row is read."""

    def __init__(self, source: str, errors: list[RowError], *, headers: Mapping[str, str]) -> None:
        self.source = source
        self.errors = sorted(errors, key=lambda error: error.row)  # in the file's order
        self.headers = headers
        super().__init__(source)

    def __str__(self) -> str:
        """The problems in row order, at most `LISTED` of them (300 bad rows made 300
        lines the office scrolled past), then how many more there are."""
        lines = [t("import.refused", source=self.source, count=len(self.errors))]
        lines += [f"  {e.shown(self.headers)}" for e in self.errors[:LISTED]]
        if len(self.errors) > LISTED:
            lines.append(f"  {t('import.refused_more', count=len(self.errors) - LISTED)}")
        return "\n".join(lines)


@dataclass(frozen=True)
class Row:
    number: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column, "").strip()


@dataclass(frozen=True)
class Table:
    """A sheet's data rows, keyed by English column name, and the file's own header for
    each column it names otherwise (kind → 类型): a refusal names a column as the file
    does (`ImportRefused(…, headers=table.headers)`)."""

    rows: list[Row]
    headers: Mapping[str, str]
    # What reading found wrong that does not stop the rows from being read (a quote never
    # closed: the rows before it): an import starts its own list of problems with these.
    problems: list[RowError] = field(default_factory=list)


def wire_max(model: type[BaseModel], field: str) -> int:
    """The longest text the wire format takes for that field of that model."""
    for bound in model.model_fields[field].metadata:  # MinLen, MaxLen, Pattern…
        if isinstance(limit := getattr(bound, "max_length", None), int):
            return limit
    raise LookupError(f"{model.__name__}.{field} has no max_length")


def check_lengths(errors: list[RowError], row: Row, limits: dict[str, int]) -> None:
    """Each column of `limits` at most that many characters, else an error on the row."""
    for column, limit in limits.items():
        if len(value := row.get(column)) > limit:
            errors.append(
                RowError(
                    row.number, column, "import.too_long", {"length": len(value), "limit": limit}
                )
            )


def check_phone(
    errors: list[RowError], row: Row, column: str = "phone", problem: str = "import.bad_phone"
) -> str:
    """The row's phone as stored (spaces and brackets dropped), with an error on the row
    when it is not one (`personal.phone_problem`), said by the catalogue key `problem`; an
    empty cell is no phone, no error."""
    phone = personal.normalize_phone(row.get(column))
    if personal.phone_problem(phone):
        errors.append(RowError(row.number, column, problem, {"value": row.get(column)}))
    return phone


def no_grid(row: Row, column: str, grid: str) -> RowError:
    """`grid`, given in `column`, is no grid on the server; an empty cell is said to be
    empty (not 服务器上没有网格“”)."""
    if not grid.strip():
        return RowError(row.number, column, "import.cell_empty")
    return RowError(row.number, column, "import.no_grid", {"grid": grid})


def also_on_row(row: Row, column: str, code: str, other: int) -> RowError:
    """`code` was given on an earlier row (`other`) of the file too."""
    return RowError(row.number, column, "import.also_on_row", {"code": code, "other": other})


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _header(text: str) -> str:
    """A header cell as compared: trimmed, lower-cased, without the * a template marks a
    required column with."""
    return text.strip().strip("*＊").strip().lower()


def _other_separator(text: str) -> str:
    """The refusal of a CSV whose header row is separated by semicolons or tabs (Excel
    in some regions, a copy from a web page) instead of commas; "" for a comma one."""
    header = text.lstrip().split("\n", 1)[0]
    if "," in header:
        return ""
    if ";" in header or "；" in header:
        return "import.semicolons"
    return "import.tabs" if "\t" in header else ""


def read_table(
    path: Path | str, required: tuple[str, ...], aliases: Aliases | None = None
) -> Table:
    """Rows of the first sheet (XLSX) or of the CSV file, keyed by English header name
    (lower-cased), with the file's own header names: a header given by one of its Chinese
    names (`aliases`, a table of `sync.server.headers`) reads as its English name. A file with headers and no data
    row is refused as an empty one is: an import of nothing is a wrong file or sheet.
    Given `aliases`, a header that names none of its columns is refused with the columns
    the import reads: its data would otherwise be dropped without a word."""
    path = Path(path)
    problems: list[RowError] = []
    if not path.is_file():
        raise ImportRefused(str(path), [RowError(0, "", "import.no_file")], headers={})
    if path.suffix.lower() not in TABLE_SUFFIXES:  # a .toml read as CSV lists "missing" columns
        problem = RowError(0, "", "import.not_table_file", {"suffix": path.suffix})
        raise ImportRefused(path.name, [problem], headers={})
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raw = _xlsx_rows(path)
    else:
        if workbook := workbook_format(path):  # read as text, it is "not UTF-8"
            key = {"xlsx": "import.xlsx_as_csv", "xls": "import.xls_as_csv"}[workbook]
            problem = RowError(0, "", key)
            raise ImportRefused(path.name, [problem], headers={})
        try:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                text = handle.read()
        except UnicodeDecodeError:
            problem = RowError(0, "", "import.not_utf8")
            raise ImportRefused(path.name, [problem], headers={}) from None
        separator = _other_separator(text)
        if separator:  # every column "missing", and not a word of why
            raise ImportRefused(path.name, [RowError(1, "", separator)], headers={})
        raw = [list(row) for row in csv.reader(io.StringIO(text, newline=""))]
        if _ends_in_open_quote(text):  # its last row swallowed the rest of the file
            unclosed = RowError(len(raw), "", "import.open_quote")
            if len(raw) < 2:  # the header row itself
                raise ImportRefused(path.name, [unclosed], headers={})
            raw.pop()  # the rows before it are read and checked as any others
            problems.append(unclosed)
    if not _filled(raw):
        raise ImportRefused(path.name, [RowError(1, "", "import.empty_file")], headers={})
    aliases = aliases or {}
    english = {_header(a): name for name, names in aliases.items() for a in names}
    headers = [english.get(_header(cell), _header(cell)) for cell in raw[0]]
    cells = {name: cell.strip() for name, cell in zip(headers, raw[0], strict=True)}
    written = {name: cell for name, cell in cells.items() if name != cell}
    missing = [c for c in required if c not in headers]
    unknown = [
        cell.strip() for cell, h in zip(raw[0], headers, strict=True) if h and h not in aliases
    ]
    twice = _named_twice(raw[0], headers)
    if missing or twice or (unknown and aliases):
        chinese = any(not cell.isascii() for cell in written.values())  # 网格, not grid
        problems = [_missing(c, aliases.get(c, ()), chinese) for c in missing] + twice
        raise ImportRefused(path.name, problems + _unknown(unknown, aliases), headers=written)
    rows, stray = [], []
    for number, values in enumerate(raw[1:], start=2):
        if not any(v.strip() for v in values):
            continue
        if unheaded := _unheaded(number, values, headers):
            stray.append(unheaded)
        rows.append(
            Row(number, {h: (values[i] if i < len(values) else "") for i, h in enumerate(headers)})
        )
    if stray:
        raise ImportRefused(path.name, stray + problems, headers=written)
    if not rows:
        problems = problems or [RowError(0, "", "import.no_rows")]
        raise ImportRefused(path.name, problems, headers=written)
    return Table(rows, written, problems)


def _xlsx_rows(path: Path) -> list[list[str]]:
    """The first sheet's cells as text, each formula's saved value; refused when that
    sheet is empty and another is not (only the first is read), and when a formula has
    no saved value (it would read as an empty cell)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds, in English, on a damaged file
        raise ImportRefused(path.name, [RowError(0, "", "import.bad_xlsx")], headers={}) from None
    raw = _sheet_cells(book.worksheets[0])
    titles = [sheet.title for sheet in book.worksheets]
    elsewhere = [] if _filled(raw) else [
        sheet.title for sheet in book.worksheets[1:] if _filled(_sheet_cells(sheet))
    ]  # fmt: skip
    book.close()
    if elsewhere:  # "the file is empty" of a workbook with data is not believed
        values = {"first": titles[0], "other": elsewhere[0]}
        problem = RowError(0, "", "import.first_sheet_empty", values)
        raise ImportRefused(path.name, [problem], headers={})
    if formulas := _formulas_left_empty(path, raw):
        raise ImportRefused(path.name, formulas, headers={})
    return raw


def _sheet_cells(sheet: Any) -> list[list[str]]:
    return [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def _filled(raw: list[list[str]]) -> bool:
    return any(v.strip() for values in raw for v in values)


def _formulas_left_empty(path: Path, raw: list[list[str]]) -> list[RowError]:
    """Formula cells of the first sheet with no value saved with them (a workbook written
    by a program that does not calculate): each would read as an empty cell. A second
    read, for their formulas, only when a sheet of the workbook holds one."""
    if not _holds_formulas(path):
        return []
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    found = []
    rows = book.worksheets[0].iter_rows(values_only=True)
    for number, (values, read) in enumerate(zip(rows, raw, strict=False), start=1):
        for i, value in enumerate(values):
            if isinstance(value, str) and value.startswith("=") and not read[i].strip():
                column = raw[0][i].strip() if number > 1 and i < len(raw[0]) else ""
                found.append(RowError(number, column, "import.formula_cell", {"formula": value}))
    book.close()
    return found


def _holds_formulas(path: Path) -> bool:
    """Whether any worksheet of the XLSX has a formula (<f> element) in its XML."""
    with zipfile.ZipFile(path) as book:
        for name in book.namelist():
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            with book.open(name) as part:
                tail = b""
                while chunk := part.read(1 << 20):
                    text = tail + chunk
                    if b"<f>" in text or b"<f " in text:
                        return True
                    tail = text[-3:]
    return False


def _ends_in_open_quote(text: str) -> bool:
    """Whether a quote the file opens is never closed: the lenient reader then reads the
    rest of the file into one cell; the strict one says so at the end of the data."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    while True:
        try:
            next(reader)
        except StopIteration:
            return False
        except csv.Error as error:  # other strict complaints: read leniently, as always
            if "unexpected end of data" in str(error):
                return True


def _unheaded(number: int, values: list[str], headers: list[str]) -> RowError | None:
    """Cells written where the header names no column (past its end, or under an empty
    header cell): refused, as a row shifted by one column would otherwise lose them."""
    from openpyxl.utils import get_column_letter

    found = [(i, v.strip()) for i, v in enumerate(values) if v.strip()]
    found = [(i, v) for i, v in found if i >= len(headers) or not headers[i]]
    if not found:
        return None
    columns = tuple(get_column_letter(i + 1) for i, _ in found)
    shown = tuple(v if len(v) <= 20 else v[:19] + "…" for _, v in found)
    return RowError(number, "", "import.unheaded_cells", {"columns": columns, "values": shown})


def _named_twice(cells: list[str], headers: list[str]) -> list[RowError]:
    """Columns the header row names twice (code and code, or code and its alias 编码):
    a row keeps one cell per name, so the other column's data would be dropped."""
    named: dict[str, list[str]] = {}
    for cell, name in zip(cells, headers, strict=True):
        if name:
            named.setdefault(name, []).append(cell.strip())
    return [  # named as the file names it: 场所名称, not name
        RowError(
            1,
            "",
            "import.column_twice",
            {"column": _as_written(name, found), "cells": Quoted(found)},
        )
        for name, found in named.items()
        if len(found) > 1
    ]


def _as_written(name: str, cells: list[str]) -> str:
    """A column the file names more than once, by the name it gives it where that is one
    name (场所名称 twice), else by the name the import reads it as (name)."""
    return cells[0] if len(set(cells)) == 1 else name


def _unknown(columns: list[str], aliases: Aliases) -> list[RowError]:
    """Columns no import reads: refused, as their data would be silently dropped. The
    accepted columns are listed by a Chinese name (zh) or the English one (en)."""
    names = Quoted((chinese or (name,))[0] for name, chinese in aliases.items())
    values = {"names": names, "codes": tuple(aliases)}
    return [RowError(1, "", "import.unknown_column", {"column": c, **values}) for c in columns]


def _missing(column: str, names: tuple[str, ...], chinese: bool) -> RowError:
    """A required column the header row lacks, with the other names it may have; named as
    the file names its other columns: by its first Chinese name where they are Chinese
    (表头缺少“网格”列, not “grid”, its English name then among the others)."""
    if chinese and names:
        values = {"column": names[0], "names": Quoted((*names[1:], column))}
        return RowError(1, "", "import.missing_column_aliases", values)
    if not names:
        return RowError(1, column, "import.missing_column", {"column": column})
    values = {"column": column, "names": Quoted(names)}
    return RowError(1, column, "import.missing_column_aliases", values)
