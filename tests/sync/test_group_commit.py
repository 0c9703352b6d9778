"""Group commit: concurrent pushes share one transaction, each is acknowledged only once
the commit holding it is made, and one that fails sinks neither the others nor itself
silently."""

from __future__ import annotations

import threading
from typing import Any

from sync.server import db as server_db
from sync.server.group_commit import GroupCommit
from sync.server.models import Meta


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
            out[name] = group.run(work)
        except Exception as error:  # handed back to the test
            out[name] = error


def test_requests_that_arrive_together_share_one_commit(seed):
    group = GroupCommit()
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


def test_a_failing_work_gets_its_error_and_the_others_commit(seed):
    group = GroupCommit()
    group._leader.acquire()  # hold the leader's place while three requests queue
    out: dict[str, Any] = {}

    def fails() -> str:
        Meta.insert(key="half", value="v").execute()
        raise ValueError("refused")

    threads = [
        threading.Thread(target=_run, args=(group, work, out, name))
        for name, work in (("a", _write("a")), ("bad", fails), ("b", _write("b")))
    ]
    for thread in threads:
        thread.start()
    while len(group._queue) < 3:
        threading.Event().wait(0.01)
    group._leader.release()
    for thread in threads:
        thread.join(20)
    assert out["a"] == "a" and out["b"] == "b"
    assert isinstance(out["bad"], ValueError)
    assert _stored("half") is None  # its savepoint was rolled back
    assert (_stored("a"), _stored("b")) == ("v", "v")
    assert group.commits == 1


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
