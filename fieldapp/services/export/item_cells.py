"""The ledger's item cells: an inspection's answers put into its row, one column per item
code (answers to repeated sections, RNT-13#2, joined in their item's column).

The hot path of a 100k-inspection export: ~20 answers a row. Each answer comes packed
as "code␟outcome␟value" (see `sheets.UNIT`), and that string is the key of what it
means for the row — which column, which cell — so an answer costs one dict lookup once
its kind has been seen in the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.domain.checklist import INSTANCE_MARK, base_code, instance_of
from fieldapp.reports.ledger import ItemColumn, Labels, answer_cell

UNIT = "\x1f"  # between an answer's code, outcome and value when SQLite packs them


@dataclass(frozen=True)
class _Instance:
    """An answer to one instance of a repeated section: shown in its item's column as
    "#2 不合格" beside the other instances, unless the item itself was answered."""

    index: int
    base: str
    order: tuple[int, tuple[str, str]]
    cell: object


@dataclass(frozen=True)
class _Unusual:
    """An answer that is not simply one column's cell: an instance of a repeated section,
    a code with no column (both parts None), or — a code holding the instance mark that
    is also a column — both."""

    own: tuple[int, object] | None
    instance: _Instance | None


class ItemCells:
    """Fills rows' item columns (after `offset` fixed ones) from packed answers, wording
    each distinct answer once."""

    def __init__(self, columns: list[ItemColumn], labels: Labels, offset: int):
        self._columns = {c.code: (offset + i, c) for i, c in enumerate(columns)}
        self._labels = labels
        self._known: dict[str, tuple[int, object] | _Unusual] = {}

    def _meaning(self, packed: str) -> tuple[int, object] | _Unusual:
        code, outcome, value = packed.split(UNIT, 2)
        own = instance = None
        if code in self._columns:
            index, column = self._columns[code]
            own = (index, answer_cell(column, outcome, value, self._labels))
        if INSTANCE_MARK in code and (base := base_code(code)) in self._columns:
            index, column = self._columns[base]
            cell = answer_cell(column, outcome, value, self._labels)
            instance = _Instance(index, base, (instance_of(code), (outcome, value)), cell)
        if own is not None and instance is None:
            return own
        return _Unusual(own, instance)

    def fill(self, row: list[object], answers: list[str]) -> None:
        """Put an inspection's packed answers into its row (item cells still None)."""
        known = self._known
        unusual: list[_Unusual] = []
        for packed in answers:
            meaning = known.get(packed)
            if meaning is None:
                meaning = known[packed] = self._meaning(packed)
            if isinstance(meaning, tuple):
                row[meaning[0]] = meaning[1]
            else:
                unusual.append(meaning)
        if unusual:
            _fill_unusual(row, unusual, answers, self._labels("ledger.data.separator"))


def _fill_unusual(
    row: list[object], unusual: list[_Unusual], answers: list[str], separator: str
) -> None:
    instances: dict[int, list[_Instance]] = {}
    for meaning in unusual:
        if meaning.own is not None:
            row[meaning.own[0]] = meaning.own[1]
        if meaning.instance is not None:
            instances.setdefault(meaning.instance.index, []).append(meaning.instance)
    if not instances:
        return
    answered = {packed.partition(UNIT)[0] for packed in answers}
    for index, found in instances.items():
        if found[0].base in answered:  # the item itself was answered: its answer shows
            continue
        # one column per code: "#1 合格；#2 不合格", "#1 Pass; #2 Fail" in English
        row[index] = separator.join(
            f"#{i.order[0]} {i.cell}" for i in sorted(found, key=lambda i: i.order)
        )
