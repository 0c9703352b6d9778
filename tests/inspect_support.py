"""A small store for the inspect tests (the shipped checklists, one town grid, one
inspector, one small restaurant) and helpers that drive the real app to an inspection."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from PIL import Image
from pilot_support import workers_done

VENUE_ID = "0190a000-0000-7000-8000-000000000001"
PERSON_ID = "0190a000-0000-7000-8000-0000000000aa"
DEVICE_ID = "0190a000-0000-7000-8000-0000000000dd"


def seed_store() -> str:
    """Fill the open store: checklists, a grid, a person for this device, a venue."""
    from fieldapp.services.common.checklists import clear_cache, load_checklists
    from fieldapp.services.common.identity import set_identity
    from fieldapp.store.models import Grid, Person, PersonGrid, Venue

    clear_cache()
    report = load_checklists()
    assert report.ok, report.messages()
    Grid.create(code="T01", name="示例镇", level="town")
    Person.create(id=PERSON_ID, name="李巡查", role="inspector")
    PersonGrid.create(person=PERSON_ID, grid="T01")
    set_identity(PERSON_ID, DEVICE_ID)
    Venue.create(
        id=VENUE_ID,
        code="XC-0001",
        name="老王面馆（示例）",
        kind="small_restaurant",
        address="示例镇人民路 1 号",
        grid="T01",
    )
    return VENUE_ID


def submitted_with_one_finding() -> str:
    """An inspection made through the services with COM-03 failed; its finding id."""
    from fieldapp.services.inspection import inspections
    from fieldapp.store.models import Finding

    inspection_id = inspections.start_inspection(VENUE_ID)
    view = inspections.load(inspection_id)
    for item in view.checklist.items:
        if item.code == "COM-03":
            inspections.record_answer(inspection_id, item, "fail")
        elif item.answer == "yesno":
            inspections.record_answer(inspection_id, item, "pass")
        else:
            value = {"number": "2", "date": "2026-01-01"}.get(item.answer, "ok")
            inspections.record_answer(inspection_id, item, "value", value)
    inspections.submit(inspection_id, "王老板")
    return str(Finding.get(inspection=inspection_id).id)


def make_png(path: Path) -> Path:
    Image.new("RGB", (2000, 1500), (200, 40, 30)).save(path)
    return path


async def open_inspection(app, pilot) -> str:  # type: ignore[no-untyped-def]
    """From the home screen, open the venue as FieldApp does after a manual choice."""
    from fieldapp.tui.screens.inspect import InspectScreen

    await workers_done(app)
    await pilot.pause()
    app.open_venue(VENUE_ID, presence="manual", reason="placard_missing")
    await workers_done(app)
    await pilot.pause()
    assert isinstance(app.screen, InspectScreen), app.screen
    return app.screen.inspection_id


async def inspect_screen(app, pilot):  # type: ignore[no-untyped-def]
    """`open_inspection`, and the inspect screen it opened."""
    await open_inspection(app, pilot)
    return app.screen


@asynccontextmanager
async def inspecting(lang: str, size: tuple[int, int]) -> AsyncIterator[tuple[Any, Any, Any]]:
    """The real app over `seed_store()`, with the venue's inspection open:
    (app, pilot, the inspect screen)."""
    from fieldapp.tui.app import make_app

    seed_store()
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        yield app, pilot, await inspect_screen(app, pilot)


async def settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Workers done, apart from the photo dialog's file-tree loader (it lives as long as
    the dialog, and is cancelled when the dialog closes: waiting for it failed the test)."""
    await workers_done(app)
    await pilot.pause()


def switch_on_campaign(code: str, phase: str = "") -> None:
    """As a pull from a server where the office switched campaign `code` on everywhere."""
    pulled_campaign(code, active=True, phase=phase)


def pulled_campaign(code: str, *, active: bool, phase: str = "") -> None:
    """As a pull from a server where the office published campaign `code` (`active`: and
    switched it on everywhere)."""
    from fieldapp.services.common.campaigns import clear_cache, load_campaigns
    from fieldapp.store.campaign_models import Campaign, CampaignRun

    clear_cache()
    load_campaigns()
    version = max(row.version for row in Campaign.select().where(Campaign.code == code))
    CampaignRun.insert(
        code=code, version=version, active=active, phase=phase
    ).on_conflict_replace().execute()


def answer_every_item(inspection_id: str, day: str = "2026-06-10") -> None:
    """Answer each item of the inspection plainly through the service: pass, or a value
    (2, 记录, `day`, the first choice) for an item that asks for one."""
    from fieldapp.services.inspection import inspections

    view = inspections.load(inspection_id)
    for item in view.checklist.items:
        value = {"number": "2", "text": "记录", "date": day}.get(item.answer, "")
        if item.answer == "choice" and item.choices:
            value = item.choices[0]
        inspections.record_answer(inspection_id, item, "value" if value else "pass", value)
