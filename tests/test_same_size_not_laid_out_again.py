"""The terminal's size reported again, as the driver reports it once when the app starts
(when the app has taken that size already), does not lay home out and draw it again: at
every start that came just after home's first frame. A new size still lays home out, for
that size."""

from __future__ import annotations

from pathlib import Path

from pilot_support import at_home
from textual import events
from textual.geometry import Size

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.widgets.paged_table import PagedTable


async def test_the_size_the_app_has_does_not_lay_home_out_again(demo_home: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        laid_out: list[Size] = []
        lay_out = home._refresh_layout  # noqa: SLF001 - counting home's layouts

        def counted(size: Size | None = None, scroll: bool = False) -> None:
            laid_out.append(size or home.outer_size)
            lay_out(size, scroll)

        home._refresh_layout = counted  # type: ignore[method-assign]
        app.post_message(events.Resize(Size(80, 24), Size(80, 24)))  # as the driver does
        await pilot.pause(0.1)
        await pilot.pause()
        assert laid_out == []
        await pilot.resize_terminal(100, 30)
        await pilot.pause(0.1)
        await pilot.pause()
        assert Size(100, 30) in laid_out
        assert home.query_one("#due", PagedTable).size.width == 100 - 2  # home-main's padding
