"""A hazard description generated for an empty form ("未达标：通往屋顶的门未上锁") reads in
its reader's language also after its item was reworded in a newer checklist version: it is
recognised by the item's wording in the version it was recorded under, when the store holds
it. The English ledger and a finding held without its inspection showed it as stored."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from rounds_support import INSPECTOR_A11, add_venue, china, inspect
from test_generated_description_language import EN_NOT_MET, ZH_NOT_MET, _descriptions

from fieldapp.i18n import set_language
from fieldapp.services.common.checklists import clear_cache, stored_versions
from fieldapp.services.documents.notices import notice_for_venue
from fieldapp.services.export.ledger import ExportFilter, export_ledger
from fieldapp.services.inspection.descriptions import shown
from fieldapp.store.models import Checklist as ChecklistRow
from fieldapp.store.models import Finding, Inspection

OLD_ZH, OLD_EN = "通往屋顶的门未上锁", "Door to the roof not locked"
NEW_ZH, NEW_EN = "屋顶门已上锁", "Roof door kept locked"


def _reword_shp_03() -> int:
    """Publish the next small-shop version with SHP-03 reworded; returns the old version."""
    old = stored_versions("small_shop")[-1]
    v1 = ChecklistRow.get(
        (ChecklistRow.checklist_id == "small_shop") & (ChecklistRow.version == old)
    )
    body = copy.deepcopy(v1.body)
    body["version"] = old + 1
    for section in body["sections"]:
        for item in section["items"]:
            if item["code"] == "SHP-03":
                assert (item["zh"], item["en"]) == (OLD_ZH, OLD_EN)
                item["zh"], item["en"] = NEW_ZH, NEW_EN
    ChecklistRow.insert(checklist_id="small_shop", version=old + 1, kinds=["small_shop"],
                        title_zh=v1.title_zh, title_en=v1.title_en, body=body, sha256="v2-test",
                        source="test", loaded_at="2026-06-09T00:00:00.000Z").execute()  # fmt: skip
    clear_cache()
    return old


def test_the_english_ledger_says_a_description_of_a_reworded_item_in_english(
    tree, tmp_path: Path
) -> None:
    set_language("zh")
    inspect(tree, add_venue("S-01", "small_shop", "A11"), china(2026, 6, 8, 9, 30),
            fail=("SHP-03",), inspector=INSPECTOR_A11)  # fmt: skip
    old = _reword_shp_03()
    inspect(tree, add_venue("S-02", "small_shop", "A11"), china(2026, 6, 9, 9, 30),
            fail=("SHP-03",), inspector=INSPECTOR_A11)  # fmt: skip
    assert sorted(i.checklist_version for i in Inspection.select()) == [old, old + 1]
    stored = {f.description for f in Finding.select()}
    assert stored == {ZH_NOT_MET.format(text=OLD_ZH), ZH_NOT_MET.format(text=NEW_ZH)}
    out = tmp_path / "ledger.xlsx"
    export_ledger(out, where=ExportFilter(dt.date(2026, 6, 1), dt.date(2026, 6, 10)), lang="en")
    shown_in_ledger = _descriptions(out, "en")
    assert shown_in_ledger["S-01"] == EN_NOT_MET.format(text=OLD_EN)  # was stored Chinese
    assert shown_in_ledger["S-02"] == EN_NOT_MET.format(text=NEW_EN)
    assert {f.description for f in Finding.select()} == stored  # nothing stored changed


def test_a_finding_without_its_inspection_reads_by_a_stored_version_s_wording(tree) -> None:
    """A finding held without its inspection (pulled from the server) was read by the
    newest version's wording only: one recorded under an older one stayed as stored."""
    set_language("en")  # recorded in English
    venue = add_venue("S-01", "small_shop", "A11")
    inspect(tree, venue, china(2026, 6, 8, 9, 30), fail=("SHP-03",), inspector=INSPECTOR_A11)
    _reword_shp_03()
    Finding.update(inspection=None).execute()
    finding = Finding.get()
    assert finding.description == EN_NOT_MET.format(text=OLD_EN)
    assert shown(finding, lang="zh") == ZH_NOT_MET.format(text=OLD_ZH)
    set_language("zh")
    notice = notice_for_venue("S-01")  # the rectification notice, in Chinese
    assert [i.description for i in notice.items] == [ZH_NOT_MET.format(text=OLD_ZH)]
    # Typed text, and a version the store does not hold, stay as they are.
    Finding.update(description="屋顶门坏了").execute()
    assert shown(Finding.get(), lang="en") == "屋顶门坏了"
    Finding.update(description=EN_NOT_MET.format(text="Roof hatch open")).execute()
    assert shown(Finding.get(), lang="zh") == EN_NOT_MET.format(text="Roof hatch open")
