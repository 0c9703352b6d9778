"""`campaign stop` on a campaign already off, and `campaign phase` while it is off, say
so: both printed only "疫情防控（epidemic）：未开启", which read as the command failing
(stop) or the phase ignored (phase), and stop sent devices a change that changed nothing."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.paths import CAMPAIGNS_DIR
from sync.server import db as server_db
from sync.server.models import ChangeLog

pytestmark = pytest.mark.usefixtures("chinese")  # `--lang en` below is put back afterwards

SAID = {
    "zh": {
        "already_off": "疫情防控（epidemic）本来就未开启，未改动。",
        "phase_off": "疫情防控（epidemic）：未开启；阶段已设为有病例，开启后按此阶段检查"
        "（用 campaign start 开启）。",
        "stopped": "疫情防控（epidemic）：未开启",
    },
    "en": {
        "already_off": "Epidemic control (epidemic) is already off; nothing changed.",
        "phase_off": "Epidemic control (epidemic): off; phase set to Cases, used once it is "
        "started (campaign start).",
        "stopped": "Epidemic control (epidemic): off",
    },
}


def _campaign(url: str, lang: str, *args: str) -> str:
    result = CliRunner().invoke(main, ["--lang", lang, "admin", "--db", url, "campaign", *args])
    assert result.exit_code == 0, result.output
    return result.output.strip()


def _feed() -> int:
    with server_db.current().connection_context():
        return ChangeLog.select().count()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_stop_and_phase_while_off_say_it_is_off(seed, server_db_url, lang: str) -> None:
    said = SAID[lang]
    _campaign(server_db_url, lang, "publish", str(CAMPAIGNS_DIR / "epidemic.toml"))
    before = _feed()
    assert _campaign(server_db_url, lang, "stop", "epidemic") == said["already_off"]
    assert _feed() == before  # nothing sent to the devices
    phase = "有病例" if lang == "zh" else "Cases"
    assert _campaign(server_db_url, lang, "phase", "epidemic", phase) == said["phase_off"]
    assert _campaign(server_db_url, lang, "start", "epidemic").count("有病例") == (lang == "zh")
    assert _campaign(server_db_url, lang, "stop", "epidemic") == said["stopped"]
    assert _campaign(server_db_url, lang, "stop", "epidemic") == said["already_off"]
