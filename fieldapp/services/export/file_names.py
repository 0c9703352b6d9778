"""The ledger file's name follows its format: an XLSX workbook is not written under a
.csv name, nor CSV under .xlsx (a spreadsheet program opening it would say it is broken)."""

from __future__ import annotations

from pathlib import Path

from fieldapp.i18n import t

FORMATS = ("xlsx", "csv")


class WrongSuffix(ValueError):
    """The name ends in another format's extension: which one is meant is not guessed."""

    def __init__(self, out: Path, fmt: str) -> None:
        super().__init__(f"{out}: {fmt}")
        self.out = out
        self.fmt = fmt

    def text(self) -> str:
        other = next(f for f in FORMATS if f != self.fmt)
        return t(
            "export.wrong_suffix",
            format=self.fmt.upper(),
            suffix=self.out.suffix,
            expected=f".{self.fmt}",
            other=other.upper(),
        )


def path_for_format(out: Path, fmt: str) -> Path:
    """Where the ledger in `fmt` goes: `out` when it ends in `.fmt`; `out` with `.fmt`
    added when it ends in no format's extension (台账.6月 → 台账.6月.xlsx); WrongSuffix
    when it ends in another format's."""
    suffix = out.suffix.lower().lstrip(".")
    if suffix == fmt:
        return out
    if suffix in FORMATS:
        raise WrongSuffix(out, fmt)
    return out.with_name(f"{out.name}.{fmt}")


def free_path(out: Path, fmt: str) -> Path:
    """`out`, or when a file it would write is there already (CSV writes several beside
    it), the first of out-2, out-3, … that writes none: an export never overwrites a file
    without asking (F10 twice rewrote the same workbook)."""
    from fieldapp.reports.ledger import csv_paths

    def taken(path: Path) -> bool:
        files = csv_paths(path).values() if fmt == "csv" else [path]
        return any(f.exists() for f in files)

    suffix = f".{fmt}" if out.suffix.lower() == f".{fmt}" else ""
    stem = out.name[: len(out.name) - len(suffix)]
    number = 1
    candidate = out
    while taken(candidate):
        number += 1
        candidate = out.with_name(f"{stem}-{number}{suffix}")
    return candidate
