"""`fieldapp --lang en admin campaign --help` listed phase as "Move campaign CODE to PHASE
(e.g.": click ends a command's first sentence at any word ending with a full stop. A
listing line now runs on past "e.g." and "i.e."."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from fieldapp import i18n
from fieldapp.cli import main
from fieldapp.cli.help_texts import short

pytestmark = pytest.mark.usefixtures("english")


def test_a_command_listing_runs_on_past_e_g() -> None:
    result = CliRunner().invoke(main, ["--lang", "en", "admin", "campaign", "--help"])
    i18n.set_language("en")
    assert "phase    Move campaign CODE to PHASE (e.g. 有病例 or Cases)" in result.output
    cut = {
        key: short(text, 45)
        for key, text in i18n._load()["en"].items()
        if key.startswith("cli.help.") and ("e.g. " in text or "i.e. " in text)
    }
    assert cut, "no help text holds e.g. to check"
    assert [key for key, line in cut.items() if line.endswith(("e.g.", "i.e."))] == []
