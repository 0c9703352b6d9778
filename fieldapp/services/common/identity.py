"""Who this device acts for: the person and device id recorded at enrolment (or by demo)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from fieldapp.store.db import db
from fieldapp.store.models import ME_SQL, MY_GRIDS_SQL, Grid, Outbox, Person, SyncState


class NotEnrolled(RuntimeError):
    """The store has no person for this device yet."""


@dataclass(frozen=True)
class Me:
    person_id: str
    name: str
    role: str
    device_id: str
    grids: tuple[tuple[str, str], ...]  # (code, name) of the grids assigned to me

    @property
    def is_supervisor(self) -> bool:
        return self.role in ("supervisor", "admin")


def sync_state() -> SyncState:
    state, _ = SyncState.get_or_create(id=1)
    return state


def set_identity(person_id: str, device_id: str) -> None:
    SyncState.insert(id=1, person=person_id, device_id=device_id).on_conflict(
        conflict_target=[SyncState.id],
        update={SyncState.person: person_id, SyncState.device_id: device_id},
    ).execute()


def enrolled() -> bool:
    """Whether this device acts for a person (enrolled, or made by `fieldapp demo`)."""
    return db.execute_sql(ME_SQL).fetchone() is not None


# What one read made of several services' reads (the home view's) has asked already:
# within `one_read()`, me() and grid_codes_under() query the store once each.
_asked: ContextVar[dict[object, object] | None] = ContextVar("identity_asked", default=None)


@contextmanager
def one_read() -> Iterator[None]:
    """Within this block (in this thread), who I am and the grids under given grids are
    read from the store once and then remembered: for a view that calls several services
    which each ask (the home view asked for me() five times)."""
    token = _asked.set({})
    try:
        yield
    finally:
        _asked.reset(token)


def me() -> Me:
    asked = _asked.get()
    if asked is None:
        return _read_me()
    found = asked.get("me")
    if not isinstance(found, Me):
        found = asked["me"] = _read_me()
    return found


def _read_me() -> Me:
    found = db.execute_sql(ME_SQL).fetchone()
    if found is None:
        raise NotEnrolled("this device is not enrolled")
    person_id, device_id, name, role = found
    person_id = Person.id.python_value(person_id)
    grids = db.execute_sql(MY_GRIDS_SQL, (person_id,))
    return Me(
        person_id=person_id,
        name=Person.name.python_value(name),
        role=Person.role.python_value(role),
        device_id=SyncState.device_id.python_value(device_id),
        grids=tuple((Grid.code.python_value(c), Grid.name.python_value(n)) for c, n in grids),
    )


@dataclass(frozen=True)
class DeviceInfo:
    """What `fieldapp device-info` shows. The token is deliberately not in it: only
    whether one is held."""

    device_id: str
    person_id: str
    person_name: str
    role: str
    server_url: str
    ca_bundle: str  # the CA certificates the server is checked with ("": the public CAs)
    has_token: bool
    server_epoch: str
    last_sync_at: str | None
    pending: int
    rejected: int


def device_info() -> DeviceInfo:
    state = sync_state()
    person = Person.get_or_none(Person.id == state.person) if state.person else None
    return DeviceInfo(
        device_id=state.device_id,
        person_id=state.person,
        person_name=person.name if person else "",
        role=person.role if person else "",
        server_url=state.server_url,
        ca_bundle=state.ca_bundle,
        has_token=bool(state.token),
        server_epoch=state.server_epoch,
        last_sync_at=state.last_sync_at,
        pending=Outbox.select().where(Outbox.state == "pending").count(),
        rejected=Outbox.select().where(Outbox.state == "rejected").count(),
    )


def grid_codes_under(codes: list[str] | tuple[str, ...]) -> list[str]:
    """The grids named and all their descendants (a village includes its areas)."""
    asked = _asked.get()
    if asked is None:
        return _read_grid_codes_under(codes)
    key = ("grids under", tuple(codes))
    found = asked.get(key)
    if not isinstance(found, tuple):
        found = asked[key] = tuple(_read_grid_codes_under(codes))
    return list(found)


def _read_grid_codes_under(codes: list[str] | tuple[str, ...]) -> list[str]:
    found = list(dict.fromkeys(codes))
    frontier = list(found)
    while frontier:
        children = [g.code for g in Grid.select(Grid.code).where(Grid.parent.in_(frontier))]
        frontier = [c for c in children if c not in found]
        found.extend(frontier)
    return found
