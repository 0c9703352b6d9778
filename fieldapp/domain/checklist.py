"""The checklist model: sections of items with stable codes.

A checklist document (parsed from TOML by `checklist_toml`, or stored as JSON in the store)
becomes a `Checklist`. Inspections pin `(id, version)`; exports key on item codes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ANSWER_TYPES: tuple[str, ...] = ("yesno", "number", "text", "date", "choice", "photo")
SEVERITIES_ON_FAIL: tuple[str, ...] = ("none", "general", "major")
PHOTO_RULES: tuple[str, ...] = ("never", "on_fail", "always")


@dataclass(frozen=True)
class Item:
    code: str
    zh: str
    en: str
    answer: str  # one of ANSWER_TYPES
    required: bool = True
    severity: str = "general"  # on failure: none | general | major
    rectification_days: int = 0  # 0 = fix on the spot
    photo: str = "never"  # never | on_fail | always
    basis: str = ""
    choices: tuple[str, ...] = ()
    min: float | None = None  # number items: a value below min proposes a failure
    max: float | None = None  # number items: a value above max proposes a failure
    note: str = ""  # free guidance to the inspector (e.g. "major if slept in")

    @property
    def can_fail(self) -> bool:
        return self.severity != "none"


@dataclass(frozen=True)
class Section:
    code: str
    zh: str
    en: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Checklist:
    id: str
    version: int
    kinds: tuple[str, ...]
    title_zh: str
    title_en: str
    sections: tuple[Section, ...]
    basis: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def item(self, code: str) -> Item:
        for item in self.items:
            if item.code == code:
                return item
        raise KeyError(code)

    def section_of(self, code: str) -> Section:
        for section in self.sections:
            if any(item.code == code for item in section.items):
                return section
        raise KeyError(code)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Checklist:
        sections = tuple(
            Section(
                code=s["code"],
                zh=s["zh"],
                en=s["en"],
                items=tuple(
                    Item(**{**i, "choices": tuple(i.get("choices", ()))}) for i in s["items"]
                ),
            )
            for s in data["sections"]
        )
        return cls(
            id=data["id"],
            version=int(data["version"]),
            kinds=tuple(data["kinds"]),
            title_zh=data["title_zh"],
            title_en=data["title_en"],
            sections=sections,
            basis=data.get("basis", ""),
            extra=dict(data.get("extra", {})),
        )
