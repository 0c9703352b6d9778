"""A written file's name follows its format: an XLSX workbook is not written under a
.csv or .pdf name, nor CSV under .xlsx (a program opening it would say it is broken), and
a name taken is never overwritten. One set of rules for the export screen and the
command line's export, monthly report, notice and letter."""

from __future__ import annotations

import os
from pathlib import Path

from fieldapp.i18n import t

FORMATS = ("xlsx", "csv")  # the ledger's
SUFFIXES = ("xlsx", "csv", "pdf")  # a name ending in one of these is not given another
# The most characters a file's name takes from a typed text (a 文号, a notice's number):
# a file system takes 255 bytes in a name and a Chinese character is three of them.
NAME_PART_MAX = 40


def name_part(text: str, most: int = NAME_PART_MAX) -> str:
    """`text` as part of a file's name: letters, digits, - and _ kept, anything else _,
    at most `most` characters ("公移〔2026〕12号" → 公移_2026_12号); "x" for nothing left.
    A longer text is cut, so its document is still written."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in text).strip("_")
    return safe[:most].rstrip("_") or "x"


class WrongSuffix(ValueError):
    """The name ends in another format's extension: which one is meant is not guessed."""

    def __init__(self, out: Path, fmt: str, other: str | None) -> None:
        super().__init__(f"{out}: {fmt}")
        self.out = out
        self.fmt = fmt
        self.other = other  # the format the name's extension is, when it can be chosen

    def text(self) -> str:
        said = {"format": self.fmt.upper(), "suffix": self.out.suffix, "expected": f".{self.fmt}"}
        if self.other is None:
            return t("export.wrong_suffix_only", **said)
        return t("export.wrong_suffix", other=self.other.upper(), **said)


def path_for_format(out: Path, fmt: str, choices: tuple[str, ...] = FORMATS) -> Path:
    """Where the file in `fmt` goes: `out` when it ends in `.fmt`; `out` with `.fmt`
    added when it ends in no known extension (台账.6月 → 台账.6月.xlsx); WrongSuffix
    when it ends in another (b.pdf for a workbook), saying to choose that format when it
    is one of `choices`."""
    suffix = out.suffix.lower().lstrip(".")
    if suffix == fmt:
        return out
    if suffix in SUFFIXES:
        raise WrongSuffix(out, fmt, suffix if suffix in choices else None)
    return out.with_name(f"{out.name}.{fmt}")


def free_path(out: Path, fmt: str, beside: tuple[str, ...] = ()) -> Path:
    """`out`, or when a file it would write is there already (CSV writes several beside
    it; `beside`: suffixes of files written with it, .pdf beside a monthly .xlsx), the
    first of out-2, out-3, … that writes none: an export never overwrites a file without
    asking (F10 twice rewrote the same workbook). A symbolic link is a name taken, even
    one whose file is gone: it is not replaced by a file."""
    from fieldapp.reports.ledger import csv_paths

    def taken(path: Path) -> bool:
        files = list(csv_paths(path).values()) if fmt == "csv" else [path]
        files += [path.with_suffix(suffix) for suffix in beside]
        return any(os.path.lexists(f) for f in files)

    suffix = f".{fmt}" if out.suffix.lower() == f".{fmt}" else ""
    stem = out.name[: len(out.name) - len(suffix)]
    number = 1
    candidate = out
    while taken(candidate):
        number += 1
        candidate = out.with_name(f"{stem}-{number}{suffix}")
    return candidate
