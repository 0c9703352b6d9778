"""What people type and the office imports shows as it was written, on every screen that
shows it. Textual read such a string as console markup: a household's address
"[/]鼎美村5号楼101" stopped People (F11) with a MarkupError, at every start after, an
incident's address "村口[/]大树下[red]" stopped the incident queue (F3), and "[b]" or
"[red]" vanished and restyled the rest of the line."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import pulled_campaign, seed_store, switch_on_campaign
from people_support import (
    FATHER,
    household_of_one,
    key_behind_pin,
    member_named,
    on_person,
    returnee_family,
)
from pilot_support import a_stall_selling_fireworks, open_screen, screen_text, settle
from textual.app import App
from textual.widgets import Input, Select
from textual.widgets._toast import Toast

from fieldapp.services.common.campaigns import clear_cache
from fieldapp.services.common.identity import me
from fieldapp.services.demo import workspace as demo
from fieldapp.services.inspection import findings
from fieldapp.services.people.registry import save_household
from fieldapp.store.campaign_models import Campaign
from fieldapp.store.models import Finding, Grid, Person, Venue
from fieldapp.store.people_models import HouseholdMember
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog
from fieldapp.tui.dialogs.incident import IncidentDialog
from fieldapp.tui.screens.campaigns import CampaignsScreen
from fieldapp.tui.screens.daily_report import DailyReportScreen
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.incident_record import IncidentRecordScreen
from fieldapp.tui.screens.incidents import IncidentsScreen
from fieldapp.tui.screens.people import PeopleScreen
from fieldapp.tui.screens.review import ReviewScreen
from fieldapp.tui.screens.rounds import RoundsScreen

pytestmark = pytest.mark.usefixtures("chinese")
SIZE = (160, 40)  # wide enough that no hostile text below is cut with "…"
NARROW = (80, 24)

ADDRESS = "[/]鼎美村5号楼101"
NAME = "[b]陈二"  # whole in the name column
INCIDENT_ADDRESS = "村口[/]大树下[red]"
DESCRIPTION = "[b]路口摆摊[@click=app.quit]卖烟花[/] :fire:"
HAZARD = "[/]消防通道[red]堵塞"
NOTE = "[b]店主[@click=app.quit]已清理[/]一半:fire:"
VENUE = "春风[/]超市[b]东店"
GRID = "鼎美村[red]一组[/]"
PERSON = "[/]陈晓明[b]"
CAMPAIGN = "[b]春节[/]禁燃:fire:"
REASON = "[b]户籍核对"


async def shows(app: App[object], pilot, *texts: str) -> str:  # type: ignore[no-untyped-def]
    """The screen once settled, asserting each text is on it as written."""
    await settle(app, pilot, rounds=2)
    shown = screen_text(app)
    for text in texts:
        assert text in shown, f"{text!r} not on {type(app.screen).__name__}:\n{shown}"
    return shown


async def test_a_household_address_and_a_name_with_brackets_show_as_typed(
    demo_home: Path,
) -> None:
    key_behind_pin()
    household_of_one("陈二", address=ADDRESS)
    # A name the form now refuses ([ is no letter), held from before the rule or synced.
    HouseholdMember.update(name=NAME).where(HouseholdMember.id == member_named("陈二").id).execute()
    for _start in range(2):  # and again at the next start, where it stopped the app too
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await open_screen(app, pilot, "f11", PeopleScreen)
            await shows(app, pilot, ADDRESS, NAME)
            assert isinstance(app.screen, PeopleScreen)


async def test_the_reason_typed_for_showing_a_number_is_said_as_typed(demo_home: Path) -> None:
    key_behind_pin()
    demo.act_as("supervisor")
    save_household(returnee_family(me().grids[0][0]))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await on_person(app, pilot, "陈建国", "v")  # its ID number shown, asked why
        await pilot.press(*["down"] * 4, "enter", *REASON, "enter")  # Other (4th): why
        await shows(app, pilot, FATHER, REASON)  # under the household, not "\\[b]户籍核对"
        assert "\\" not in screen_text(app)


async def test_an_incident_typed_with_brackets_shows_as_typed_to_the_supervisor(
    demo_home: Path,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        dialog = await open_screen(app, pilot, "f4", IncidentDialog)
        a_stall_selling_fireworks(dialog)
        dialog.query_one("#incident-address", Input).value = INCIDENT_ADDRESS
        dialog.query_one("#incident-description", Input).value = DESCRIPTION
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, HomeScreen)
        await shows(app, pilot)
        assert app.screen.query(Toast)  # "reported", drawn over home
    demo.act_as("supervisor")
    Person.update(name=PERSON).where(Person.name == "陈晓明").execute()  # the office's roster
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:  # the place said whole under the list
        queue = await open_screen(app, pilot, "f3", IncidentsScreen)
        await shows(app, pilot, INCIDENT_ADDRESS)
        assert INCIDENT_ADDRESS in str(queue.query_one("#incident-status").render())
        await pilot.press("enter")
        await shows(app, pilot, INCIDENT_ADDRESS, DESCRIPTION)
        assert isinstance(app.screen, IncidentRecordScreen)
        assert app.is_running  # [@click=app.quit] is text, not a link that quits
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("a")  # assign it: the people of the grids, by name
        await shows(app, pilot, PERSON)
        assert isinstance(app.screen, BulkActionDialog)


async def test_venues_grids_hazards_and_notes_with_brackets_show_as_written(
    demo_supervisor: Path,
) -> None:
    venue = Venue.select().join(Finding, on=Finding.venue == Venue.id).first()
    Venue.update(name=VENUE).where(Venue.id == venue.id).execute()
    Grid.update(name=GRID).where(Grid.code == venue.grid_code).execute()
    hazard = Finding.select().where(Finding.venue == venue.id).first()
    Finding.update(description=HAZARD).where(Finding.id == hazard.id).execute()
    findings.append_event(hazard.id, "note", note=NOTE)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        await shows(app, pilot, VENUE)  # home, with the venue among what is due
        review = await open_screen(app, pilot, "f5", ReviewScreen)
        await pilot.press("6")  # every hazard not yet closed
        await settle(app, pilot, rounds=2)
        table = review.query_one("#review-table")
        for _row in range(40):  # down to the hazard: its detail pane shows under the list
            if HAZARD in screen_text(app):
                break
            table.focus()
            await pilot.press("down")
            await settle(app, pilot)
        await shows(app, pilot, VENUE, HAZARD, NOTE)
        await pilot.press("escape")
        rounds = await open_screen(app, pilot, "f7", RoundsScreen)
        await shows(app, pilot, VENUE)
        grids = rounds.query_one("#due-grid", Select)
        grids.focus()
        await pilot.press("enter")  # the list of grids to choose from, open
        await shows(app, pilot, GRID)
        grids.value = venue.grid_code
        await pilot.press("escape")
        await shows(app, pilot, GRID)  # the grid chosen, named in the closed choice
        await pilot.press("escape")
        await open_screen(app, pilot, "f8", DailyReportScreen)
        await shows(app, pilot, GRID)  # the list of my grids to report for


async def test_a_campaign_named_with_brackets_is_named_so_in_the_question_and_the_notice(
    home: Path,
) -> None:
    seed_store()
    Person.update(role="supervisor").execute()
    switch_on_campaign("epidemic", "有病例")  # the office's campaigns, as a sync brings them
    pulled_campaign("spring_festival", active=False)
    for held in Campaign.select().where(Campaign.code == "spring_festival"):
        Campaign.update(body={**held.body, "zh": CAMPAIGN}).where(
            (Campaign.code == held.code) & (Campaign.version == held.version)
        ).execute()
    clear_cache()
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_screen(app, pilot, "ctrl+k", CampaignsScreen)
        await shows(app, pilot, CAMPAIGN)
        await pilot.press("down", "space")  # switch it on: asked first, naming it
        await shows(app, pilot, CAMPAIGN)
        await pilot.press("y")
        await settle(app, pilot, rounds=2)
        (notice,) = [n.message for n in app._notifications]
        assert CAMPAIGN in notice
        toasts = [str(toast.render()) for toast in app.screen.query(Toast)]
        assert [said for said in toasts if CAMPAIGN in said], toasts
        await shows(app, pilot, CAMPAIGN)  # in the toast as in the list
