"""The ledger's item cells from packed answers: what an office reads in an inspection's
item columns (rooms in number order, the item's own answer first, stray codes ignored)."""

from __future__ import annotations

from fieldapp.reports.ledger import ItemColumn, Labels
from fieldapp.services.export.item_cells import UNIT, ItemCells

COLUMNS = [
    ItemColumn("RNT-02", "房间人数", "People", "number"),
    ItemColumn("RNT-04", "逃生窗", "Escape window", "yesno"),
    ItemColumn("RNT-13", "备注", "Remarks", "text"),
]


def _row(*answers: tuple[str, str, str]) -> list[object]:
    row: list[object] = ["fixed", *[None] * len(COLUMNS)]
    ItemCells(COLUMNS, Labels("zh"), 1).fill(row, [UNIT.join(a) for a in answers])
    return row[1:]


def test_rooms_show_in_number_order_in_their_items_column() -> None:
    row = _row(
        ("RNT-04#10", "na", ""),
        ("RNT-04#2", "fail", ""),
        ("RNT-02#2", "value", "3"),
        ("RNT-04#1", "pass", ""),
    )
    assert row == ["#2 3", "#1 合格；#2 不合格；#10 不适用", None]


def test_an_items_own_answer_shows_instead_of_its_rooms_even_a_bare_note() -> None:
    assert _row(("RNT-13", "note", ""), ("RNT-13#1", "value", "漏水")) == [None, None, None]
    assert _row(("RNT-04", "pass", ""), ("RNT-04#1", "fail", "")) == [None, "合格", None]


def test_codes_without_a_column_are_left_out_and_values_stay_whole() -> None:
    odd = f"a{UNIT}b；#1 c"
    row = _row(("ZZZ-01", "pass", ""), ("ZZZ-01#1", "fail", ""), ("RNT-13", "value", odd))
    assert row == [None, None, odd]
    assert _row(("RNT-02", "value", "3.50"), ("RNT-04", "fail", "")) == [3.5, "不合格", None]
