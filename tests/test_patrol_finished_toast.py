"""F10 on a patrol run says it is finished and sent with the next sync in a sentence
that ends with a full stop, in both languages ('Patrol finished; it is sent with the
next sync' had none, nor its Chinese)."""

from __future__ import annotations

from pathlib import Path

import pytest
from patrol_screen_support import placard, seed_patrol_store
from pilot_support import settle

from fieldapp.i18n import set_language, t
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrol_run import PatrolRunScreen


@pytest.mark.parametrize(("lang", "stop"), [("zh", "。"), ("en", ".")])
async def test_the_finished_toast_ends_with_a_full_stop(home: Path, lang: str, stop: str) -> None:
    seed_patrol_store()
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        for code in ("CP-01", "CP-02", "CP-03", "CP-04"):
            app.scan_text(placard(code), "wedge")
            await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PatrolRunScreen)
        await pilot.press("f10")  # none left: finished without asking
        await settle(app, pilot, rounds=2)
        said = [n.message for n in app._notifications][-1]
    assert said == t("patrol.run.finished"), said
    assert said.endswith(stop), said
