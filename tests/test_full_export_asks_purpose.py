"""`fieldapp export --full-personal-data` wrote every ID number in full without asking why,
though showing one on screen asks. It now asks the reveal's purposes (a note required
and meaning something for Other, as the dialog asks it) and keeps them in the export's
audit record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from people_support import key_behind_pin, returnee_family

from fieldapp.cli import main
from fieldapp.i18n import set_language
from fieldapp.services.common.identity import me
from fieldapp.services.demo import workspace as demo
from fieldapp.services.people import registry
from fieldapp.store import close_store, open_store
from fieldapp.store.models import Outbox


@pytest.mark.parametrize(
    ("lang", "asked", "other"),
    [("zh", "完整导出的用途", "其他（需填写说明）"), ("en", "Purpose of the full export", "Other")],
)
def test_a_full_export_asks_its_purpose_and_records_it(
    demo_home: Path, tmp_path: Path, lang: str, asked: str, other: str
) -> None:
    key_behind_pin()
    demo.act_as("supervisor")
    registry.save_household(returnee_family(me().grids[0][0]))
    store = Path(Outbox._meta.database.database)
    close_store()
    out = tmp_path / "full.xlsx"
    args = ["--lang", lang, "export", "--out", str(out), "--full-personal-data"]
    try:
        done = CliRunner().invoke(main, args, input="4\nx\n户籍核对 DM-017\n")
    finally:
        set_language("zh")
    assert done.exit_code == 0, done.output
    assert asked in done.output and f"4. {other}" in done.output, done.output
    open_store(store)
    (row,) = [r for r in Outbox.select() if r.type == "export.recorded"]
    payload = json.loads(row.payload)
    assert (payload["full"], payload["purpose"], payload["purpose_note"]) == (
        True, "other", "户籍核对 DM-017")  # fmt: skip
