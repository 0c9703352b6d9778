"""The incident form's category list (Textual's Select overlay) at 80×24 covers the field
it opens from, bar column and all, and stays inside the form: it was one cell narrower
than the field (the field's bar took a cell of the choice itself), so down its left edge
the fields below showed their bars through, every other line."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from textual.widgets import Select
from textual.widgets._select import SelectOverlay

from fieldapp.domain.incidents import DEFAULT_CATEGORIES
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.incident import IncidentDialog


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_open_category_list_covers_its_field_and_fits_the_form(
    demo_home: Path, lang: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        app.push_screen(IncidentDialog(list(DEFAULT_CATEGORIES)))
        await settle(app, pilot)
        screen = app.screen
        choice = screen.query_one("#incident-category", Select)
        assert choice.has_focus
        await pilot.press("enter")
        await settle(app, pilot)
        overlay = choice.query_one(SelectOverlay)
        assert choice.expanded and overlay.display
        listed = overlay.region
        fields = screen.query_one("#incident-fields").region
        strips = screen._compositor.render_strips()
        edge = [strips[y].crop(listed.x, listed.x + 1).text for y in range(listed.y, listed.bottom)]
        showing = overlay.option_count, overlay.scrollable_content_region.height
        whole, field = screen.region, choice.region
    # Every category in sight at once, inside the form and the screen.
    assert showing[0] <= showing[1], showing
    assert whole.contains_region(listed) and fields.contains_region(listed), listed
    # The list is as wide as its field, and its left edge is its own: no bar of a field
    # beneath shows through.
    assert (listed.x, listed.right) == (field.x, field.right), listed
    assert not any(cell in "▊▌▎" for cell in edge), edge
