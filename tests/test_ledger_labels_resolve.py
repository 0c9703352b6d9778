"""The ledger says every header, sheet name and coded value in words, in Chinese and in
English: it reads its texts through the merged catalogues (`i18n.said_in`), not from the
catalogue modules it once imported, which printed a key itself (ledger.col.category) when
the key moved to another module, and a venue kind's code (foot_massage) for a kind the
office added, whose names are in the catalogues only once published."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import openpyxl
import pytest
from ledger_support import JUNE, fill_every_sheet
from rounds_support import Clock, add_venue, china, inspect

import fieldapp.i18n as i18n
from fieldapp.domain.office import VenueKind
from fieldapp.reports.ledger import Labels
from fieldapp.services.export.ledger import export_ledger
from fieldapp.store.models import Venue
from fieldapp.store.office_models import VenueKindRow

# A catalogue key (ledger.col.kind) or a code (police_station, fireworks_sale): lowercase
# words joined by dots or underscores, which no header or cell a person reads is made of.
CODE = re.compile(r"(?<![\w.])[a-z][a-z0-9]*(?:[._][a-z0-9]+)+(?![\w])")


def _texts(out: Path) -> list[tuple[str, str]]:
    """(sheet, text) of every sheet name, header and text cell of the workbook."""
    book = openpyxl.load_workbook(out, read_only=True)
    found = []
    for sheet in book.worksheets:
        found.append((sheet.title, sheet.title))
        for row in sheet.iter_rows(values_only=True):
            found += [(sheet.title, value) for value in row if isinstance(value, str)]
    book.close()
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_header_or_cell_of_the_ledger_is_a_key_or_a_code(
    tree: Clock, tmp_path: Path, lang: str
) -> None:
    fill_every_sheet(tree)
    out = tmp_path / "ledger.xlsx"
    export_ledger(out, where=JUNE, lang=lang)
    texts = _texts(out)
    assert len({sheet for sheet, _ in texts}) == 8  # every sheet has its rows
    coded = [(sheet, text) for sheet, text in texts if CODE.search(text)]
    assert coded == []


@pytest.fixture
def catalogues(monkeypatch: pytest.MonkeyPatch) -> None:
    """The catalogues as a test's published kinds leave them, restored after it."""
    monkeypatch.setattr(i18n, "_catalogs", copy.deepcopy(i18n._load()))


@pytest.mark.parametrize(("lang", "named"), [("zh", "足浴店"), ("en", "Foot massage")])
def test_a_kind_the_office_added_is_named_in_the_ledger(
    tree: Clock, tmp_path: Path, catalogues: None, lang: str, named: str
) -> None:
    tree.set(china(2026, 6, 10, 9))
    venue = add_venue("Z-01", "small_shop", "A11")
    inspect(tree, venue, china(2026, 6, 8, 9, 30))
    # The office made the venue a foot-massage parlour since; the ledger names the kind
    # the venue has now, as a headless `fieldapp export` writes it (no app start before).
    VenueKindRow.create(code="foot_massage",
                        body=VenueKind("foot_massage", "足浴店", "Foot massage").to_dict())  # fmt: skip
    Venue.update(kind="foot_massage").where(Venue.id == venue).execute()
    out = tmp_path / "ledger.xlsx"
    export_ledger(out, where=JUNE, lang=lang)
    book = openpyxl.load_workbook(out, read_only=True)
    header, row = list(book.worksheets[0].iter_rows(values_only=True, max_row=2))
    book.close()
    assert dict(zip(header, row, strict=False))[Labels(lang)("ledger.col.kind")] == named
