"""A phone typed `+86 138 1234 5678` showed as "+86*******5" in the people list (F11) and
a landline 0591-12345678 as "059******56": the mask was wider than the phone column,
which cut its last digits, so the digits one could read were wrong. A mobile is now kept
as its 11 digits, and a mask holds at most four stars: the last four always show."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import key_behind_pin, member_named
from pilot_support import settle
from test_people_screen import _fill, _new_family_in_my_first_grid, rendered
from textual.widgets import Select

from fieldapp.domain import personal
from fieldapp.store import keyring
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.people import PeopleScreen


@pytest.mark.parametrize(
    ("typed", "kept", "masked"),
    [
        ("+86 138 1234 5678", "13812345678", "138****5678"),
        ("86 138-1234-5678", "13812345678", "138****5678"),
        ("0591-12345678", "0591-12345678", "059****5678"),
        ("010-1234567", "010-1234567", "010****4567"),
    ],
)
def test_a_phone_is_kept_and_masked_with_its_last_four_digits(
    typed: str, kept: str, masked: str
) -> None:
    assert personal.normalize_phone(typed) == kept
    assert personal.mask_phone(typed) == masked


@pytest.mark.parametrize("width", [80, 120])
async def test_the_people_list_shows_each_phone_s_last_four_digits(
    demo_home: Path, width: int
) -> None:
    key_behind_pin()
    app = make_app()
    async with app.run_test(size=(width, 30)) as pilot:
        await _new_family_in_my_first_grid(app, pilot)
        await _fill(app, pilot, {"code": "DM-077", "name": "陈手机", "phone": "+86 138 1234 5678"})
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        await pilot.press("n")  # the list is open: a second family
        await settle(app, pilot)
        app.screen.query_one("#person-grid", Select).value = app.screen.grids[0][1]
        await _fill(app, pilot, {"code": "DM-078", "name": "林座机", "phone": "0591-12345678"})
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PeopleScreen)
        lines = rendered(app).splitlines()
    mobile = next(line for line in lines if "陈手机" in line)
    landline = next(line for line in lines if "林座机" in line)
    assert "138****5678" in mobile, mobile
    assert "059****5678" in landline, landline
    member = member_named("陈手机")
    assert member.phone_lookup == keyring.cipher().lookup("13812345678")
