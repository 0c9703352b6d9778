"""Venue search answers the same whichever way it finds the page: the venues the trigram
index names, read and sorted or (WALK_FROM on) met walking the code order, or (past FEW)
a walk in code order testing each venue with LIKE."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.services.common.identity import grid_codes_under
from fieldapp.services.demo.workspace import build_workspace
from fieldapp.services.inspection import venues
from fieldapp.store.models import Grid, Venue


def _expected(text: str, kind: str | None = None, grids: list[str] | None = None) -> list[str]:
    """Codes of the venues holding every term in name, code or address, in code order."""
    terms = [t.lower() for t in text.split()]
    found = []
    for v in Venue.select().order_by(Venue.code):
        fields = (v.name.lower(), v.code.lower(), v.address.lower())
        if grids is not None and v.grid_code not in grids:
            continue
        if (kind is None or v.kind == kind) and all(any(t in f for f in fields) for t in terms):
            found.append(v.code)
    return found


QUERIES = [
    ("福", None),  # one character: common
    ("旅馆", None),  # two characters
    ("旅馆", "small_hotel"),
    ("陈宅", "rental_housing"),
    ("鼎美村", None),  # a place: one venue in ten
    ("鼎美村", "market"),
    ("小旅馆", None),
    ("鼎美村 馆", None),  # a long and a short term
    ("芸美村 兴业路", None),  # two long terms
    ("dm-00", None),  # a code prefix, in lower case
    ("DM-0042", None),
    ("兴业路1", None),
    ("不存在的场所名", None),
    ("旅馆", "market"),  # nothing of that kind
    ("100%", None),  # LIKE's wildcards are plain characters
    ("_", None),
]


@pytest.fixture
def demo(home: Path) -> Path:
    build_workspace(home, venues=2000)
    return home


# (FEW, WALK_FROM): as shipped; the trigram matches always walked; never used.
WAYS = [(venues.FEW, venues.WALK_FROM), (venues.FEW, 1), (3, venues.WALK_FROM)]


@pytest.fixture(params=WAYS, ids=["shipped", "walked", "no-trigram"])
def way(request: pytest.FixtureRequest, demo: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The demo's venues, searched one of the ways (its id)."""
    few, walk_from = request.param
    monkeypatch.setattr(venues, "FEW", few)
    monkeypatch.setattr(venues, "WALK_FROM", walk_from)
    return str(request.node.callspec.id)


def test_search_finds_what_a_substring_rule_finds(way: str) -> None:
    for text, kind in QUERIES:
        got = [v.code for v in venues.search(text, kind=kind, limit=100_000)]
        assert got == _expected(text, kind), (text, kind, way)


def test_pages_follow_on(way: str) -> None:
    every = _expected("鼎美村")
    pages = [
        [v.code for v in venues.search("鼎美村", limit=50, offset=offset)]
        for offset in range(0, 150, 50)
    ]
    assert [code for page in pages for code in page] == every[:150], way


def test_a_grid_narrows_every_way(way: str) -> None:
    village = Venue.get(Venue.code == "DM-0001").grid_code
    assert _expected("", None, [village])  # the grid holds venues
    town = [code for (code,) in Grid.select(Grid.code).tuples()]  # every grid: no filter
    for text, kind in QUERIES:
        for grids in ([village], town):
            got = [v.code for v in venues.search(text, kind=kind, grids=grids, limit=100_000)]
            assert got == _expected(text, kind, grids), (text, kind, grids, way)


def test_a_village_and_its_grids_page_in_code_order(way: str) -> None:
    """Several grids chosen (a village): each grid's venues are walked on their own and
    merged, so pages still follow on in code order across the grids."""
    area = Grid.get(Grid.code == Venue.get(Venue.code == "DM-0001").grid_code)
    village = grid_codes_under([str(area.parent_code)])
    assert (
        len(village) > 2
        and len({v.grid_code for v in Venue.select().where(Venue.grid.in_(village))}) > 1
    )  # the venues are spread over the village's grids
    for text, kind in QUERIES:
        got = [v.code for v in venues.search(text, kind=kind, grids=village, limit=100_000)]
        assert got == _expected(text, kind, village), (text, kind, way)
    every = _expected("", None, village)
    pages = [
        [v.code for v in venues.search("", grids=village, limit=7, offset=offset)]
        for offset in range(0, 70, 7)
    ]
    assert [code for page in pages for code in page] == every[:70], way
