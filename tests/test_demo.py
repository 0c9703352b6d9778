"""The demo workspace: realistic, complete, consistent, and searchable in Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.domain import cadence, clock
from fieldapp.domain.kinds import VENUE_KINDS
from fieldapp.paths import store_path
from fieldapp.services.common.identity import me
from fieldapp.services.demo.data import MARKETS, VILLAGES
from fieldapp.services.demo.workspace import DemoError, DemoInfo, build_workspace
from fieldapp.services.inspection import venues
from fieldapp.store.db import db
from fieldapp.store.models import Finding, Grid, Outbox, Person, PersonGrid, Venue
from fieldapp.store.opening import close_store, open_store


@pytest.fixture
def full_demo(home: Path) -> DemoInfo:
    """The default demo (360 venues), as `fieldapp demo` builds it."""
    return build_workspace(home)


def test_default_demo_has_every_kind_and_enough_venues(full_demo: DemoInfo) -> None:
    assert full_demo.venues >= 300
    kinds = {v.kind for v in Venue.select(Venue.kind)}
    assert kinds == set(VENUE_KINDS)
    for venue in Venue.select():
        assert "(示例)" in venue.name
        assert re.fullmatch(r"[A-Z]{2,3}-\d{4,}", venue.code)
        assert venue.address and venue.contact and re.fullmatch(r"1\d{10}", venue.phone)
        assert venue.risk_level in ("low", "normal", "high")


def test_grids_at_three_levels(full_demo: DemoInfo) -> None:
    levels = {g.code: g for g in Grid.select()}
    towns = [g for g in levels.values() if g.level == "town"]
    villages = [g for g in levels.values() if g.level == "village"]
    areas = [g for g in levels.values() if g.level == "area"]
    assert len(towns) == 1
    assert {g.name for g in villages} == {name for _, name, _ in VILLAGES + MARKETS}
    assert all(g.parent_code == towns[0].code for g in villages)
    for village in villages:
        children = [a for a in areas if a.parent_code == village.code]
        assert 2 <= len(children) <= 3
        assert all(a.name.startswith(village.name) and "网格" in a.name for a in children)
    # venues live in area grids
    assert {v.grid_code for v in Venue.select(Venue.grid)} <= {a.code for a in areas}


def test_people_and_identity(full_demo: DemoInfo) -> None:
    roles = sorted(p.role for p in Person.select())
    assert roles == ["inspector", "inspector", "supervisor"]
    assert all(PersonGrid.select().where(PersonGrid.person == p).exists() for p in Person.select())
    who = me()
    assert who.person_id == full_demo.people["inspector"] and who.role == "inspector"
    assert who.device_id == full_demo.device_id


def test_hazards_open_overdue_and_reported(full_demo: DemoInfo) -> None:
    today = clock.today()
    states = [f.state for f in Finding.select()]
    assert states.count("open") >= 3
    assert "rectification_reported" in states
    overdue = Finding.select().where((Finding.state == "open") & (Finding.current_deadline < today))
    not_overdue = Finding.select().where(
        (Finding.state == "open") & (Finding.current_deadline >= today)
    )
    assert overdue.count() >= 2 and not_overdue.count() >= 1
    assert full_demo.overdue_findings == overdue.count()
    assert Finding.select().where(Finding.severity == "major").exists()
    # made through the services: every submit and the re-check are queued for the server
    types = [o.type for o in Outbox.select().order_by(Outbox.seq)]
    assert types.count("inspection.submit") == full_demo.inspections
    assert "finding.event" in types
    seqs = [o.seq for o in Outbox.select().order_by(Outbox.seq)]
    assert seqs == list(range(1, len(seqs) + 1))


def test_due_dates_are_consistent_and_every_bucket_is_used(full_demo: DemoInfo) -> None:
    today = clock.today()
    buckets = set()
    never = 0
    for venue in Venue.select():
        if venue.last_inspected_on is None:
            never += 1
            assert venue.due_on is None
        else:
            assert venue.last_inspected_on <= today
            assert venue.due_on == cadence.due_on(
                venue.kind, venue.risk_level, venue.last_inspected_on
            )
        buckets.add(cadence.bucket(venue.due_on, today))
    assert never > 0
    expected = {"overdue", "today", "week", "later"}
    if cadence.week_end(today) == today:  # a Sunday has no "rest of this week"
        expected.discard("week")
    assert expected <= buckets


def test_demo_on_a_fixed_date_has_every_bucket(frozen_clock, demo_info: DemoInfo) -> None:
    today = clock.today()
    buckets = {cadence.bucket(v.due_on, today) for v in Venue.select()}
    assert buckets == {"overdue", "today", "week", "later"}
    assert set(VENUE_KINDS) == {v.kind for v in Venue.select(Venue.kind)}
    assert demo_info.overdue_findings > 0


def test_same_seed_same_workspace(tmp_path: Path) -> None:
    def snapshot(home: Path) -> list[tuple]:
        build_workspace(home, venues=80, seed=3)
        open_store(store_path(home))
        try:
            return [
                (v.id, v.code, v.name, v.kind, v.address, v.grid_code, v.risk_level, v.due_on)
                for v in Venue.select().order_by(Venue.code)
            ]
        finally:
            close_store()

    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_demo_refuses_a_store_with_data(demo_home: Path) -> None:
    with pytest.raises(DemoError):
        build_workspace(demo_home)


def _search_codes(text: str, **kw) -> list[str]:
    return [v.code for v in venues.search(text, limit=100_000, **kw)]


def test_search_in_chinese_by_name_code_and_address(full_demo: DemoInfo) -> None:
    target = Venue.select().where(Venue.kind == "small_hotel").order_by(Venue.code).first()
    place, rest = target.name.split("·", 1)
    trade = rest[:2]
    assert target.code in _search_codes(trade)  # 2 characters
    assert target.code in _search_codes(rest[:5])  # 3+ characters (trigram index)
    assert target.code in _search_codes(f"{place} {rest[:4]}")  # two terms
    assert target.code in _search_codes(target.code)
    assert target.code in _search_codes(target.code[:5])  # code prefix, e.g. "DM-00"
    road = re.search(r"村(.+?)\d+号", target.address) or re.search(r"场(.+?)\d+号", target.address)
    assert road is not None
    assert target.code in _search_codes(road.group(1))  # address
    assert target.code in _search_codes(trade, kind="small_hotel")
    assert all(
        v.kind == "small_hotel" for v in venues.search(trade, kind="small_hotel", limit=1000)
    )
    assert _search_codes("不存在的场所名") == []


def test_bulk_build_keeps_the_fts_index_right(home: Path) -> None:
    info = build_workspace(home, venues=3000, answers=20_000)
    assert info.venues == 3000 and info.answers >= 20_000
    db.execute_sql("INSERT INTO venue_fts(venue_fts) VALUES ('integrity-check')")
    (indexed,) = db.execute_sql(
        "SELECT count(*) FROM venue_fts WHERE venue_fts MATCH ?", ['"鼎美村"']
    ).fetchone()
    in_village = Venue.select().where(Venue.name.startswith("鼎美村·")).count()
    assert indexed >= in_village > 200
    assert len(_search_codes("鼎美村")) == indexed
    assert _search_codes("DM-0042") == ["DM-0042"]
    # Filled with a rollback journal, the store is back in WAL mode, whole.
    assert db.execute_sql("PRAGMA journal_mode").fetchone() == ("wal",)
    assert db.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)


def test_cli_demo_build_only_then_reuse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldapp.cli import main

    monkeypatch.delenv("FIELDAPP_HOME", raising=False)
    target = tmp_path / "ws"
    runner = CliRunner()
    # One store switching roles is the serverless demo; with a server, --as supervisor is
    # a second device (tests/test_sync_ui.py).
    first = runner.invoke(
        main, ["demo", "--build-only", "--no-server", "--home", str(target), "--venues", "50"]
    )
    assert first.exit_code == 0, first.output
    assert str(target) in first.output and "场所 50 家" in first.output
    again = runner.invoke(
        main, ["demo", "--build-only", "--no-server", "--home", str(target), "--as", "supervisor"]
    )
    assert again.exit_code == 0, again.output
    assert "沿用已有的示例数据，以网格长身份使用" in again.output
    open_store(store_path(target))
    try:
        assert me().role == "supervisor"
        assert Venue.select().count() == 50
    finally:
        close_store()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cli_demo_with_its_server_speaks_the_language_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """`fieldapp --lang en demo` printed its server's lines in Chinese (示例服务器…); the
    Chinese demo said what it built and whom it acts for in English ("demo workspace: …
    360 venues … acting as inspector", "（陈晓明，inspector）")."""
    from fieldapp.cli import main

    monkeypatch.delenv("FIELDAPP_HOME", raising=False)
    target = tmp_path / "ws"
    done = CliRunner().invoke(
        main, ["--lang", lang, "demo", "--build-only", "--home", str(target), "--venues", "30"]
    )
    assert done.exit_code == 0, done.output
    started = {"en": "Demo server: http", "zh": "示例服务器：http"}[lang]
    assert started in done.output, done.output
    if lang == "en":
        assert "Demo workspace:" in done.output and "30 venues" in done.output
        assert "acting as Inspector" in done.output and ", Inspector)" in done.output
        assert not re.search(r"[示已同]", done.output.split("Demo workspace:")[-1]), done.output
    else:
        assert "示例工作区：" in done.output and "场所 30 家" in done.output
        assert "以网格员身份使用" in done.output and "，网格员）" in done.output
        assert not re.search(r"workspace|venues|acting|inspector", done.output), done.output
