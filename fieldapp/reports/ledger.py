"""The inspection ledger (检查台账) an office keeps, as CSV files or one XLSX workbook.

No store here: the export service feeds rows page by page; this module decides the
columns, turns answers into cells and streams them out (xlsxwriter's constant-memory
mode, so a 100k-row ledger never sits in memory).

Item columns stay in place across checklist versions: one column per item code, the
union over every version of the checklists involved — checklists by id; within one, the
newest version's section order; then items that later versions removed, newest first,
each keeping its own column. A code shared by several checklists (COM-01) has one column.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

from fieldapp.domain.checklist import Checklist, Item
from fieldapp.domain.clock import today
from fieldapp.i18n import said_in, text_in
from fieldapp.paths import private_file

SHEETS = (
    "inspections", "findings", "events", "people", "followups", "patrols", "incidents",
    "activities",
)  # fmt: skip


class Labels:
    """Ledger texts in one language, independent of the UI language (an office ledger
    is Chinese even when the program runs in English). Read through the merged
    catalogues (`i18n.said_in`), wherever a catalogue module keeps them: the incident and
    activity sheets name categories, states, units and outcomes as the incident screens do."""

    def __init__(self, lang: str = "zh"):
        self.lang = "en" if lang == "en" else "zh"

    def __call__(self, key: str, **values: object) -> str:
        return said_in(self.lang, key, **values)  # "1 conflict" as `t` says it

    def __contains__(self, key: str) -> bool:
        return text_in("zh", key) is not None

    def maybe(self, prefix: str, code: str) -> str:
        """The label for a code, or the code itself when there is none."""
        key = f"{prefix}.{code}"
        return self(key) if key in self else code


@dataclass(frozen=True)
class ItemColumn:
    code: str
    zh: str
    en: str
    answer: str  # answer type of the newest version that has the item
    item: Item | None = None  # that version's item: its options' English labels

    def header(self, lang: str = "zh") -> str:
        return f"{self.code} {self.en if lang == 'en' and self.en else self.zh}"

    def value_in(self, value: str, lang: str) -> str:
        """A stored answer as the ledger's language says it: in English, each chosen
        option by its English label (已安装且有效 → Installed and working)."""
        english = self.item.value_en(value) if lang == "en" and self.item else ""
        return english or value


def item_columns(checklists: Iterable[Checklist]) -> list[ItemColumn]:
    """One column per item code across every version given, in the stable ledger order."""
    by_id: dict[str, list[Checklist]] = {}
    for checklist in checklists:
        by_id.setdefault(checklist.id, []).append(checklist)
    columns: dict[str, ItemColumn] = {}
    for checklist_id in sorted(by_id):
        versions = sorted(by_id[checklist_id], key=lambda c: c.version, reverse=True)
        for version in versions:  # newest first: its order, then what older ones had
            for item in version.items:
                if item.code not in columns:
                    columns[item.code] = ItemColumn(item.code, item.zh, item.en, item.answer, item)
    return list(columns.values())


class ItemWordings:
    """Each item's (zh, en) wordings in every version given, to recognise a generated
    description ("未达标：…") by: the version it was recorded under first, then the others
    newest first (an item reworded since, or a finding whose version is not known)."""

    def __init__(self, checklists: Iterable[Checklist]) -> None:
        self._in: dict[tuple[str, int], dict[str, tuple[str, str]]] = {}
        self._any: dict[str, list[tuple[str, str]]] = {}
        for checklist in sorted(checklists, key=lambda c: c.version, reverse=True):
            held = self._in.setdefault((checklist.id, checklist.version), {})
            for item in checklist.items:
                held[item.code] = (item.zh, item.en)
                if (item.zh, item.en) not in self._any.setdefault(item.code, []):
                    self._any[item.code].append((item.zh, item.en))

    def of(self, code: str, checklist_id: str | None, version: int | None) -> list[tuple[str, str]]:
        recorded = self._in.get((checklist_id or "", version or 0), {}).get(code)
        others = [wording for wording in self._any.get(code, []) if wording != recorded]
        return [recorded, *others] if recorded else others


def _number(value: str) -> int | float | str:
    try:
        number = float(value)
    except ValueError:
        return value
    return int(number) if number.is_integer() and "." not in value else number


def _day(value: str) -> dt.date | str:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return value


def answer_cell(column: ItemColumn, outcome: str, value: str, labels: Labels) -> object:
    """What the ledger shows for one answer: 合格 / 不合格 / 不适用 for yes-no items,
    the recorded value otherwise (numbers as numbers, dates as dates), marked when it
    failed; a choice by its label in the ledger's language."""
    if column.answer == "choice":
        value = column.value_in(value, labels.lang)
    if outcome == "na":
        return labels("ledger.outcome.na")
    if outcome == "fail":
        return (
            labels("ledger.value_failed", value=value) if value else labels("ledger.outcome.fail")
        )
    if outcome == "pass" and not value:
        return labels("ledger.outcome.pass")
    if outcome == "note" and not value:
        return None
    if column.answer == "number" and value:
        return _number(value)
    if column.answer == "date" and value:
        return _day(value)
    return value or labels("ledger.outcome.pass")


