"""The shipped checklist files: one per venue kind, valid, with the domain's codes, versions,
epidemic items and the domain review's fixes.
"""

from __future__ import annotations

import pytest

from fieldapp.domain.checklist import Checklist
from fieldapp.domain.checklist_toml import (
    ChecklistInvalid,
    load_checklist_text,
    validate_checklist_text,
)
from fieldapp.domain.kinds import KIND_CODE, VENUE_KINDS
from fieldapp.paths import CHECKLISTS_DIR

pytestmark = pytest.mark.usefixtures("english")


def _com(*numbers: int) -> list[str]:
    return [f"COM-{n:02d}" for n in numbers]


def _own(prefix: str, count: int, *, without: tuple[int, ...] = ()) -> list[str]:
    return [f"{prefix}-{n:02d}" for n in range(1, count + 1) if n not in without]


# domain.md section 2: the core items and the kind's own items, in order; the epidemic
# items (M(e) and the epidemic orders of 篇一/篇二) live in the epidemic campaign. The
# domain review added the core checks each kind lacked and COM-17 (a gas alarm wherever
# gas is used, shown by the venue's has_gas); RNT-10 went, RNT-11, CAT-08, TIO-10/11,
# SUP-09 and NET-07 came.
EXPECTED_CODES: dict[str, list[str]] = {
    "market": _com(*range(1, 10), 11, 12, 13, 17) + _own("MKT", 8, without=(3, 4, 5, 6, 7)),
    "hotel": _com(1, 2, 3, 4, 5, 6, 7, 9, 10, 12, 13, 17) + _own("HTL", 8, without=(2, 3, 4)),
    "supermarket": _com(*range(1, 10), 12, 17) + _own("SUP", 9, without=(2,)),
    "small_shop": _com(*range(1, 13), 15, 17) + _own("SHP", 4),
    "small_school": _com(1, 2, 3, 4, 5, 6, 7, 9, 10, 16) + _own("SCH", 9),
    "small_restaurant": _com(*range(1, 10), 11, 12)
    + ["CAT-01", "CAT-02", "CAT-03", "CAT-04", "CAT-08", "CAT-05", "CAT-06"],
    "small_hotel": _com(*range(1, 13), 17) + _own("INN", 6),
    "internet_cafe": _com(*range(1, 11), 12, 13, 17) + _own("NET", 7, without=(6,)),
    "small_workshop": _com(*range(1, 10), 11, 12, 13, 14, 16, 17) + _own("FAC", 6),
    "rental_housing": _com(1, 2, 3, 4, 7, 8, 9, 10, 17)
    + ["RNT-01", "RNT-11", "RNT-12", "RNT-03", "RNT-06", "RNT-08", "RNT-09", "RNT-13"]
    + ["RNT-02", "RNT-04", "RNT-05"]  # room by room (repeated per room let)
    + ["RNT-07"],  # partitions, asked where rooms are partitioned
    "three_in_one": _com(*range(1, 10), 12, 17)
    + ["TIO-01", "TIO-02", "TIO-03", "TIO-04", "TIO-05", "TIO-10", "TIO-11"]
    + ["TIO-06", "TIO-07", "TIO-08", "TIO-09"],
}

# Versions raised since the first: the epidemic items moved to the campaign (2), then
# the domain review's fixes (every file).
# Then every file whose choices have options gave them English labels (one more), then
# every file's counts are whole numbers (integer: one more, for every file), then every
# file's basis lines in English (basis_en: one more, for every file).
EXPECTED_VERSIONS = {
    "rental_housing": 6,  # then room by room
    "market": 6,
    "hotel": 6,
    "supermarket": 6,
    "small_restaurant": 6,  # then a last cleaning date is never after today (past)
    "small_school": 6,  # the same for the last drill's date
    "internet_cafe": 6,
}

EXTRA_SECTIONS = {"rental_housing": ("RNR", "RNP")}  # rooms (repeated), partitions (shown if)

EPIDEMIC_CODES = {
    "hotel": ["HTL-02", "HTL-03", "HTL-04"],
    "market": ["MKT-03", "MKT-04", "MKT-05", "MKT-06", "MKT-07"],
    "supermarket": ["SUP-02"],
    "small_restaurant": ["CAT-07"],
    "internet_cafe": ["NET-06"],
}


# --- the shipped files --------------------------------------------------------------------


def test_one_file_per_venue_kind() -> None:
    assert sorted(p.stem for p in CHECKLISTS_DIR.glob("*.toml")) == sorted(VENUE_KINDS)


@pytest.mark.parametrize("kind", VENUE_KINDS)
def test_shipped_checklist_is_valid_and_has_the_domain_codes(kind: str) -> None:
    path = CHECKLISTS_DIR / f"{kind}.toml"
    text = path.read_text(encoding="utf-8")
    assert validate_checklist_text(text, path.name) == []
    checklist = load_checklist_text(text, path.name)
    assert checklist.id == kind
    assert checklist.version == EXPECTED_VERSIONS.get(kind, 5)
    assert checklist.kinds == (kind,)
    extra = EXTRA_SECTIONS.get(kind, ())
    assert [s.code for s in checklist.sections] == ["COM", KIND_CODE[kind], *extra]
    assert [item.code for item in checklist.items] == EXPECTED_CODES[kind]
    for item in checklist.items:
        assert item.zh and item.en and item.basis
    # The stored form round-trips.
    assert Checklist.from_dict(checklist.to_dict()) == checklist


def epidemic_item(kind: str, code: str):  # type: ignore[no-untyped-def]
    from fieldapp.domain.campaigns_toml import load_campaign_text
    from fieldapp.paths import CAMPAIGNS_DIR

    path = CAMPAIGNS_DIR / "epidemic.toml"
    campaign = load_campaign_text(path.read_text(encoding="utf-8"), path.name)
    return next(i for s in campaign.sections_for(kind) for i in s.items if i.code == code)


