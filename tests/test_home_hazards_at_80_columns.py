"""Home's hazards (我负责的隐患) say at which venue each hazard is, at 80×24 as at
120×36: the venue's name (at 80 columns it showed the venue's code, and no name: a
supervisor knows the venues by name), whole or its start with "…", with the deadline,
state and severity, and the re-inspect dialog opened from the list names the venue."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import screen_text, settle
from rich.cells import cell_len

from fieldapp.i18n import t
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.reinspect import ReinspectDialog
from fieldapp.tui.screens.home import HomeScreen


def name_seen(name: str, row: str) -> str:
    """What `row` shows of the venue's `name`: all of it, its start before "…", or (its
    place cut to "鼎…·", c76120a) the place's first character and its own name's start."""
    if name in row:
        return name
    start = max(
        (name[:n] for n in range(1, len(name)) if f"{name[:n]}…" in row), key=len, default=""
    )
    place, dot, own = name.partition("·")
    if dot and f"{place[0]}…·" in row:
        shown = own if f"{place[0]}…·{own}" in row else name_seen(own, row.split("…·", 1)[1])
        return max(start, place[0] + shown, key=len)
    return start


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
@pytest.mark.parametrize(
    ("lang", "states", "severities"),
    [
        ("zh", {"open": "待整改", "rectification_reported": "待复查"}, ("重大", "一般")),
        (
            "en",
            {"open": "To rectify", "rectification_reported": "To re-check"},
            ("Major", "General"),
        ),
    ],
)
async def test_each_hazard_shows_its_venue_deadline_state_and_severity(
    demo_home: Path,
    lang: str,
    states: dict[str, str],
    severities: tuple[str, str],
    size: tuple[int, int],
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, HomeScreen) and screen.home_view is not None
        shown = screen.home_view.findings
        assert shown
        pane = screen.query_one("#findings").region
        lines = screen_text(app).splitlines()[pane.y : pane.bottom]
        checked = 0
        for finding in shown:
            date = finding.deadline_brief
            rows = [line for line in lines if date in line and name_seen(finding.venue, line)]
            if not rows:  # scrolled below the pane: the first ones are in sight
                continue
            row = rows[0]
            # 鼎美村·惠民… in English at 80 columns, the name whole or nearly in Chinese
            seen = name_seen(finding.venue, row)
            assert cell_len(seen) >= (10 if lang == "en" and size[0] == 80 else 18), row
            assert f" {states[finding.state]} " in row, row
            assert any(f" {severity} " in row for severity in severities), row
            checked += 1
        assert checked >= 3, "\n".join(lines)

        first = shown[0]
        screen.query_one("#findings").focus()
        await pilot.press("enter")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, ReinspectDialog)
        venue = t("reinspect.venue", venue=t("venue.label", name=first.venue, code=first.code))
        assert venue in screen_text(app)
