"""A small store for the inspect tests: the shipped checklists, one town grid, one
inspector, one small restaurant; and a bare app that opens the inspect screen (used until
the app shell's `make_app` is there, and by the crash-resume driver script)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.app import App

from fieldapp.store.db import open_store
from fieldapp.paths import store_path

VENUE_ID = "0190a000-0000-7000-8000-000000000001"
PERSON_ID = "0190a000-0000-7000-8000-0000000000aa"
DEVICE_ID = "0190a000-0000-7000-8000-0000000000dd"
FROZEN_NOW = dt.datetime(2025, 3, 3, 2, 0, 0, tzinfo=dt.UTC)  # 10:00 in China


def make_store(home: Path) -> None:
    """Open (and fill) the store under `home`: checklists, a grid, a person, a venue."""
    from fieldapp.services.checklists import clear_cache, load_checklists
    from fieldapp.services.identity import set_identity
    from fieldapp.store.models import Grid, Person, PersonGrid, Venue

    open_store(store_path(home))
    clear_cache()
    report = load_checklists()
    assert report.ok, report.messages()
    if Venue.get_or_none(Venue.id == VENUE_ID) is None:
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


class InspectApp(App[None]):
    """Opens one inspection, as FieldApp.open_venue does."""

    def __init__(self, inspection_id: str) -> None:
        super().__init__()
        self.inspection_id = inspection_id

    def on_mount(self) -> None:
        from fieldapp.screens.inspect import InspectScreen

        self.push_screen(InspectScreen(self.inspection_id))
