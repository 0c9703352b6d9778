"""`fieldapp admin audit` named the person whose ID number was revealed only by the
member's id, which no screen shows: the person's name now goes beside it, in both
languages; an entry whose subject is no person is listed as before. An edit of a person
(`personal_data.edited`) says which fields it changed, in words, not as the entry's JSON."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.i18n import set_language

EDITED_AT = "2026-06-10T09:00:00+08:00"
CASES = [
    ("zh", "m-17（陈建国）", f"修改了电话、备注（设备上的时间 {EDITED_AT}）"),
    ("en", "m-17 (陈建国)", f"changed the phone, note (device time {EDITED_AT})"),
]


@pytest.mark.parametrize(("lang", "named", "edited"), CASES)
def test_a_reveal_names_its_person_beside_the_id(tmp_path, lang: str, named: str,
                                                 edited: str) -> None:  # fmt: skip
    from sync.server import audit
    from sync.server import db as server_db
    from sync.server.models import Grid
    from sync.server.people_models import Household, HouseholdMember

    db = f"sqlite:///{tmp_path / 'srv.sqlite3'}"
    assert CliRunner().invoke(main, ["admin", "--db", db, "init"]).exit_code == 0
    with server_db.current().connection_context():
        Grid.create(code="V1", name="鼎美村", level="village")
        Household.create(id="h-17", grid="V1", code="DM-017")
        HouseholdMember.create(id="m-17", household="h-17", name="陈建国")
        audit.record("personal_data.revealed", actor="p-sup", subject="m-17",
                     detail={"field": "id_number"})  # fmt: skip
        audit.record("personal_data.edited", actor="p-insp", subject="m-17",
                     detail={"record": "person", "fields": ["phone", "note"], "new": False,
                             "household": "h-17", "device_time": EDITED_AT})  # fmt: skip
    try:
        shown = CliRunner().invoke(main, ["--lang", lang, "admin", "--db", db, "audit"])
    finally:
        set_language("zh")
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    assert any("personal_data.revealed" in line and named in line for line in lines), lines
    assert any("placard_key.created" in line and "（" not in line for line in lines), lines
    assert any(line.endswith(f"{named}  -  {edited}") for line in lines), lines