def test_the_epidemic_campaign_holds_the_epidemic_items_with_their_codes() -> None:
    from fieldapp.domain.campaigns_toml import load_campaign_text
    from fieldapp.paths import CAMPAIGNS_DIR

    path = CAMPAIGNS_DIR / "epidemic.toml"
    campaign = load_campaign_text(path.read_text(encoding="utf-8"), path.name)
    assert campaign.phases == ("无病例", "有病例", "社区传播")
    for kind, codes in EPIDEMIC_CODES.items():
        assert [i.code for s in campaign.sections_for(kind) for i in s.items] == codes
    assert epidemic_item("small_restaurant", "CAT-07").show_if  # only once there are cases
    assert epidemic_item("internet_cafe", "NET-06").show_if  # closures: community spread
    # Conditions name a phase in Chinese; an English screen shows its English name.
    assert campaign.phase_name("有病例", "en") == "Cases"
    assert campaign.phase_name("有病例", "zh") == "有病例"


def test_english_phase_names_name_each_phase_once() -> None:
    from fieldapp.domain.campaigns_toml import load_campaign_text
    from fieldapp.paths import CAMPAIGNS_DIR

    text = (CAMPAIGNS_DIR / "epidemic.toml").read_text(encoding="utf-8")
    short = text.replace('"Community spread"]', "]", 1)
    with pytest.raises(ChecklistInvalid) as refused:
        load_campaign_text(short, "epidemic.toml")
    assert "phases_en names each phase once, in its order" in str(refused.value)


def test_shipped_items_carry_the_domain_rules() -> None:
    def item(kind: str, code: str):  # type: ignore[no-untyped-def]
        path = CHECKLISTS_DIR / f"{kind}.toml"
        return load_checklist_text(path.read_text(encoding="utf-8"), path.name).item(code)

    assert item("small_shop", "SHP-02").max == 1
    assert item("small_shop", "SHP-02").severity == "major"
    # at most 2 per room is a local rule: a threshold the office may change
    assert item("rental_housing", "RNT-02").fail_if == "value > param.max_people_per_room"
    assert rules("rental_housing").params["max_people_per_room"] == 2
    assert item("market", "MKT-01").photo == "always"
    assert epidemic_item("market", "MKT-03").severity == "major"  # M(e)
    assert item("small_restaurant", "COM-04").severity == "major"  # M*
    assert item("small_restaurant", "CAT-04").answer == "number"
    assert item("small_restaurant", "CAT-04").photo == "on_fail"
    assert item("small_restaurant", "CAT-05").rectification_days == 15
    assert item("hotel", "HTL-05").rectification_days == 30
    assert item("small_workshop", "COM-14").note  # YN+T: the note says what to write


def rules(kind: str) -> Checklist:
    path = CHECKLISTS_DIR / f"{kind}.toml"
    return load_checklist_text(path.read_text(encoding="utf-8"), path.name)


@pytest.mark.parametrize("kind", VENUE_KINDS)
def test_the_domain_reviews_fixes_hold_in_every_checklist(kind: str) -> None:
    checklist = rules(kind)
    # GB 50140-2005 §6.1.1: at least 2 extinguishers per calculation unit
    assert checklist.item("COM-01").fail_if == "value < param.min_extinguishers"
    assert checklist.params["min_extinguishers"] == 2
    # a number or date item either can fail or is information only
    for item in checklist.items:
        if item.answer in ("number", "date") and item.severity != "none":
            assert item.fail_if or item.min is not None or item.max is not None, item.code
    codes = [item.code for item in checklist.items]
    if "COM-16" in codes:  # sandwich panels: §6.10, a direct major when slept in
        panels = checklist.item("COM-16")
        assert "§6.10" in panels.basis
        assert dict(zip(panels.choices, panels.outcomes, strict=True))["有，用于住宿"] == "major"
    if "COM-17" in codes:
        assert checklist.item("COM-17").show_if == "venue.has_gas"


def test_the_domain_reviews_item_fixes() -> None:
    def item(kind: str, code: str):  # type: ignore[no-untyped-def]
        return rules(kind).item(code)

    for kind, code in (("supermarket", "SUP-09"), ("internet_cafe", "NET-07"), ("hotel", "HTL-05")):
        sprinklers = item(kind, code)
        assert sprinklers.basis.endswith("§6.6")
        assert dict(zip(sprinklers.choices, sprinklers.outcomes, strict=True))["未设置"] == "major"
    assert item("rental_housing", "RNT-03").severity == "major"
    assert item("rental_housing", "RNT-03").rectification_days == 0
    assert "RNT-10" not in [i.code for i in rules("rental_housing").items]
    assert [item("three_in_one", c).fail_if for c in ("TIO-05", "TIO-10", "TIO-11")] == [
        "value < 1.0",
        "value < 0.8",
        "value > 1.2",
    ]
    assert item("small_restaurant", "CAT-05").fail_if.startswith("days_since(value)")
    assert item("small_school", "SCH-07").fail_if.startswith("days_since(value)")


def test_every_shipped_date_of_something_done_is_never_after_today() -> None:
    # The last hood cleaning and this term's drill are dates of something done (`past`);
    # no shipped date item asks for a date ahead (a licence's expiry would not be past).
    dates = {
        (kind, item.code): item.past
        for kind in VENUE_KINDS
        for item in rules(kind).items
        if item.answer == "date"
    }
    assert dates == {("small_restaurant", "CAT-05"): True, ("small_school", "SCH-07"): True}
