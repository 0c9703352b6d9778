"""First run: a device that is not enrolled opens the welcome screen, which enrols it with
the server address and one-time code a person types in — or says why not, keeping what
was typed — and shows home after the first sync. Driven with Pilot against a real server."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pilot_support import SIZE, settle
from sync_world import LiveServer, enrolment_code
from textual.widgets import Input, Static

from fieldapp.i18n import set_language, t
from fieldapp.store.models import Grid, Venue
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.welcome import NotEnrolledScreen
from sync.server import auth
from sync.server import db as server_db

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def back_to_chinese() -> Iterator[None]:
    yield
    set_language("zh")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _enrol(app: FieldApp, pilot, url: str, code: str) -> None:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, NotEnrolledScreen)
    screen.query_one("#enroll-url", Input).value = url
    code_field = screen.query_one("#enroll-code", Input)
    code_field.value = code
    code_field.focus()
    await pilot.pause()
    await pilot.press("enter")
    await settle(app, pilot, rounds=3)


def _status(app: FieldApp) -> str:
    return str(app.screen.query_one("#enroll-status", Static).render())


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_refusals_say_why_and_keep_what_was_typed(
    home: Path, live_server: LiveServer, lang: str
) -> None:
    with server_db.current().connection_context():
        expired = auth.issue_enrollment_code("p-insp", hours=-1).code
    down = f"http://127.0.0.1:{_free_port()}"
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, NotEnrolledScreen)
        for url, code, expected in (
            ("", "", t("welcome.error.missing")),
            ("server.example", "ABCD-EFGH-JKLM", t("welcome.error.bad_url", url="server.example")),
            ("http://10.1.2.3:8765", "ABCD", t("welcome.error.plain_http", url="http://10.1.2.3:8765")),
            (down, "ABCD-EFGH-JKLM", t("welcome.error.unreachable", url=down)),
            (live_server.url, "ABCD-EFGH-JKLM", t("welcome.error.code_unknown")),
            (live_server.url, expired, t("welcome.error.code_expired")),
        ):  # fmt: skip
            await _enrol(app, pilot, url, code)
            assert isinstance(app.screen, NotEnrolledScreen), expected
            assert _status(app) == expected
            assert app.screen.query_one("#enroll-code", Input).value == code
        # The app's keys that need an enrolled device do nothing here.
        await pilot.press("f5", "f7", "f12")
        await settle(app, pilot)
        assert isinstance(app.screen, NotEnrolledScreen)


async def test_a_good_code_enrols_syncs_and_opens_home(home: Path, live_server: LiveServer) -> None:
    code = enrolment_code("p-insp")
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        await _enrol(app, pilot, live_server.url, code)
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, HomeScreen)
        assert app.person_role == "inspector"
    # The person's grids and venues came with the first sync.
    assert {v.code for v in Venue.select()} == {"DM-0001", "DM-0002"}
    assert {g.code for g in Grid.select()} >= {"V1", "A1"}
    # The code is spent: a second device cannot use it.
    with server_db.current().connection_context(), pytest.raises(auth.AuthError) as refused:
        auth.enroll(code, "another")
    assert refused.value.code == "enrolment_code_used"


async def test_tab_moves_from_the_server_address_to_the_code(home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, NotEnrolledScreen)
        url, code = (
            app.screen.query_one("#enroll-url", Input),
            app.screen.query_one("#enroll-code", Input),
        )
        url.focus()
        await pilot.press(*"https://a.example", "tab", *"ABCD")
        assert (url.value, code.value) == ("https://a.example", "ABCD")
        await pilot.press("shift+tab")
        assert app.focused is url
