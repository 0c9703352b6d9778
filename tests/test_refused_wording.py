"""Words as written: the discard question of a refused record spaces the date it names
(将从本机删除 2026-02-11 06:40 的…); the help texts name the keys as the footer shows them
(d, r, x), not in capitals; the hazard form's note on an open hazard ends its sentence
once."""

from __future__ import annotations

from pathlib import Path

import pytest
from incident_time_support import incident_at
from inspect_support import open_inspection, seed_store, submitted_with_one_finding
from pilot_support import at_home, open_screen, settle
from test_refused_records_ui import refuse_last_op, shown

from fieldapp.services.incidents import reporting
from fieldapp.store.models import Finding
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.dialogs.finding import FindingDialog
from fieldapp.tui.screens.my_incidents import MyIncidentsScreen


def an_incident_refused() -> None:
    made = reporting.IncidentReport(
        "fireworks_sale", incident_at(), "有人燃放烟花", address="鼎美村祠堂"
    )
    reporting.report_incident(made)
    refuse_last_op()


async def test_the_discard_question_spaces_the_date(demo_home: Path) -> None:
    an_incident_refused()
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f3", MyIncidentsScreen)
        await pilot.press("x")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        text = " ".join(line.strip("█▌▐│ ") for line in shown(app).splitlines())
    assert f"将从本机删除 {incident_at()} 的" in text, text


@pytest.mark.parametrize(
    ("lang", "keys"), [("zh", ("按 d", "按 r", "按 x")), ("en", ("press d", " r ", " x "))]
)
async def test_the_refusal_help_names_the_keys_as_the_footer_does(
    demo_home: Path, lang: str, keys: tuple[str, ...]
) -> None:
    an_incident_refused()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        await pilot.press("ctrl+f12")
        await settle(app, pilot, rounds=2)
        text = " ".join(line.strip() for line in shown(app).splitlines())
    assert all(key in text for key in keys), text
    assert not any(key.upper() in text for key in ("按 d", "按 r", "按 x", "press d")), text


@pytest.mark.parametrize(("lang", "doubled"), [("zh", "。）。"), ("en", "。).")])
async def test_the_hazard_forms_note_ends_its_sentence_once(
    home: Path, lang: str, doubled: str
) -> None:
    """The open hazard's description ends with its own stop (…占用”。), inside the note's
    brackets: it read …占用”。）。 and …占用”。)."""
    seed_store()
    hazard = Finding.get_by_id(submitted_with_one_finding())  # COM-03, still open
    Finding.update(description="消防通道被“杂物占用”。").where(Finding.id == hazard.id).execute()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_inspection(app, pilot)
        app.screen.go_to("COM-03")
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        assert isinstance(app.screen, FindingDialog)
        text = "".join(line.strip() for line in shown(app).splitlines())
    assert "杂物占用”" in text, text
    assert doubled not in text, text
