"""A checkpoint's placard refused during a patrol (forged, revoked key, damaged) said
…请手动查找场所，并向网格长报告 / Find the venue by hand and tell your grid head: no
venue is looked for on a patrol. It now points to the run's key for a checkpoint by
hand (m, 手工登记 in its footer), in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from patrol_screen_support import placard, run_started_by_scan, seed_patrol_store
from pilot_support import settle

from fieldapp.domain.placard import SigningKey
from fieldapp.i18n import set_language, t
from fieldapp.services.placards.printing import register_public_key
from fieldapp.tui.app import make_app

REVOKED = SigningKey("TSTK2", bytes(range(1, 33)))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("refusal", ["forged", "revoked"])
async def test_a_refused_checkpoint_placard_points_to_the_by_hand_key(
    home: Path, lang: str, refusal: str
) -> None:
    seed_patrol_store()
    set_language(lang)
    text = placard("CP-03")
    if refusal == "forged":
        text = text[:-6] + "AAAAAA"
    else:  # signed with a key the office revoked
        register_public_key(REVOKED.key_id, REVOKED.public_bytes, revoked=True)
        text = REVOKED.sign("CP-03")
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_started_by_scan(app, pilot)
        said: list[str] = []
        notify = app.notify
        app.notify = lambda text, **kw: (said.append(str(text)), notify(text, **kw))[1]  # type: ignore[method-assign]
        app.scan_text(text, "wedge")
        await settle(app, pilot, rounds=3)
    assert said == [t(f"patrol.scan.{refusal}")], said
    assert t("placard.check.forged") not in said
    set_language("zh")
