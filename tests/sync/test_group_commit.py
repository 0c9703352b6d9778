"""Group commit: concurrent pushes share one transaction, each is acknowledged only once
the commit holding it is made, and one that fails sinks neither the others nor itself
silently."""

from __future__ import annotations

import os
import threading
from typing import Any

import pytest

from sync.protocol import OP_INSPECTION_SUBMIT
from sync.server import db as server_db
from sync.server.feed import NewChange, append_changes
from sync.server.group_commit import (
    LEADERS_ENV,
    MAX_GROUP,
    MAX_LEADERS,
    PG_MAX_GROUP,
    PUSHES,
    Again,
    GroupCommit,
    pg_leaders,
)
from sync.server.models import ChangeLog, Meta, Venue


def _stored(key: str) -> str | None:
    with server_db.current().connection_context():
        row = Meta.get_or_none(Meta.key == key)
    return None if row is None else row.value


def _write(key: str) -> Any:
    def work() -> str:
        Meta.insert(key=key, value="v").execute()
        return key

    return work


def _run(group: GroupCommit, work: Any, out: dict[str, Any], name: str) -> None:
    with server_db.current().connection_context():
        try:
            out[name] = group.run(work)[0]
        except Exception as error:  # handed back to the test
            out[name] = error


def test_requests_that_arrive_together_share_one_commit(seed):
    group = GroupCommit(leaders=1)  # one group at a time, as on SQLite
    first_inside, release = threading.Event(), threading.Event()

    def first() -> str:
        Meta.insert(key="first", value="v").execute()
        first_inside.set()
        release.wait(10)
        return "first"

    out: dict[str, Any] = {}
    leader = threading.Thread(target=_run, args=(group, first, out, "first"))
    leader.start()
    assert first_inside.wait(10)
    others = [
        threading.Thread(target=_run, args=(group, _write(f"k{n}"), out, f"k{n}")) for n in range(8)
    ]
    for thread in others:
        thread.start()
    while len(group._queue) < 8:  # all eight wait behind the first commit
        threading.Event().wait(0.01)
    assert all(f"k{n}" not in out for n in range(8))  # nothing answered before its commit
    release.set()
    for thread in [leader, *others]:
        thread.join(20)
    assert out == {"first": "first", **{f"k{n}": f"k{n}" for n in range(8)}}
    assert (group.commits, group.works) == (2, 9)  # the eight together, in one commit
    assert all(_stored(f"k{n}") == "v" for n in range(8))


def _led_together(group: GroupCommit, works: dict[str, Any]) -> dict[str, Any]:
    """Each work's request, all queued before one leader takes them: what each got."""
    out: dict[str, Any] = {}
    threads = [
        threading.Thread(target=_run, args=(group, work, out, name)) for name, work in works.items()
    ]
    with group.held():  # no group starts while the requests queue
        for thread in threads:
            thread.start()
        while len(group._queue) < len(works):
            threading.Event().wait(0.01)
    for thread in threads:
        thread.join(20)
    return out


def test_a_push_waiting_for_its_group_holds_no_connection(api):
    """Only a group's leader uses the database: a push queued behind it holds none of the
    pool's connections (with 50 devices at once, 40 queued pushes held one each, and the
    pool's 32 made the others wait for a connection before they could even queue)."""
    db = server_db.current()
    answers: list[Any] = []
    with PUSHES.held():  # as if a group were being led: this push queues behind it
        ops = [api.op(OP_INSPECTION_SUBMIT, api.inspection())]
        push = threading.Thread(target=lambda: answers.append(api.answers(ops)))
        push.start()
        while not PUSHES._queue:
            threading.Event().wait(0.01)
        assert len(db._in_use) == 0
    push.join(20)
    assert [a["status"] for a in answers[0]] == ["applied"]


def test_a_failing_work_gets_its_error_and_the_others_commit(seed):
    group = GroupCommit()

    def fails() -> str:
        Meta.insert(key="half", value="v").execute()
        raise ValueError("refused")

    out = _led_together(group, {"a": _write("a"), "bad": fails, "b": _write("b")})
    assert out["a"] == "a" and out["b"] == "b"
    assert isinstance(out["bad"], ValueError)
    assert _stored("half") is None  # its savepoint was rolled back
    assert (_stored("a"), _stored("b")) == ("v", "v")
    assert group.commits == 1


def test_a_work_run_again_keeps_nothing_of_its_first_try(seed):
    """A push whose batch failed as a whole is applied again op by op (`Again`): what the
    batch wrote and fed is rolled back, what the second try writes is committed."""
    group = GroupCommit()

    def one_by_one() -> str:
        Meta.insert(key="second", value="v").execute()
        append_changes([NewChange("test", "second", {"id": "second"})])
        return "second try"

    def batch() -> str:
        Meta.insert(key="first", value="v").execute()
        append_changes([NewChange("test", "first", {"id": "first"})])
        raise Again(one_by_one)

    out = _led_together(group, {"a": _write("a"), "retried": batch})
    assert out == {"a": "a", "retried": "second try"}
    assert _stored("first") is None  # the first try's savepoint was rolled back
    assert (_stored("second"), _stored("a")) == ("v", "v")
    assert _feed() == ["second"]  # nothing of the first try in the pull feed
    assert (group.commits, group.works) == (1, 2)


def test_when_the_commit_fails_no_request_is_acknowledged(seed, monkeypatch):
    group = GroupCommit()
    real = server_db.write_transaction

    class CommitFails:
        def __enter__(self) -> None:
            self.inner = real()
            self.inner.__enter__()

        def __exit__(self, *exc: Any) -> None:
            self.inner.__exit__(RuntimeError, RuntimeError("disk full"), None)  # rolls back
            raise OSError("disk full at commit")

    monkeypatch.setattr(server_db, "write_transaction", CommitFails)
    out: dict[str, Any] = {}
    _run(group, _write("lost"), out, "lost")
    assert isinstance(out["lost"], OSError)
    assert _stored("lost") is None
    assert group.commits == 0


