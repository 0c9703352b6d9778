"""An English ledger says a choice answer by its option's English label, as the checklist
gives it (`en = "Installed and working"`), not the Chinese value stored; a Chinese ledger
keeps the value. Rooms of a repeated section are joined with "; " in English. Cells built
from the real shipped checklists."""

from __future__ import annotations

from fieldapp.domain.checklist_toml import load_checklist_text
from fieldapp.paths import CHECKLISTS_DIR
from fieldapp.reports.ledger import Labels, item_columns
from fieldapp.services.export.item_cells import UNIT, ItemCells

CHECKLISTS = [
    load_checklist_text((CHECKLISTS_DIR / f"{name}.toml").read_text(encoding="utf-8"), name)
    for name in ("hotel", "small_workshop", "rental_housing")
]
COLUMNS = item_columns(CHECKLISTS)


def _cells(lang: str, *answers: tuple[str, str, str]) -> dict[str, object]:
    row: list[object] = [None] * len(COLUMNS)
    ItemCells(COLUMNS, Labels(lang), 0).fill(row, [UNIT.join(a) for a in answers])
    return {c.code: cell for c, cell in zip(COLUMNS, row, strict=True) if cell is not None}


def test_choices_are_said_in_the_ledgers_language() -> None:
    answers = (("COM-17", "pass", "已安装且有效"), ("COM-16", "pass", "无"),
               ("HTL-05", "fail", "已设置但损坏、停用"))  # fmt: skip
    english = _cells("en", *answers)
    assert english["COM-17"] == "Installed and working", english
    assert english["COM-16"] == "None", english
    assert english["HTL-05"] == "In place but broken or shut off (fail)", english
    chinese = _cells("zh", *answers)
    assert chinese["COM-17"] == "已安装且有效" and chinese["COM-16"] == "无", chinese


def test_rooms_are_joined_as_each_language_writes_a_list() -> None:
    rooms = (("RNT-04#1", "pass", ""), ("RNT-04#2", "fail", ""))
    assert _cells("en", *rooms)["RNT-04"] == "#1 Pass; #2 Fail"
    assert _cells("zh", *rooms)["RNT-04"] == "#1 合格；#2 不合格"
