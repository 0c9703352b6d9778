"""Home's footer chooses its keys once before home's first frame: the due list was focused
as home was composed, before the data was shown, and the footer chose the keys for home
without its data, then again with it (~1.5 ms of CPU at every start). The first frame
still shows the keys home settles on, for the due list, which has the focus."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import at_home
from test_home_first_frame_settled import on_first_home_frame

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.views.home import start_building_home_view
from fieldapp.tui.widgets.key_footer import KeyFooter


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_home_s_keys_are_chosen_once_for_its_first_frame(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    chosen: list[str] = []
    choose = KeyFooter.choose_again

    def counted(self: KeyFooter) -> bool:
        focused = self.screen.focused
        chosen.append(focused.id or "" if focused is not None else "")
        return choose(self)

    monkeypatch.setattr(KeyFooter, "choose_again", counted)
    start_building_home_view()  # as the app's start does, while Textual is imported
    app = make_app(lang=lang)
    first = on_first_home_frame(app, lambda home: (list(chosen), home.query_one(KeyFooter).text))
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot, rounds=3)
        assert isinstance(app.screen, HomeScreen)
        assert first, "home drew a frame with its data"
        before, keys = first[0]  # type: ignore[misc]
        assert before == ["due"]  # once, with the due list focused
        assert app.focused is app.screen.query_one("#due")
        assert keys == app.screen.query_one(KeyFooter).text  # the keys home settles on
