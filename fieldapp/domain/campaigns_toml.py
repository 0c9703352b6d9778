"""Parse and validate a campaign TOML document (`assets/campaigns/<code>.toml`).

The same file:line: code: message errors as checklists; its sections and items are
checklist sections (checked by the checklist validator) with one more key, `kinds`: the
venue kinds whose checklists the section joins while the campaign applies.

    code = "epidemic"
    version = 1
    zh = "疫情防控"
    en = "Epidemic control"
    phases = ["无病例", "有病例", "社区传播"]

    [[sections]]
    code = "ECAT"
    kinds = ["small_restaurant"]
    ...
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from typing import Any

from fieldapp.domain.campaigns import TARGET_NAMES, Campaign, CampaignSection
from fieldapp.domain.checklist_build import build_section
from fieldapp.domain.checklist_items import is_int, is_text, show, unknown
from fieldapp.domain.checklist_toml import ChecklistInvalid, read_toml
from fieldapp.domain.checklist_validator import SECTION_KEYS, ChecklistError, Validator
from fieldapp.domain.kinds import VENUE_KINDS

CAMPAIGN_CODE_RE = re.compile(r"^[a-z][a-z0-9_]*$")
CAMPAIGN_KEYS = (
    "code", "version", "zh", "en", "phases", "phases_en", "key_days", "starts_on", "ends_on",
    "targets", "basis", "basis_en", "sections",
)  # fmt: skip
CAMPAIGN_REQUIRED = ("code", "version", "zh", "en")


class _CampaignValidator(Validator):
    section_keys = (*SECTION_KEYS, "kinds")

    def campaign(self, data: dict[str, Any]) -> None:
        for key in data:
            if key not in CAMPAIGN_KEYS:
                self.report(self.root_line(key), "", unknown(key, CAMPAIGN_KEYS))
        for key in CAMPAIGN_REQUIRED:
            if key not in data:
                self.error(1, "", "cl.missing_key", field=key)
        code = data.get("code")
        if "code" in data and not (isinstance(code, str) and CAMPAIGN_CODE_RE.match(code)):
            self.error(self.root_line("code"), "", "cl.bad_code", field="code", got=show(code))
        if "version" in data and not (is_int(data["version"]) and data["version"] >= 1):
            self.error(self.root_line("version"), "", "cl.bad_version", got=show(data["version"]))
        for key in ("zh", "en"):
            if key in data and not is_text(data[key]):
                self.error(self.root_line(key), "", "cl.text_required", field=key)
        for key in ("basis", "basis_en"):
            if key in data and not isinstance(data[key], str):
                self.error(self.root_line(key), "", "cl.not_text", field=key)
        self.texts(data, "phases")
        self.texts(data, "phases_en")
        if "phases_en" in data and len(data.get("phases_en") or []) != len(
            data.get("phases") or []
        ):
            self.error(self.root_line("phases_en"), "", "cl.phases_en")
        self.texts(data, "key_days", dates=True)
        for key in ("starts_on", "ends_on"):
            if key in data and not _is_date(data[key]):
                self.error(self.root_line(key), "", "cl.not_date", field=key)
        targets = data.get("targets", {})
        if not isinstance(targets, dict) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in targets.values()
        ):
            self.error(self.root_line("targets"), "", "cl.targets_table")
        elif unknown_targets := [k for k in targets if k not in TARGET_NAMES]:
            self.report(self.root_line("targets"), "", unknown(unknown_targets[0], TARGET_NAMES))
        if "sections" in data:
            self.sections(data["sections"])
        self.conditions(data, frozenset({code}) if isinstance(code, str) else None)

    def texts(self, data: dict[str, Any], key: str, *, dates: bool = False) -> None:
        values = data.get(key, [])
        check = _is_date if dates else is_text
        if not isinstance(values, list) or not all(check(v) for v in values):
            what = "cl.list_of_dates" if dates else "cl.list_of_texts"
            self.error(self.root_line(key), "", what, field=key)
        elif len(set(values)) != len(values):
            self.error(self.root_line(key), "", "cl.value_twice", field=key)

    def section_extra(self, si: int, section: dict[str, Any], label: str) -> None:
        line = self.section_line(si, "kinds")
        if "kinds" not in section:
            self.error(line, label, "cl.missing_kinds")
            return
        self.kinds(section["kinds"], line, label)


def _is_date(value: Any) -> bool:
    if isinstance(value, dt.date):
        return True
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def load_campaign_text(text: str, source: str, *, kinds: Collection[str] = VENUE_KINDS) -> Campaign:
    """The validated campaign; raises `ChecklistInvalid` listing every error."""
    data, lines, errors = read_toml(text, source)
    if data is None:
        raise ChecklistInvalid(errors)
    validator = _CampaignValidator(source, lines, lines.matches(data), kinds)
    validator.campaign(data)
    if validator.errors:
        raise ChecklistInvalid(sorted(validator.errors, key=lambda e: e.line))
    return Campaign(
        code=data["code"],
        version=data["version"],
        zh=data["zh"].strip(),
        en=data["en"].strip(),
        sections=tuple(
            CampaignSection(tuple(s["kinds"]), build_section(s)) for s in data.get("sections", [])
        ),
        phases=tuple(data.get("phases", ())),
        phases_en=tuple(data.get("phases_en", ())),
        key_days=tuple(str(day) for day in data.get("key_days", ())),
        starts_on=str(data.get("starts_on", "")),
        ends_on=str(data.get("ends_on", "")),
        targets={k: float(v) for k, v in data.get("targets", {}).items()},
        basis=data.get("basis", ""),
        basis_en=data.get("basis_en", "").strip(),
    )


def validate_campaign_text(text: str, source: str) -> list[ChecklistError]:
    try:
        load_campaign_text(text, source)
    except ChecklistInvalid as exc:
        return exc.errors
    return []
