"""Parse and validate a checklist TOML document into a `Checklist`.

Validation collects every error, each with the file, the line a person should look at and
the item code, so an administrator fixes a file in one pass. Semantic errors point at the
offending key's line inside the item's `[[sections.items]]` table, found by scanning the
raw text; a TOML syntax error points at the line tomllib reports.

Pure: no Peewee, no Textual. Messages are English (they are for checklist authors and
are printed next to file:line, like a compiler's).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, fields
from typing import Any

from fieldapp.domain.checklist import (
    ANSWER_TYPES,
    PHOTO_RULES,
    SEVERITIES_ON_FAIL,
    Checklist,
    Item,
    Section,
)
from fieldapp.domain.checklist_items import (
    Report,
    check_bounds,
    check_choices,
    is_int,
    is_text,
    one_of,
    show,
    unknown,
)
from fieldapp.domain.checklist_lines import LineMap
from fieldapp.domain.checklist_rules import condition_problems, params_problems
from fieldapp.domain.kinds import VENUE_KINDS

ITEM_CODE_RE = re.compile(r"^[A-Z]{2,5}-\d{2,3}$")
SECTION_CODE_RE = re.compile(r"^[A-Z]{2,5}$")
CHECKLIST_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")

TOP_KEYS = (
    "id", "version", "kinds", "title_zh", "title_en", "basis", "sections", "extra", "params"
)  # fmt: skip
TOP_REQUIRED = ("id", "version", "kinds", "title_zh", "title_en", "sections")
SECTION_KEYS = ("code", "zh", "en", "items", "show_if", "required_if", "repeat")
# `options` is how a file writes choices with their outcomes: [{value, outcome}, …].
ITEM_KEYS = (*(f.name for f in fields(Item)), "options")
ITEM_REQUIRED = ("code", "zh", "en", "answer", "severity")


@dataclass(frozen=True)
class ChecklistError:
    """One problem in a checklist file. `line` is 1-based; 0 when no line applies."""

    file: str
    line: int
    item_code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        code = f" {self.item_code}:" if self.item_code else ""
        return f"{where}:{code} {self.message}"


class ChecklistInvalid(ValueError):
    """A checklist document failed validation; `errors` holds every problem found."""

    def __init__(self, errors: list[ChecklistError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


def validate_checklist_text(
    text: str, source: str, *, kinds: Collection[str] = VENUE_KINDS
) -> list[ChecklistError]:
    """Every error in the document (an empty list when it is valid). `kinds`: the venue
    kinds known (the shipped ones, and on the server those the office imported)."""
    return _parse(text, source, kinds)[1]


def load_checklist_text(
    text: str, source: str, *, kinds: Collection[str] = VENUE_KINDS
) -> Checklist:
    """The validated checklist; raises `ChecklistInvalid` listing every error."""
    checklist, errors = _parse(text, source, kinds)
    if errors or checklist is None:
        raise ChecklistInvalid(errors)
    return checklist


def load_checklist_data(
    data: dict[str, Any], source: str, lines: LineMap, *, kinds: Collection[str] = VENUE_KINDS
) -> Checklist:
    """A checklist document read from elsewhere than TOML (a sheet), with `lines` pointing
    each table and key at a position the reader can translate back (its cells)."""
    validator = Validator(source, lines, lines.matches(data), kinds)
    validator.document(data)
    if validator.errors:
        raise ChecklistInvalid(sorted(validator.errors, key=lambda e: e.line))
    return _build(data)


# --- parsing and validation --------------------------------------------------------------

_POSITION_RE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def _parse(
    text: str, source: str, kinds: Collection[str]
) -> tuple[Checklist | None, list[ChecklistError]]:
    data, lines, errors = read_toml(text, source)
    if data is None:
        return None, errors
    validator = Validator(source, lines, lines.matches(data), kinds)
    validator.document(data)
    if validator.errors:
        return None, sorted(validator.errors, key=lambda e: e.line)
    return _build(data), []


def read_toml(
    text: str, source: str
) -> tuple[dict[str, Any] | None, LineMap, list[ChecklistError]]:
    """The parsed document and its line map, or the syntax error at its line."""
    lines = LineMap.scan(text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line = 0
        found = _POSITION_RE.search(message)
        if found:
            line = int(found.group(1))
            message = f"{message[: found.start()]} (column {found.group(2)})"
        elif "end of document" in message:
            line = max(1, len(text.splitlines()))
        code = lines.item_code_at(line) if line else ""
        return None, lines, [ChecklistError(source, line, code, f"TOML syntax error: {message}")]
    return data, lines, []


class Validator:
    """Collects every error of a checklist document (a campaign's validator extends it)."""

    section_keys: tuple[str, ...] = SECTION_KEYS

    def __init__(
        self,
        source: str,
        lines: LineMap,
        tables_match: bool,
        kinds: Collection[str] = VENUE_KINDS,
    ) -> None:
        self.source = source
        self.known_kinds = tuple(kinds)
        self.lines = lines
        self.tables_match = tables_match
        self.errors: list[ChecklistError] = []
        self.seen_codes: dict[str, int] = {}

    def error(self, line: int, code: str, message: str) -> None:
        self.errors.append(ChecklistError(self.source, line, code, message))

    # Where to point for a key of the root, a section or an item.
    def root_line(self, key: str | None = None) -> int:
        return self.lines.root.keys.get(key or "", 0) or 1

    def section_line(self, si: int, key: str | None = None) -> int:
        if self.tables_match:
            table = self.lines.sections[si]
            return table.keys.get(key or "", 0) or table.line
        return 1

    def item_line(self, si: int, ii: int, code: str, key: str | None, occurrence: int) -> int:
        if self.tables_match:
            table = self.lines.items[si][ii]
            return table.keys.get(key or "", 0) or table.keys.get("code", 0) or table.line
        # Items not written as [[sections.items]] tables: find the n-th `code = "X"` line.
        return (self.lines.code_line(code, occurrence) if code else 0) or self.section_line(si)

    def document(self, data: dict[str, Any]) -> None:
        for key in data:
            if key not in TOP_KEYS:
                self.error(self.root_line(key), "", unknown(key, TOP_KEYS))
        for key in TOP_REQUIRED:
            if key not in data:
                self.error(1, "", f'missing required key "{key}"')
        if "id" in data and not (isinstance(data["id"], str) and CHECKLIST_ID_RE.match(data["id"])):
            self.error(
                self.root_line("id"),
                "",
                f"id must be lower-case letters, digits and _ (got {show(data['id'])})",
            )
        if "version" in data and not (is_int(data["version"]) and data["version"] >= 1):
            self.error(
                self.root_line("version"),
                "",
                f"version must be a positive integer (got {show(data['version'])})",
            )
        if "kinds" in data:
            self.kinds(data["kinds"])
        for key in ("title_zh", "title_en"):
            if key in data and not is_text(data[key]):
                self.error(self.root_line(key), "", f"{key} must be non-empty text")
        if "basis" in data and not isinstance(data["basis"], str):
            self.error(self.root_line("basis"), "", "basis must be text")
        if "extra" in data and not isinstance(data["extra"], dict):
            self.error(self.root_line("extra"), "", "extra must be a table")
        if "params" in data:
            for message in params_problems(data["params"]):
                self.error(self.root_line("params"), "", message)
        if "sections" in data:
            self.sections(data["sections"])
        if not self.errors:
            self.conditions(data)

    def conditions(self, data: dict[str, Any], campaigns: frozenset[str] | None = None) -> None:
        """show_if, required_if and fail_if: parsed, type-checked, earlier answers only."""
        for problem in condition_problems(data, campaigns):
            if problem.item is None:
                line = self.section_line(problem.section, problem.key)
            else:
                line = self.item_line(problem.section, problem.item, problem.code, problem.key, 1)
            self.error(line, problem.code, problem.message)

    def kinds(self, kinds: Any, line: int = 0, label: str = "") -> None:
        line = line or self.root_line("kinds")
        if not isinstance(kinds, list) or not kinds:
            self.error(line, label, "kinds must be a non-empty list of venue kinds")
            return
        for kind in kinds:
            if kind not in self.known_kinds:
                known = one_of(self.known_kinds)
                self.error(line, label, f"unknown venue kind {show(kind)} (known: {known})")
        if len(set(map(str, kinds))) != len(kinds):
            self.error(line, label, "kinds lists a venue kind twice")

    def sections(self, sections: Any) -> None:
        if not isinstance(sections, list) or not sections:
            line = self.root_line("sections")
            self.error(line, "", "sections must be a non-empty list of [[sections]] tables")
            return
        seen: set[str] = set()
        for si, section in enumerate(sections):
            if not isinstance(section, dict):
                self.error(self.section_line(si), "", "each section must be a table")
                continue
            code = section.get("code")
            label = code if isinstance(code, str) else ""
            for key in section:
                if key not in self.section_keys:
                    self.error(self.section_line(si, key), label, unknown(key, self.section_keys))
            self.section_extra(si, section, label)
            if not (isinstance(code, str) and SECTION_CODE_RE.match(code)):
                self.error(
                    self.section_line(si, "code"),
                    label,
                    f"section code must be 2-5 capital letters such as COM (got {show(code)})",
                )
            elif code in seen:
                self.error(self.section_line(si, "code"), label, "duplicate section code")
            else:
                seen.add(code)
            for key in ("zh", "en"):
                if not is_text(section.get(key)):
                    self.error(self.section_line(si, key), label, f"section {key} text is empty")
            items = section.get("items")
            if not isinstance(items, list) or not items:
                self.error(self.section_line(si), label, "section has no [[sections.items]]")
                continue
            for ii, item in enumerate(items):
                self.item(si, ii, item)

    def section_extra(self, si: int, section: dict[str, Any], label: str) -> None:
        """Keys a section has in other documents (a campaign's `kinds`)."""

    def item(self, si: int, ii: int, item: Any) -> None:
        if not isinstance(item, dict):
            self.error(self.item_line(si, ii, "", None, 1), "", "each item must be a table")
            return
        raw_code = item.get("code")
        code = raw_code if isinstance(raw_code, str) else ""
        occurrence = self.seen_codes.get(code, 0) + 1

        def err(key: str | None, message: str) -> None:
            self.error(self.item_line(si, ii, code, key, occurrence), code, message)

        for key in item:
            if key not in ITEM_KEYS:
                err(key, unknown(key, ITEM_KEYS))
        for key in ITEM_REQUIRED:
            if key not in item:
                err(None, f'missing required key "{key}"')
        if "code" in item and not (isinstance(raw_code, str) and ITEM_CODE_RE.match(raw_code)):
            err("code", f"item code must look like ABC-01 (got {show(raw_code)})")
        if code:
            if code in self.seen_codes:
                err("code", "duplicate item code (each code must be unique in the checklist)")
            self.seen_codes[code] = occurrence
        for key in ("zh", "en"):
            if key in item and not is_text(item[key]):
                err(
                    key,
                    f"{key} text is empty" if isinstance(item[key], str) else f"{key} must be text",
                )
        answer = item.get("answer")
        if "answer" in item and answer not in ANSWER_TYPES:
            err("answer", f"answer must be one of {one_of(ANSWER_TYPES)} (got {show(answer)})")
        if "required" in item and not isinstance(item["required"], bool):
            err("required", f"required must be true or false (got {show(item['required'])})")
        severity = item.get("severity")
        if "severity" in item and severity not in SEVERITIES_ON_FAIL:
            err(
                "severity",
                f"severity must be one of {one_of(SEVERITIES_ON_FAIL)} (got {show(severity)})",
            )
        self.rectification_days(item, severity, err)
        if "photo" in item and item["photo"] not in PHOTO_RULES:
            err("photo", f"photo must be one of {one_of(PHOTO_RULES)} (got {show(item['photo'])})")
        for key in ("basis", "note"):
            if key in item and not isinstance(item[key], str):
                err(key, f"{key} must be text")
        check_choices(item, answer, err)
        check_bounds(item, answer, err)
        for key in ("show_if", "required_if", "fail_if"):
            if key in item and not is_text(item[key]):
                err(key, f"{key} must be a non-empty condition text")

    def rectification_days(self, item: dict[str, Any], severity: Any, err: Report) -> None:
        if "rectification_days" not in item:
            if severity in ("general", "major"):
                err(
                    None,
                    'missing required key "rectification_days" for an item that can fail '
                    "(0 = fix on the spot)",
                )
            return
        days = item["rectification_days"]
        if not (is_int(days) and days >= 0):
            err(
                "rectification_days",
                f"rectification_days must be a whole number >= 0 (got {show(days)})",
            )


def _build(data: dict[str, Any]) -> Checklist:
    """The Checklist of a document that passed validation."""
    sections = tuple(build_section(section) for section in data["sections"])
    return Checklist(
        id=data["id"],
        version=data["version"],
        kinds=tuple(data["kinds"]),
        title_zh=data["title_zh"].strip(),
        title_en=data["title_en"].strip(),
        sections=sections,
        basis=data.get("basis", ""),
        extra=dict(data.get("extra", {})),
        params={name: float(value) for name, value in data.get("params", {}).items()},
    )


def build_section(section: dict[str, Any]) -> Section:
    """The Section of a `[[sections]]` table that passed validation."""
    return Section(
        code=section["code"],
        zh=section["zh"].strip(),
        en=section["en"].strip(),
        items=tuple(_build_item(item) for item in section["items"]),
        show_if=section.get("show_if", "").strip(),
        required_if=section.get("required_if", "").strip(),
        repeat=section.get("repeat", "").strip(),
    )


def _build_item(item: dict[str, Any]) -> Item:
    low, high = item.get("min"), item.get("max")
    if "options" in item:
        choices = tuple(option["value"] for option in item["options"])
        outcomes = tuple(option.get("outcome", "pass") for option in item["options"])
    else:
        choices, outcomes = tuple(item.get("choices", ())), tuple(item.get("outcomes", ()))
    if all(outcome == "pass" for outcome in outcomes):
        outcomes = ()  # plain options: nothing to propose
    return Item(
        code=item["code"],
        zh=item["zh"].strip(),
        en=item["en"].strip(),
        answer=item["answer"],
        required=item.get("required", True),
        severity=item["severity"],
        rectification_days=item.get("rectification_days", 0),
        photo=item.get("photo", "never"),
        basis=item.get("basis", ""),
        choices=choices,
        min=None if low is None else float(low),
        max=None if high is None else float(high),
        note=item.get("note", ""),
        show_if=item.get("show_if", "").strip(),
        required_if=item.get("required_if", "").strip(),
        fail_if=item.get("fail_if", "").strip(),
        multiple=item.get("multiple", False),
        outcomes=outcomes,
    )