def test_alone_a_request_waits_for_nobody(seed):
    group = GroupCommit()
    out: dict[str, Any] = {}
    _run(group, _write("alone"), out, "alone")
    assert out == {"alone": "alone"} and group.commits == 1 and _stored("alone") == "v"


def _feed() -> list[str]:
    with server_db.current().connection_context():
        return [c.record_id for c in ChangeLog.select().where(ChangeLog.type == "test")]


def test_the_group_feeds_what_its_works_committed_and_nothing_of_one_rolled_back(seed):
    group = GroupCommit()

    def feeds(key: str, fail: bool = False) -> Any:
        def work() -> str:
            Meta.insert(key=key, value="v").execute()
            append_changes([NewChange("test", key, {"id": key})])
            if fail:
                raise ValueError("refused after its append")
            return key

        return work

    out = _led_together(group, {"a": feeds("a"), "bad": feeds("bad", True), "b": feeds("b")})
    assert isinstance(out["bad"], ValueError) and group.commits == 1
    assert sorted(_feed()) == ["a", "b"]  # once each, the refused one left out


def test_two_processes_groups_on_the_same_venues_do_not_deadlock(seed, server_db_url):
    """Two server processes (here two groups, each on its own connection) whose works move
    the same two venues in opposite orders: each group takes its venues' rows first, in
    one order, so the second waits for the first instead of deadlocking (PostgreSQL
    would abort one of them after a second)."""
    if not server_db.is_postgres():
        pytest.skip("SQLite has one writer at a time: its groups never hold rows together")
    v1, v2 = sorted(seed.venues.values())[:2]
    first_moved = threading.Event()
    out: dict[str, Any] = {}

    def moves(first: str, second: str, at: str) -> Any:
        def work() -> str:
            sql = "UPDATE venue SET last_inspected_at = %s WHERE id = %s"
            server_db.current().execute_sql(sql, (at, first))
            first_moved.set()
            # Without the group's lock the other group now holds `second`: a deadlock.
            threading.Event().wait(0.5)
            server_db.current().execute_sql(sql, (at, second))
            return at

        return work

    def group_of(name: str, work: Any) -> None:
        with server_db.current().connection_context():
            try:
                out[name] = GroupCommit().run(work, venues=[v1, v2])[0]
            except Exception as error:  # handed back to the test
                out[name] = error

    a = threading.Thread(target=group_of, args=("a", moves(v1, v2, "2026-06-10T01:00:00Z")))
    a.start()
    assert first_moved.wait(10)
    b = threading.Thread(target=group_of, args=("b", moves(v2, v1, "2026-06-10T02:00:00Z")))
    b.start()
    for thread in (a, b):
        thread.join(30)
    assert out == {"a": "2026-06-10T01:00:00Z", "b": "2026-06-10T02:00:00Z"}
    with server_db.current().connection_context():
        held = {v.id: v.last_inspected_at for v in Venue.select().where(Venue.id.in_([v1, v2]))}
    assert held == {v1: "2026-06-10T02:00:00Z", v2: "2026-06-10T02:00:00Z"}  # b came second


def test_on_postgresql_a_second_group_is_led_while_the_first_waits(seed):
    """A leader mostly waits for PostgreSQL: a process leads a second group meanwhile, on
    a connection of its own, and it commits without waiting for the first. On SQLite (one
    writer at a time) it waits, as the first test shows."""
    if not server_db.is_postgres():
        pytest.skip("SQLite has one writer at a time: one group is led at a time")
    group = GroupCommit(leaders=2)  # as a process with two CPUs to itself
    first_inside, release = threading.Event(), threading.Event()

    def first() -> str:
        Meta.insert(key="slow", value="v").execute()
        first_inside.set()
        release.wait(10)
        return "slow"

    out: dict[str, Any] = {}
    slow = threading.Thread(target=_run, args=(group, first, out, "slow"))
    slow.start()
    assert first_inside.wait(10)
    _run(group, _write("quick"), out, "quick")  # led now, beside the first
    assert out == {"quick": "quick"} and _stored("quick") == "v"
    assert _stored("slow") is None  # the first group has not committed yet
    release.set()
    slow.join(20)
    assert out == {"quick": "quick", "slow": "slow"} and group.commits == 2


@pytest.mark.parametrize(
    ("value", "leaders"), [("1", 1), ("3", 3), ("0", 1), ("99", MAX_LEADERS), ("", None)]
)
def test_a_process_leads_as_many_groups_at_once_as_it_has_cpus(
    monkeypatch: pytest.MonkeyPatch, value: str, leaders: int | None
) -> None:
    """`serve --workers N` gives each process CPUs / N (more groups at once than CPUs only
    adds contention); unset, a process has the machine's CPUs, at most MAX_LEADERS."""
    monkeypatch.setenv(LEADERS_ENV, value)
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    assert pg_leaders() == (4 if leaders is None else leaders)


def test_on_postgresql_a_burst_is_shared_out_in_smaller_groups(seed):
    """PostgreSQL's leaders take at most PG_MAX_GROUP pushes each, so a burst of 30 is
    three groups (shared among the leaders), where SQLite's one writer takes it in one."""
    group = GroupCommit(leaders=1)
    out = _led_together(group, {f"k{n}": _write(f"k{n}") for n in range(30)})
    assert out == {f"k{n}": f"k{n}" for n in range(30)}
    expected = -(-30 // PG_MAX_GROUP) if server_db.is_postgres() else -(-30 // MAX_GROUP)
    assert (group.commits, group.works) == (expected, 30)
