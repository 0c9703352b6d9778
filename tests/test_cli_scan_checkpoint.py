"""`fieldapp scan` on a photo of a patrol checkpoint's signed placard said 场所 CP-03 不在
本机 / Venue CP-03 is not on this device. Sync and try again, though the checkpoint is on
the device: the CLI looked venues up only. It now says the placard verified and names
the checkpoint, in both languages. Its verified line then still called it a venue
(标牌核验通过：场所 CP-03): it says 点位 / checkpoint."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from patrol_screen_support import placard, point_id, seed_patrol_store

from fieldapp.cli import main
from fieldapp.i18n import set_language, t
from fieldapp.reports.placards import PlacardInfo, render_png
from fieldapp.store import close_store
from fieldapp.store.patrol_models import Checkpoint


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_checkpoints_placard_is_recognised(home: Path, tmp_path: Path, lang: str) -> None:
    seed_patrol_store()
    point = Checkpoint.get_by_id(point_id("CP-03"))
    info = PlacardInfo.of(point, "网格", placard("CP-03"), place="checkpoint")
    photo = render_png(info, tmp_path / "cp.png", size="A5")
    close_store()
    scanned = CliRunner().invoke(main, ["--lang", lang, "scan", str(photo)])
    set_language(lang)
    expected = [
        t("placard.check.ok_checkpoint", code="CP-03", key_id="TSTK1"),
        t("placard.scan.checkpoint", name=point.name, code="CP-03"),
    ]
    set_language("zh")
    assert scanned.output.splitlines() == expected, scanned.output
    assert ("点位 CP-03" if lang == "zh" else "checkpoint CP-03") in expected[0]
    assert scanned.exit_code == 0
