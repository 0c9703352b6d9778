"""The ledger's people and follow-up sheets: masked in every exported file, full values
only for a role that may reveal them, and every export queued for the audit trail as one
op (one entry on the server)."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path

import pytest
from people_support import FAMILY_IDS, FATHER, member_named, returnee_family
from rounds_support import SUPERVISOR, Clock, act_as, china

from fieldapp.domain.personal import new_key
from fieldapp.services.export.ledger import export_ledger
from fieldapp.services.export.people_sheets import FullExportRefused
from fieldapp.services.followups import plans, readings
from fieldapp.services.people import registry
from fieldapp.store import keyring
from fieldapp.store.models import Outbox

ID_NUMBER = re.compile(r"\d{17}[\dX]")


def _exports() -> list[dict]:
    """What the outbox tells the server about exports: the one op each export queues."""
    rows = Outbox.select().where(Outbox.type.in_(["export.recorded", "personal_data.export"]))
    return [{"type": row.type, **json.loads(row.payload)} for row in rows]


def _text(paths: list[Path]) -> str:
    """Every file's text; an XLSX's XML parts (where its cells and shared strings are)."""
    parts = []
    for path in paths:
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                parts += [book.read(n).decode("utf-8") for n in book.namelist()]
        else:
            parts.append(path.read_text(encoding="utf-8-sig"))
    return "\n".join(parts)


@pytest.fixture
def registry_with_a_case(tree: Clock) -> None:
    keyring.save_key(new_key())
    registry.save_household(returnee_family("A11"))
    father = member_named("陈建国")
    tree.set(china(2026, 6, 10, 7, 50))  # before its first slot
    plan_id = plans.create_plan(str(father.id), start_on=dt.date(2026, 6, 10))
    readings.record_reading(plan_id, "2026-06-10T08:00", {"FUP-01": "37.9", "FUP-02": "no"})


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exported_people_are_masked(registry_with_a_case: None, tmp_path: Path, fmt: str):
    result = export_ledger(tmp_path / f"ledger.{fmt}", fmt=fmt)
    assert result.people == 3
    text = _text(result.paths)
    assert "陈建国" in text and "4501**********" + FATHER[-4:] in text
    assert "138****8000" in text and "每天两次" in text
    assert not ID_NUMBER.search(text), "an unmasked ID number in the export"
    assert "13800138000" not in text
    if fmt == "csv":
        assert sorted(p.name for p in result.paths)[-2:] == ["ledger_followups.csv",
                                                             "ledger_people.csv"]  # fmt: skip
        people = next(p for p in result.paths if p.name == "ledger_people.csv")
        header, first = people.read_text(encoding="utf-8-sig").splitlines()[:2]
        assert header.endswith("到达日期,离开日期,登记日期")  # arrived 06-09, registered 06-10
        assert first.endswith("2026-06-09,,2026-06-10")
    [export] = _exports()
    assert (export["type"], export["people"], export["full"]) == ("export.recorded", 3, False)


def test_only_a_supervisor_exports_in_full_and_it_is_audited(
    registry_with_a_case: None, tmp_path: Path
) -> None:
    with pytest.raises(FullExportRefused):
        export_ledger(tmp_path / "full.csv", fmt="csv", full_personal_data=True)
    assert not (tmp_path / "full.csv").exists()
    act_as(SUPERVISOR)
    result = export_ledger(tmp_path / "full.csv", fmt="csv", full_personal_data=True)
    text = _text(result.paths)
    assert all(number in text for number in FAMILY_IDS)
    [export] = _exports()  # the refused one queued nothing
    assert (export["type"], export["people"], export["full"]) == ("export.recorded", 3, True)


def test_the_summary_names_the_people_register(registry_with_a_case: None, tmp_path: Path):
    """The summary after an export says every sheet the file holds: it named inspections,
    hazards and their events only, not the people register beside them."""
    from fieldapp.i18n import set_language
    from fieldapp.services.export.summary import export_summary

    result = export_ledger(tmp_path / "ledger.xlsx")
    said = export_summary(result, "ledger.xlsx")
    assert "3 名人员（人员台账）、1 条随访记录" in said, said
    set_language("en")
    try:
        said = export_summary(result, "ledger.xlsx")
    finally:
        set_language("zh")
    assert "3 people (people register) and 1 follow-up to ledger.xlsx" in said, said


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_full_export_is_readable_by_its_owner_only(
    registry_with_a_case: None, tmp_path: Path, fmt: str
) -> None:
    """--full-personal-data wrote every ID number and phone to -rw-r--r-- files: each file
    of an export is now 0600, also one written over an earlier export's."""
    act_as(SUPERVISOR)
    out = tmp_path / f"full.{fmt}"
    out.write_text("earlier")
    out.chmod(0o644)
    result = export_ledger(out, fmt=fmt, full_personal_data=True)
    assert out in result.paths and len(result.paths) >= (5 if fmt == "csv" else 1)
    assert {oct(path.stat().st_mode & 0o777) for path in result.paths} == {"0o600"}


def test_a_csv_keeps_18_digit_id_numbers_as_text_for_excel(
    registry_with_a_case: None, tmp_path: Path
) -> None:
    """Excel read a full ID number in the CSV as a number and kept 15 digits: it is
    written after a tab (said in the export's help), which Excel keeps as text."""
    import csv

    from click.testing import CliRunner

    from fieldapp.cli import main
    from fieldapp.i18n import set_language

    act_as(SUPERVISOR)
    result = export_ledger(tmp_path / "full.csv", fmt="csv", full_personal_data=True)
    people = next(p for p in result.paths if p.name.endswith("_people.csv"))
    cells = [cell for row in csv.reader(people.open(encoding="utf-8-sig")) for cell in row]
    assert "\t" + FATHER in cells and FATHER not in cells
    try:
        for lang, said in (("zh", "制表符"), ("en", "tab")):
            shown = CliRunner().invoke(main, ["--lang", lang, "export", "--help"]).output
            assert said in " ".join(shown.split()), shown
    finally:
        set_language("zh")
