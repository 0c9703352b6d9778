"""The checks of a checklist document: every problem, each with the line to look at.

`Validator` walks a parsed document (TOML or a sheet) and collects a `ChecklistError` per
problem, pointing at the offending key's line through the document's `LineMap`; a
campaign's validator extends it. Pure: no Peewee, no Textual. A problem is a catalogue
key and its values (`Problem`), worded in the reader's language only when shown
(fieldapp/i18n/catalog_checklist_problems.py); the keys and codes stay as the file has them.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, fields
from typing import Any

from fieldapp.domain.checklist import ANSWER_TYPES, PHOTO_RULES, SEVERITIES_ON_FAIL, Item
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
from fieldapp.domain.text_bounds import GUIDANCE_MAX, HEADING_MAX, ITEM_TEXT_MAX, OPTION_MAX
from fieldapp.domain.wording import Problem, said
from fieldapp.i18n import t

ITEM_CODE_RE = re.compile(r"^[A-Z]{2,5}-\d{2,3}$")
SECTION_CODE_RE = re.compile(r"^[A-Z]{2,5}$")
CHECKLIST_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")

TOP_KEYS = (
    "id", "version", "kinds", "title_zh", "title_en", "basis", "sections", "extra", "params",
    "basis_en",
)  # fmt: skip
TOP_REQUIRED = ("id", "version", "kinds", "title_zh", "title_en", "sections")
SECTION_KEYS = ("code", "zh", "en", "items", "show_if", "required_if", "repeat")
# `options` is how a file writes choices with their outcomes: [{value, outcome}, …].
ITEM_KEYS = (*(f.name for f in fields(Item)), "options")
ITEM_REQUIRED = ("code", "zh", "en", "answer", "severity")
# The longest text each key takes (fieldapp.domain.text_bounds says why).
TOP_TEXT_MAX = {"title_zh": HEADING_MAX, "title_en": HEADING_MAX, "basis": GUIDANCE_MAX,
                "basis_en": GUIDANCE_MAX}  # fmt: skip
SECTION_TEXT_MAX = {"zh": HEADING_MAX, "en": HEADING_MAX}
ITEM_TEXT_MAX_BY_KEY = {"zh": ITEM_TEXT_MAX, "en": ITEM_TEXT_MAX, "basis": GUIDANCE_MAX,
                        "basis_en": GUIDANCE_MAX, "note": GUIDANCE_MAX}  # fmt: skip


def too_long(values: dict[str, Any], limits: dict[str, int]) -> list[tuple[str, Problem]]:
    """(key, problem) for each text longer than its limit."""
    return [
        (key, said("cl.too_long", field=key, length=len(values[key]), limit=limit))
        for key, limit in limits.items()
        if isinstance(values.get(key), str) and len(values[key]) > limit
    ]


def option_too_long(item: dict[str, Any]) -> list[tuple[str, Problem]]:
    """(key, problem) for the longest of an item's option labels when it is too long,
    whether the file writes them as options or as choices and choices_en."""
    labels: list[tuple[str, str]] = []
    for key in ("choices", "choices_en"):
        if isinstance(item.get(key), list):
            labels += [(key, c) for c in item[key] if isinstance(c, str)]
    if isinstance(item.get("options"), list):
        labels += [
            ("options", option[k])
            for option in item["options"]
            if isinstance(option, dict)
            for k in ("value", "en")
            if isinstance(option.get(k), str)
        ]
    key, longest = max(labels, key=lambda label: len(label[1]), default=("", ""))
    if len(longest) <= OPTION_MAX:
        return []
    return [(key, said("cl.option_too_long", length=len(longest), limit=OPTION_MAX))]


def texts_too_long(data: dict[str, Any], source: str) -> list[ChecklistError]:
    """The over-long texts of a checklist's JSON form, which is read without the
    validator (it holds no lines to point at: each error names its item)."""
    errors = [ChecklistError(source, 0, "", problem) for _, problem in too_long(data, TOP_TEXT_MAX)]
    for section in data.get("sections") or []:
        if not isinstance(section, dict):
            continue
        code = str(section.get("code", ""))
        for _, problem in too_long(section, SECTION_TEXT_MAX):
            errors.append(
                ChecklistError(source, 0, code, said("cl.section_problem", problem=problem))
            )
        for item in section.get("items") or []:
            if isinstance(item, dict):
                found = too_long(item, ITEM_TEXT_MAX_BY_KEY) + option_too_long(item)
                errors += [
                    ChecklistError(source, 0, str(item.get("code", "")), p) for _, p in found
                ]
    return errors


@dataclass(frozen=True)
class ChecklistError:
    """One problem in a checklist file. `line` is 1-based; 0 when no line applies;
    `item_code` is the item's (or section's) code as the file writes it."""

    file: str
    line: int
    item_code: str
    problem: Problem

    @property
    def message(self) -> str:
        """The problem in the current language."""
        return str(self.problem)

    def where(self) -> str:
        return t("cl.at_line", file=self.file, line=self.line) if self.line else self.file

    def __str__(self) -> str:
        """The one place a checklist problem is worded with where it is."""
        if self.item_code:
            return t("cl.at_item", where=self.where(), code=self.item_code, problem=self.message)
        return t("cl.at", where=self.where(), problem=self.message)


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

    def error(self, line: int, code: str, problem: str, /, **values: Any) -> None:
        """A problem (a catalogue key and its values) at `line`, of item or section `code`."""
        self.report(line, code, Problem(problem, values))

    def report(self, line: int, code: str, problem: Problem) -> None:
        self.errors.append(ChecklistError(self.source, line, code, problem))

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
                self.report(self.root_line(key), "", unknown(key, TOP_KEYS))
        for key in TOP_REQUIRED:
            if key not in data:
                self.error(1, "", "cl.missing_key", field=key)
        if "id" in data and not (isinstance(data["id"], str) and CHECKLIST_ID_RE.match(data["id"])):
            self.error(self.root_line("id"), "", "cl.bad_code", field="id", got=show(data["id"]))
        if "version" in data and not (is_int(data["version"]) and data["version"] >= 1):
            self.error(self.root_line("version"), "", "cl.bad_version", got=show(data["version"]))
        if "kinds" in data:
            self.kinds(data["kinds"])
        for key in ("title_zh", "title_en"):
            if key in data and not is_text(data[key]):
                self.error(self.root_line(key), "", "cl.text_required", field=key)
        for key in ("basis", "basis_en"):
            if key in data and not isinstance(data[key], str):
                self.error(self.root_line(key), "", "cl.not_text", field=key)
        for key, problem in too_long(data, TOP_TEXT_MAX):
            self.report(self.root_line(key), "", problem)
        if "extra" in data and not isinstance(data["extra"], dict):
            self.error(self.root_line("extra"), "", "cl.extra_table")
        if "params" in data:
            for problem in params_problems(data["params"]):
                self.report(self.root_line("params"), "", problem)
        if "sections" in data:
            self.sections(data["sections"])
        self.conditions(data)  # beside the problems above: one run reports them all

    def conditions(self, data: dict[str, Any], campaigns: frozenset[str] | None = None) -> None:
        """show_if, required_if and fail_if: parsed, type-checked, earlier answers only."""
        for problem in condition_problems(data, campaigns):
            if problem.item is None:
                line = self.section_line(problem.section, problem.key)
            else:
                line = self.item_line(problem.section, problem.item, problem.code, problem.key, 1)
            self.report(line, problem.code, problem.problem)

    def kinds(self, kinds: Any, line: int = 0, label: str = "") -> None:
        line = line or self.root_line("kinds")
        if not isinstance(kinds, list) or not kinds:
            self.error(line, label, "cl.kinds_list")
            return
        for kind in kinds:
            if kind not in self.known_kinds:
                known = one_of(self.known_kinds)
                self.error(line, label, "cl.unknown_kind", kind=show(kind), known=known)
        if len(set(map(str, kinds))) != len(kinds):
            self.error(line, label, "cl.kind_twice")

    def sections(self, sections: Any) -> None:
        if not isinstance(sections, list) or not sections:
            line = self.root_line("sections")
            self.error(line, "", "cl.sections_list")
            return
        seen: set[str] = set()
        for si, section in enumerate(sections):
            if not isinstance(section, dict):
                self.error(self.section_line(si), "", "cl.section_table")
                continue
            code = section.get("code")
            label = code if isinstance(code, str) else ""
            for key in section:
                if key not in self.section_keys:
                    self.report(self.section_line(si, key), label, unknown(key, self.section_keys))
            self.section_extra(si, section, label)
            if not (isinstance(code, str) and SECTION_CODE_RE.match(code)):
                self.error(self.section_line(si, "code"), label, "cl.section_code", got=show(code))
            elif code in seen:
                self.error(self.section_line(si, "code"), label, "cl.section_code_twice")
            else:
                seen.add(code)
            for key in ("zh", "en"):
                if not is_text(section.get(key)):
                    self.error(
                        self.section_line(si, key), label, "cl.section_text_empty", field=key
                    )
            for key, problem in too_long(section, SECTION_TEXT_MAX):
                self.error(self.section_line(si, key), label, "cl.section_problem", problem=problem)
            items = section.get("items")
            if not isinstance(items, list) or not items:
                self.error(self.section_line(si), label, "cl.section_no_items")
                continue
            for ii, item in enumerate(items):
                self.item(si, ii, item)

    def section_extra(self, si: int, section: dict[str, Any], label: str) -> None:
        """Keys a section has in other documents (a campaign's `kinds`)."""

    def item(self, si: int, ii: int, item: Any) -> None:
        if not isinstance(item, dict):
            self.error(self.item_line(si, ii, "", None, 1), "", "cl.item_table")
            return
        raw_code = item.get("code")
        code = raw_code if isinstance(raw_code, str) else ""
        occurrence = self.seen_codes.get(code, 0) + 1

        def err(key: str | None, problem: str, /, **values: Any) -> None:
            self.error(self.item_line(si, ii, code, key, occurrence), code, problem, **values)

        for key in item:
            if key not in ITEM_KEYS:
                err(key, "cl.said", problem=unknown(key, ITEM_KEYS))
        for key in ITEM_REQUIRED:
            if key not in item:
                err(None, "cl.missing_key", field=key)
        if "code" in item and not (isinstance(raw_code, str) and ITEM_CODE_RE.match(raw_code)):
            err("code", "cl.item_code", got=show(raw_code))
        if code:
            if code in self.seen_codes:
                err("code", "cl.item_code_twice")
            self.seen_codes[code] = occurrence
        for key in ("zh", "en"):
            if key in item and not is_text(item[key]):
                err(
                    key, "cl.text_empty" if isinstance(item[key], str) else "cl.not_text", field=key
                )
        answer = item.get("answer")
        self.choice(item, "answer", ANSWER_TYPES, err)
        if "required" in item and not isinstance(item["required"], bool):
            err("required", "cl.true_or_false", field="required", got=show(item["required"]))
        severity = item.get("severity")
        self.choice(item, "severity", SEVERITIES_ON_FAIL, err)
        self.rectification_days(item, severity, err)
        self.choice(item, "photo", PHOTO_RULES, err)
        for key in ("basis", "basis_en", "note"):
            if key in item and not isinstance(item[key], str):
                err(key, "cl.not_text", field=key)
        for key, problem in too_long(item, ITEM_TEXT_MAX_BY_KEY) + option_too_long(item):
            err(key, "cl.said", problem=problem)
        check_choices(item, answer, err)
        check_bounds(item, answer, err)
        for key in ("show_if", "required_if", "fail_if"):
            if key in item and not is_text(item[key]):
                err(key, "cl.condition_empty", field=key)

    def choice(self, item: dict[str, Any], key: str, allowed: tuple[str, ...], err: Report) -> None:
        if key in item and item[key] not in allowed:
            err(key, "cl.one_of", field=key, allowed=one_of(allowed), got=show(item[key]))

    def rectification_days(self, item: dict[str, Any], severity: Any, err: Report) -> None:
        if "rectification_days" not in item:
            if severity in ("general", "major"):
                err(None, "cl.missing_days")
            return
        days = item["rectification_days"]
        if not (is_int(days) and days >= 0):
            err("rectification_days", "cl.bad_days", got=show(days))
