"""A reveal for "Other" needs a real reason, as a late activity's reason does: a lone
"x" is refused in the dialog (saying so, 80x24, both languages) and nothing is recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import FATHER, key_behind_pin, on_person
from pilot_support import settle
from textual.widgets import RadioSet

from fieldapp.i18n import set_language
from fieldapp.services.demo import workspace as demo
from fieldapp.store.models import Outbox
from fieldapp.store.people_models import HouseholdMember
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.reveal_purpose import RevealPurposeDialog
from fieldapp.tui.screens.people import PeopleScreen


def rendered(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def reveals() -> int:
    return Outbox.select().where(Outbox.type == "personal_data.reveal").count()


def supervisor_with_a_family() -> None:
    """A supervisor's device, its personal data behind the PIN, with 陈建国's household."""
    from people_support import returnee_family

    from fieldapp.services.common.identity import me
    from fieldapp.services.people import registry

    key_behind_pin()
    demo.act_as("supervisor")
    registry.save_household(returnee_family(me().grids[0][0]))


async def other_with_x(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """v on 陈建国, then the purpose Other with the note "x"."""
    await on_person(app, pilot, "陈建国", "v")
    purposes = app.screen.query_one("#reveal-purposes", RadioSet)
    assert purposes.pressed_index == -1 and not purposes.query(".-selected")  # none shown
    await pilot.press("down", "down", "down", "down")  # each one under the cursor, chosen
    assert purposes.pressed_index == 3 and purposes.query_one(".-selected").value  # Other
    await pilot.press("enter", "x", "enter")  # on to the note: "x"
    await settle(app, pilot)


@pytest.mark.parametrize(
    ("lang", "said", "reason", "end"),
    [("zh", "至少两个字或四个字母", "户籍核对", "表情符号、标点和空格不算。"),
     ("en", "(at least four", "lost card", "emoji, punctuation and spaces do not count.")],
)  # fmt: skip
async def test_other_with_a_one_letter_note_is_refused(
    demo_home: Path, lang: str, said: str, reason: str, end: str
) -> None:
    supervisor_with_a_family()
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await other_with_x(app, pilot)
            assert isinstance(app.screen, RevealPurposeDialog), "'x' was taken as a reason"
            assert said in " ".join(rendered(app).split())
            lines = "".join(line.strip(" █") for line in rendered(app).splitlines())
            assert "".join(end.split()) in "".join(lines.split()), lines  # its full stop too
            assert reveals() == 0
            await pilot.press("backspace", *reason, "enter")
            await settle(app, pilot)
            assert isinstance(app.screen, PeopleScreen) and FATHER in rendered(app)
            assert reveals() == 1
    finally:
        set_language("zh")


def test_the_service_refuses_other_with_a_note_that_says_nothing(demo_home: Path) -> None:
    from fieldapp.services.people import reveal

    supervisor_with_a_family()
    member_id = HouseholdMember.select().first().id
    with pytest.raises(ValueError):
        reveal.reveal(member_id, "id_number", purpose="other", note="x")
    assert reveals() == 0


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_a_note_refused_under_other_is_not_kept_for_another_purpose(
    demo_home: Path, lang: str
) -> None:
    """A note "x", refused under Other, was saved as the note of the identity check chosen
    after it: a note typed under another purpose goes when the purpose changes."""
    import json

    supervisor_with_a_family()
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await other_with_x(app, pilot)
            assert isinstance(app.screen, RevealPurposeDialog) and reveals() == 0
            await pilot.press("shift+tab", "up", "up", "up", "enter", "enter")  # identity
            await settle(app, pilot)
            assert isinstance(app.screen, PeopleScreen) and reveals() == 1
        payload = json.loads(Outbox.get(Outbox.type == "personal_data.reveal").payload)
        assert (payload["purpose"], payload["purpose_note"]) == ("identity_check", "")
    finally:
        set_language("zh")
