"""The checklist model: sections of items with stable codes.

A checklist document (parsed from TOML by `checklist_toml`, or stored as JSON in the store)
becomes a `Checklist`. Inspections pin `(id, version)`; exports key on item codes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

ANSWER_TYPES: tuple[str, ...] = ("yesno", "number", "text", "date", "choice", "photo")
SEVERITIES_ON_FAIL: tuple[str, ...] = ("none", "general", "major")
PHOTO_RULES: tuple[str, ...] = ("never", "on_fail", "always")
# What choosing an option means: it passes, or it is a general or a major failure.
OPTION_OUTCOMES: tuple[str, ...] = ("pass", "general", "major")
# The options of a multiple-choice answer, as stored in one value.
MULTIPLE_SEPARATOR = "; "
# An item of a repeated section is asked once per instance: RNT-04#3 is RNT-04 in room 3.
INSTANCE_MARK = "#"
MAX_INSTANCES = 60


def basis_in(basis: str, basis_en: str, lang: str) -> str:
    """A basis line (the rule a check rests on) in `lang`: the English line in English when
    one is given, else the basis as written (Chinese). Items, checklists, campaigns and
    activity types carry the pair alike."""
    return basis_en if lang == "en" and basis_en else basis


def base_code(code: str) -> str:
    """RNT-04#3 -> RNT-04 (a code without an instance stays as it is)."""
    return code.partition(INSTANCE_MARK)[0]


def instance_of(code: str) -> int:
    """RNT-04#3 -> 3; 0 for an item asked once."""
    _, mark, number = code.partition(INSTANCE_MARK)
    return int(number) if mark and number.isdigit() else 0


# Keys added to the format after its first version: written into a body only when set,
# so a checklist that uses none of them keeps the body (and the sha256) it always had.
_LATER_ITEM_KEYS: dict[str, Any] = {
    "show_if": "",
    "required_if": "",
    "fail_if": "",
    "multiple": False,
    "outcomes": (),
    "past": False,
    "integer": False,
    "choices_en": (),
    "basis_en": "",
}
_LATER_SECTION_KEYS: dict[str, Any] = {"show_if": "", "required_if": "", "repeat": ""}


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
    show_if: str = ""  # a condition (expressions.py); false hides the item
    required_if: str = ""  # a condition; when given, the item is required only when true
    fail_if: str = ""  # a condition over `value` that proposes a failure
    multiple: bool = False  # choice items: several options may be chosen
    outcomes: tuple[str, ...] = ()  # choice items: per option, pass | general | major
    past: bool = False  # date items: when something was done, so never after today
    integer: bool = False  # number items: a count (cylinders, people), so a whole number
    # choice items: per option, its English label (the value stored is the choice itself)
    choices_en: tuple[str, ...] = ()
    basis_en: str = ""  # the basis as the English UI shows it (empty: the basis itself)

    def basis_for(self, lang: str) -> str:
        """The basis in `lang`: its English line in English when given, else the basis."""
        return basis_in(self.basis, self.basis_en, lang)

    def option_label(self, position: int) -> str:
        """An option as the UI's language shows it (the stored value in Chinese)."""
        from fieldapp.i18n import pick

        english = self.choices_en[position] if position < len(self.choices_en) else ""
        return pick(self.choices[position], english)

    def value_label(self, value: str) -> str:
        """A stored answer as the UI's language shows it: each chosen option by its label
        (a value of another item type, or an option no longer offered, as it is)."""
        from fieldapp.i18n import pick

        return pick(value, self.value_en(value))

    def value_en(self, value: str) -> str:
        """A stored answer in English: each chosen option by its English label ("" when
        the options have none; an option no longer offered as it is)."""
        if not self.choices_en or not value:
            return ""
        english = dict(zip(self.choices, self.choices_en, strict=False))
        parts = value.split(MULTIPLE_SEPARATOR)
        return MULTIPLE_SEPARATOR.join(english.get(part, part) for part in parts)

    @property
    def can_fail(self) -> bool:
        return self.severity != "none" or any(o != "pass" for o in self.outcomes)


@dataclass(frozen=True)
class Section:
    code: str
    zh: str
    en: str
    items: tuple[Item, ...]
    show_if: str = ""  # false hides every item of the section
    required_if: str = ""  # when given, the section's items are required only when true
    repeat: str = ""  # a number expression: the section is asked that many times (rooms…)


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
    params: dict[str, float] = field(default_factory=dict)  # thresholds' defaults
    basis_en: str = ""  # added later: in a body only when given

    def basis_for(self, lang: str) -> str:
        return basis_in(self.basis, self.basis_en, lang)

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def item(self, code: str) -> Item:
        """The item of a code; RNT-04#3 is item RNT-04 with that code (room 3)."""
        base = base_code(code)
        for item in self.items:
            if item.code == base:
                return item if base == code else replace(item, code=code)
        raise KeyError(code)

    def section_of(self, code: str) -> Section:
        base = base_code(code)
        for section in self.sections:
            if any(item.code == base for item in section.items):
                return section
        raise KeyError(code)

    def to_dict(self) -> dict[str, Any]:
        body = asdict(self)
        if not body["params"]:
            del body["params"]
        if not body["basis_en"]:
            del body["basis_en"]
        body["sections"] = [section_to_dict(section) for section in self.sections]
        return body

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Checklist:
        sections = tuple(section_from_dict(s) for s in data["sections"])
        return cls(
            id=data["id"],
            version=int(data["version"]),
            kinds=tuple(data["kinds"]),
            title_zh=data["title_zh"],
            title_en=data["title_en"],
            sections=sections,
            basis=data.get("basis", ""),
            extra=dict(data.get("extra", {})),
            params={name: float(v) for name, v in data.get("params", {}).items()},
            basis_en=data.get("basis_en", ""),
        )


def section_from_dict(data: dict[str, Any]) -> Section:
    """A section of a stored body (keys added later may be absent)."""
    return Section(
        code=data["code"],
        zh=data["zh"],
        en=data["en"],
        items=tuple(
            Item(
                **{
                    **i,
                    "choices": tuple(i.get("choices", ())),
                    "outcomes": tuple(i.get("outcomes", ())),
                    "choices_en": tuple(i.get("choices_en", ())),
                }
            )
            for i in data["items"]
        ),
        show_if=data.get("show_if", ""),
        required_if=data.get("required_if", ""),
        repeat=data.get("repeat", ""),
    )


def section_to_dict(section: Section) -> dict[str, Any]:
    """A section as stored, keys added later written only when set."""
    body = asdict(section)
    _drop_defaults(body, _LATER_SECTION_KEYS)
    for item in body["items"]:
        _drop_defaults(item, _LATER_ITEM_KEYS)
    return body


def _drop_defaults(body: dict[str, Any], defaults: dict[str, Any]) -> None:
    for key, default in defaults.items():
        if key in body and body[key] == default:
            del body[key]
