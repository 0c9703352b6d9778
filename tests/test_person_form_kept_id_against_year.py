"""An inspector changed 王桂兰's birth year 1985 to 1986 (and a note) with the ID number
left as it was (不变): the device saved it, 已保存（联网后同步）, and the server refused it
on sync for contradicting the held number, the note lost with nothing to correct. The form
now checks a changed birth year against the number it holds sealed and refuses before
saving, as the server would; the year the number says saves with the note."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import edit_person, household_of_one, id_number, key_behind_pin, member_named
from pilot_support import settle
from textual.widgets import Input, Static

from fieldapp.store.models import Outbox
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.person import PersonDialog

FEMALE_1985 = id_number("450102", "19850312", "242")  # 17th digit 4: even, female


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "出生年份与已登记的身份证号不符"),
        ("en", "The birth year does not match the ID number on record"),
    ],
)
async def test_a_birth_year_the_kept_id_number_contradicts_is_refused_before_saving(
    demo_home: Path, lang: str, said: str
) -> None:
    key_behind_pin()
    household_of_one("王桂兰", sex="female", birth_year="1985", id_number=FEMALE_1985)
    ops = Outbox.select().count()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await edit_person(app, pilot, "王桂兰")
        assert dialog.query_one("#person-id_number", Input).value == ""  # kept: 不变
        dialog.query_one("#person-birth_year", Input).value = "1986"
        dialog.query_one("#person-note", Input).value = "独居，每周走访"
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        again = app.screen
        assert isinstance(again, PersonDialog), "saved a birth year its ID number contradicts"
        problems = " ".join(str(again.query_one("#person-problems", Static).render()).split())
        assert said in problems
        assert (member_named("王桂兰").birth_year, Outbox.select().count()) == (1985, ops)
        again.query_one("#person-birth_year", Input).value = "1985"
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        assert not isinstance(app.screen, PersonDialog)
    saved = member_named("王桂兰")
    assert (saved.birth_year, saved.note, Outbox.select().count()) == (
        1985,
        "独居，每周走访",
        ops + 1,
    )
