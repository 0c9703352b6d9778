"""Who this device acts for is read with fixed statements (`store.models.ME_SQL`,
`MY_GRIDS_SQL`), not queries peewee builds (start-up reads it in three threads before
home's first frame), and reads what the models read."""

from __future__ import annotations

from pathlib import Path

import pytest
from peewee import Database

from fieldapp.services.common import identity
from fieldapp.services.common.identity import Me, NotEnrolled
from fieldapp.store.models import Grid, Person, PersonGrid, SyncState


def _as_the_models_read() -> Me | None:
    state = SyncState.get_or_none(SyncState.id == 1)
    person = Person.get_or_none(Person.id == state.person) if state and state.person else None
    if person is None or state is None:
        return None
    grids = (
        Grid.select(Grid.code, Grid.name)
        .join(PersonGrid)
        .where(PersonGrid.person == person.id)
        .order_by(Grid.code)
    )
    return Me(
        person.id, person.name, person.role, state.device_id, tuple((g.code, g.name) for g in grids)
    )


def _read() -> Me | None:
    try:
        found = identity._read_me()
    except NotEnrolled:
        found = None
    assert identity.enrolled() == (found is not None)
    return found


def test_me_is_what_the_models_read(home: Path) -> None:
    assert _read() is None is _as_the_models_read()  # a new store: nobody
    SyncState.create(id=1, device_id="dev-1", person="")
    assert _read() is None is _as_the_models_read()  # enrolment not finished
    SyncState.update(person="p-1").execute()
    assert _read() is None is _as_the_models_read()  # its person not pulled yet
    Person.create(id="p-1", name="陈晓明", role="supervisor", phone="138")
    Person.create(id="p-2", name="李四", role="inspector")
    for code, name in (("G2", "老渡口"), ("G1", "鼎美村"), ("G3", "别人的")):
        Grid.create(code=code, name=name, level="village")
    PersonGrid.create(person="p-1", grid="G2")
    PersonGrid.create(person="p-1", grid="G1")
    PersonGrid.create(person="p-2", grid="G3")
    read = _read()
    assert read == _as_the_models_read()
    assert read == Me("p-1", "陈晓明", "supervisor", "dev-1", (("G1", "鼎美村"), ("G2", "老渡口")))
    assert read is not None and read.is_supervisor


def test_me_is_read_without_building_a_query(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _as_the_models_read()

    def built(*args: object, **kwargs: object) -> None:
        raise AssertionError("peewee built a query")

    monkeypatch.setattr(Database, "execute", built)
    assert identity.enrolled()
    assert identity.me() == expected and expected is not None and expected.grids
