"""Reading administrator spreadsheets (CSV or XLSX) as rows keyed by header."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel


@dataclass(frozen=True)
class RowError:
    row: int  # the row number a spreadsheet shows (the header is row 1)
    column: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


class ImportRefused(ValueError):
    """Nothing was imported; `errors` lists every bad row."""

    def __init__(self, source: str, errors: list[RowError]) -> None:
        self.source = source
        self.errors = errors
        lines = [f"{source}: nothing imported, {len(errors)} problem(s):"]
        lines += [f"  {e}" for e in errors]
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class Row:
    number: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column, "").strip()


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
                    row.number,
                    column,
                    f"too long ({len(value)} characters, at most {limit}): shorten it",
                )
            )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_table(path: Path | str, required: tuple[str, ...]) -> list[Row]:
    """Rows of the first sheet (XLSX) or of the CSV file, headers lower-cased."""
    path = Path(path)
    if not path.is_file():
        raise ImportRefused(str(path), [RowError(0, "", "no such file")])
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        import openpyxl

        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds on a damaged file
            raise ImportRefused(
                path.name, [RowError(0, "", f"not a readable XLSX file ({error})")]
            ) from None
        sheet = book.worksheets[0]
        raw = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        book.close()
    else:
        try:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                raw = [list(row) for row in csv.reader(handle)]
        except UnicodeDecodeError:
            raise ImportRefused(
                path.name, [RowError(0, "", "the CSV file is not UTF-8; save it as CSV UTF-8")]
            ) from None
    if not raw:
        raise ImportRefused(path.name, [RowError(1, "", "the file is empty")])
    headers = [h.strip().lower() for h in raw[0]]
    missing = [c for c in required if c not in headers]
    if missing:
        raise ImportRefused(
            path.name,
            [RowError(1, c, "this column is missing from the header row") for c in missing],
        )
    rows = []
    for number, values in enumerate(raw[1:], start=2):
        if not any(v.strip() for v in values):
            continue
        rows.append(
            Row(number, {h: (values[i] if i < len(values) else "") for i, h in enumerate(headers)})
        )
    return rows
