"""Home is not laid out again once its first frame with the data is drawn, until something
on it changes: Textual asked for that layout five ways (widgets laid out asking again for
the virtual size just given them, requests already taken in, the pushed screen's mount
awaited after it was laid out, the header's title set to what it showed, the hidden
notification area hidden again), and home was laid out and drawn twice more just after
the first frame at every start (~10-15 ms of CPU). Asked for by a change, a layout still
happens: a notice shown over home, the returned-inspections line filled in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_support import at_home, settle
from test_home_first_frame_settled import on_first_home_frame
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets._header import HeaderTitle
from textual.widgets._toast import Toast

from fieldapp.i18n import t
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.views.home import start_building_home_view


def count_layouts(monkeypatch: pytest.MonkeyPatch, first: list[object]) -> list[str]:
    """The screens laid out (by name) once `first` holds home's first frame."""
    laid_out: list[str] = []
    lay_out = Screen._refresh_layout

    def counted(self: Screen[Any], size: Size | None = None, scroll: bool = False) -> None:
        if first:
            laid_out.append(type(self).__name__)
        lay_out(self, size, scroll)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    return laid_out


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_home_is_not_laid_out_again_after_its_first_frame(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    start_building_home_view()  # as the app's start does, while Textual is imported
    app = make_app(lang=lang)
    first = on_first_home_frame(app, lambda home: home.query_one(HeaderTitle).render())
    laid_out = count_layouts(monkeypatch, first)  # after make_app: its patches are in
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await at_home(app, pilot, rounds=3)
        assert isinstance(app.screen, HomeScreen)
        assert first, "home drew a frame with its data"
        assert laid_out == []
        title = str(first[0])  # the header's title, as the first frame showed it
        assert t("app.title") in title and t("home.subtitle") in title
        assert str(app.screen.query_one(HeaderTitle).render()) == title

        app.notify("x")  # something new on home is laid out as before
        await settle(app, pilot)
        assert "HomeScreen" in laid_out
        assert "x" in str(app.screen.query_one(Toast).render())
