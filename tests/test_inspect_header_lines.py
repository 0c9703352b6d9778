"""At 80 columns each line above the inspect card is one line: what does not fit is cut
with "…", the progress and the key that corrects the venue stay whole. A small internet
café whose sprinklers are not recorded wrapped its venue and section lines (the card
went down by three lines in English), and said "  · " with two spaces. The reason an item is
asked, cut there ("Asked because o…"), is read whole in the item's card."""

from __future__ import annotations

from pathlib import Path

import pilot_support
import pytest
from test_form_messages_in_sight import in_sight
from textual.widgets import Static

from fieldapp.store.models import Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.inspect import InspectScreen

PROGRESS = {"zh": "第2节 · 19/19 · 已答 0", "en": "Section 2 · 19/19 · 0 answered"}
KEY = {"zh": "· alt+v 更正", "en": "· alt+v to correct"}
SECTION = {
    "zh": "NET 小网吧专项检查 · 因场所信息问",
    "en": "NET Small internet café checks · Asked",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_header_lines_fit_80_columns(demo_home: Path, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot_support.settle(app, pilot, rounds=3)
        venue = Venue.select().where(Venue.kind == "internet_cafe").order_by(Venue.code).first()
        app.open_venue(str(venue.id), presence="manual", reason="placard_missing")
        await pilot_support.settle(app, pilot, rounds=2)
        screen = app.screen
        assert isinstance(screen, InspectScreen)
        screen.go_to("NET-07")
        await pilot_support.settle(app, pilot)
        lines = [strip.text for strip in screen._compositor.render_strips()]
        shown = "\n".join(lines)
        venue_line, facts_line, section_line, blank = lines[:4]
        assert facts_line.rstrip().endswith(KEY[lang]), shown
        assert ("…" in facts_line) == (lang == "en"), shown  # zh fits whole
        assert section_line.rstrip().endswith(PROGRESS[lang]), shown
        assert section_line.lstrip().startswith(SECTION[lang]), shown
        assert ("…" in section_line) == (lang == "en"), shown
        assert not blank.strip() and "NET-07" in lines[5], shown  # the card right under them
        assert "  ·" not in section_line and "…  " not in facts_line + section_line
        because = screen.asked_because(screen.view.checklist.section_of("NET-07"), screen.item)
        assert because.startswith(SECTION[lang].split(" · ")[1])
        asked = screen.query_one("#item-asked", Static)
        card = "".join(str(asked.render()).split())
        assert card == "".join(because.split()) and in_sight(app, asked), shown  # whole
