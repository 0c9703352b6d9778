"""Build the `Checklist` of a document that passed validation (TOML or a sheet)."""

from __future__ import annotations

from typing import Any

from fieldapp.domain.checklist import Checklist, Item, Section


def build_checklist(data: dict[str, Any]) -> Checklist:
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
        basis_en=data.get("basis_en", "").strip(),
    )


def build_section(section: dict[str, Any]) -> Section:
    """The Section of a `[[sections]]` table that passed validation."""
    return Section(
        code=section["code"],
        zh=section["zh"].strip(),
        en=section["en"].strip(),
        items=tuple(build_item(item) for item in section["items"]),
        show_if=section.get("show_if", "").strip(),
        required_if=section.get("required_if", "").strip(),
        repeat=section.get("repeat", "").strip(),
    )


def build_item(item: dict[str, Any]) -> Item:
    low, high = item.get("min"), item.get("max")
    if "options" in item:
        choices = tuple(option["value"] for option in item["options"])
        outcomes = tuple(option.get("outcome", "pass") for option in item["options"])
        english = tuple(option.get("en", "").strip() for option in item["options"])
    else:
        choices, outcomes = tuple(item.get("choices", ())), tuple(item.get("outcomes", ()))
        english = ()
    english = tuple(e.strip() for e in item.get("choices_en", ())) or english
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
        past=item.get("past", False),
        integer=item.get("integer", False),
        choices_en=english if any(english) else (),
        basis_en=item.get("basis_en", "").strip(),
    )
