"""F1's panel at 80×24, the narrowest terminal the app is used in: every key's label is
read whole, in Chinese (no spaces to wrap at) as in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from textual.widgets import Input

from fieldapp.i18n import listed
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.find_venue import FindVenueScreen
from fieldapp.tui.widgets.keys_panel import KeysPanel


def panel_text(app) -> str:  # type: ignore[no-untyped-def]
    """The panel's lines as seen (right of its border), without spaces, line breaks or
    its scrollbar (block elements)."""
    lines = [strip.text for strip in app.screen._compositor.render_strips()]
    text = "".join("".join(line.rsplit("▏", 1)[-1].split()) for line in lines)
    return "".join(c for c in text if not "\u2580" <= c <= "\u259f")


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_every_key_label_in_f1_is_whole_at_80_columns(demo_home: Path, lang: str) -> None:
    """In the search field (Textual's editing keys, the longest labels) F1 shows each
    label whole, folded onto the next line where it does not fit: none cut with "…"."""
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=3)
        await pilot.press("f1")  # beside the panel home's grids read "My g…", cut mid-word:
        await settle(app, pilot)  # the heading gives way first, then the names' end
        names = listed(app.screen.home_view.grids)  # type: ignore[attr-defined]
        shown = app.screen.query_one("#me-grids").render_line(0).text.strip()
        assert shown and names.startswith(shown.removesuffix("…")), shown
        await pilot.press("escape", "slash")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, FindVenueScreen)
        assert app.screen.query_one("#query", Input).has_focus
        await pilot.press("f1")
        await settle(app, pilot)
        rows = app.screen.query_one(KeysPanel).rows()
        seen = ""
        for _ in range(10):  # F1 pages through the panel, then closes it
            if not app.screen.query(KeysPanel):
                break
            seen += panel_text(app)
            await pilot.press("f1")
            await settle(app, pilot)
        assert "…" not in seen
        for keys, description in rows:
            assert "".join(description.split()) in seen, (keys, description)