class LedgerSink(Protocol):
    def sheet(self, name: str, headers: Sequence[str], widths: Sequence[int] = ()) -> None:
        """Start the next sheet (or file); `name` is one of SHEETS."""

    def row(self, values: Sequence[object]) -> None: ...

    def close(self) -> list[Path]:
        """Finish writing; returns the files written."""
        ...


def csv_paths(out: Path) -> dict[str, Path]:
    """inspections at OUT, the others beside it: OUT_findings.csv, OUT_finding_events.csv."""
    stem = out.with_suffix("") if out.suffix.lower() == ".csv" else out
    return {
        "inspections": stem.with_name(stem.name + ".csv"),
        "findings": stem.with_name(stem.name + "_findings.csv"),
        "events": stem.with_name(stem.name + "_finding_events.csv"),
        "people": stem.with_name(stem.name + "_people.csv"),
        "followups": stem.with_name(stem.name + "_followups.csv"),
        "patrols": stem.with_name(stem.name + "_patrols.csv"),
        "incidents": stem.with_name(stem.name + "_incidents.csv"),
        "activities": stem.with_name(stem.name + "_activities.csv"),
    }


class KeptAsText(str):
    """Digits that are text, not a number: a full ID number or phone. Excel opening a CSV
    read 450103198001011234 as a number and kept 15 digits (450103198001011000); in CSV
    it is written after a tab, which Excel keeps as text (the workbook writes text)."""


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(value: object) -> object:
    """ISO text for days (2026-06-08) and moments (2026-06-08 09:30:00, local time), the
    forms Excel opening a CSV reads as dates; digits kept as text after a tab. Typed text
    that Excel would run as a formula (an address `=HYPERLINK(…)`, a narrative `=1+2 …`)
    is written after a single quote, which Excel shows as text; numbers and dates stay."""
    if value is None:
        return ""
    if isinstance(value, KeptAsText) and value:
        return "\t" + value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class CsvSink:
    """Three UTF-8 CSV files with a byte-order mark, so Excel shows the Chinese."""

    def __init__(self, out: Path):
        self.paths = csv_paths(out)
        self._handle: IO[str] | None = None
        self._writer: Any = None
        self._written: list[Path] = []

    def sheet(self, name: str, headers: Sequence[str], widths: Sequence[int] = ()) -> None:
        self._finish()
        path = self.paths[name]
        self._handle = open(path, "w", encoding="utf-8-sig", newline="", opener=private_file)  # noqa: SIM115
        self._writer = csv.writer(self._handle)
        self._writer.writerow(headers)
        self._written.append(path)

    def row(self, values: Sequence[object]) -> None:
        self._writer.writerow([_csv_value(v) for v in values])

    def _finish(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def close(self) -> list[Path]:
        self._finish()
        return list(self._written)


DAY_FORMAT = "yyyy-mm-dd"
MOMENT_FORMAT = "yyyy-mm-dd hh:mm"


class XlsxSink:
    """One workbook, one sheet per part, written by xlsxwriter in constant-memory mode:
    each row goes to the sheet's file as it comes, so a 100k-row ledger never sits in
    memory (openpyxl stays for reading imported sheets).

    Text stays text: a value that starts with "=" or looks like a link is written as the
    string it is, never as a formula or a hyperlink. Days (`date`) and moments (naive
    local `datetime`) are Excel dates, shown as yyyy-mm-dd and yyyy-mm-dd hh:mm, so a
    clerk can sort and filter every date column alike. Saved to a
    temporary name and renamed, so a failed export never leaves half a file under the
    name asked for.
    """

    def __init__(self, out: Path, labels: Labels):
        import xlsxwriter

        self.out = out
        self.labels = labels
        self._as_of = today().isoformat()
        self._temp = out.with_name(out.name + ".part")
        # Made 0600 before xlsxwriter writes it (its "wb" keeps the mode); renamed as it is.
        os.close(private_file(self._temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC))
        self._book = xlsxwriter.Workbook(
            str(self._temp),
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "default_date_format": "yyyy-mm-dd",
            },
        )
        self._header = self._book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        self._day = self._book.add_format({"num_format": DAY_FORMAT})
        self._moment = self._book.add_format({"num_format": MOMENT_FORMAT})
        self._sheet: Any = None
        self._row = 0

    def sheet(self, name: str, headers: Sequence[str], widths: Sequence[int] = ()) -> None:
        # The people register is a snapshot: its title says the day it was taken.
        sheet = self._book.add_worksheet(self.labels(f"ledger.sheet.{name}", on=self._as_of))
        for index, width in enumerate(widths):
            sheet.set_column(index, index, width)
        sheet.freeze_panes(1, 0)
        sheet.write_row(0, 0, headers, self._header)
        self._sheet = sheet
        self._row = 1

    def row(self, values: Sequence[object]) -> None:
        """What `write_row` writes, without its per-cell dispatch for the cells most rows
        are made of: an empty cell (no format) is no cell at all, and with formulas and
        links off a non-empty string is a string. Dates and anything else go the usual
        way. Like `write_row`, the row stops at a cell xlsxwriter refuses."""
        sheet, number = self._sheet, self._row
        for col, value in enumerate(values):
            if value is None:
                continue
            kind = value.__class__
            if kind is str:
                error = sheet._write_string(number, col, value) if value else 0
            elif kind is int or kind is float:
                error = sheet._write_number(number, col, value)
            elif kind is dt.date:
                error = sheet._write_datetime(number, col, value, self._day)
            elif kind is dt.datetime:
                error = sheet._write_datetime(number, col, value, self._moment)
            else:
                error = sheet._write(number, col, value, None)
            if error:
                break
        self._row += 1

    def close(self) -> list[Path]:
        from xlsxwriter.exceptions import FileCreateError

        try:
            self._book.close()
            os.replace(self._temp, self.out)
        except FileCreateError as error:  # the OSError it wraps, said like any other
            cause = error.args[0] if error.args else None
            raise cause if isinstance(cause, OSError) else OSError(str(error)) from error
        finally:
            self._temp.unlink(missing_ok=True)
        return [self.out]


def make_sink(fmt: str, out: Path, labels: Labels) -> LedgerSink:
    if fmt == "csv":
        return CsvSink(out)
    if fmt == "xlsx":
        return XlsxSink(out, labels)
    raise ValueError(f"unknown export format {fmt!r}; use csv or xlsx")
