"""Search latency at 1,000,000 venues (goals: median ≤ 5 ms, p95 ≤ 20 ms, a 2-character
query with a kind filter ≤ 10 ms median).

Realistic queries through fieldapp.services.inspection.venues.search, as the find-venue
screen sends them: 2-character and 3+-character Chinese, two terms, code prefixes and
whole codes, addresses, each with and without a kind filter, and a name typed character
by character. The reference, timed in the same rounds, is the cheapest read there is: one
venue by its code through the unique index (`by_code`), so a loaded machine shows in it.
Names typed as pinyin (`hongxing`, `hx` for 红星) are timed too, printed apart with the
grid filter's queries, outside the goals' figures.

    python bench/bench_search.py [--venues N]
"""

from __future__ import annotations

import random
import re
import statistics
import time

from _workspace import workspace
from peewee import SQL

GOAL_MS = 5.0
GOAL_P95_MS = 20.0
GOAL_SHORT_KIND_MS = 10.0  # median of "zh-2+kind"
ROUNDS = 5


Query = tuple[str, str, str | None, list[str] | None]  # category, text, kind, grids


def _queries(rng: random.Random) -> list[Query]:
    """(category, text, kind filter, no grid filter) taken from real venues of the
    workspace."""
    from fieldapp.store.models import Venue

    sample = list(Venue.select().order_by(Venue.code).limit(40_000))
    picked = rng.sample(sample, 40)
    queries: list[Query] = []
    for venue in picked:
        place, rest = venue.name.split("·", 1)
        rest = rest.removesuffix("(示例)")
        road = re.search(r"(?:村|市场|商业城)(\D+?\d+号)", venue.address)
        queries += [
            ("zh-2", rest[:2], None, None),
            ("zh-2+kind", rest[:2], venue.kind, None),
            ("zh-3+", rest[:5], None, None),
            ("zh-3+ +kind", rest[:5], venue.kind, None),
            ("zh two terms", f"{place} {rest[-3:]}", None, None),
            ("code prefix", venue.code[:-2], None, None),
            ("code", venue.code, None, None),
            ("address", road.group(1) if road else venue.address[-6:], None, None),
        ]
        typed = rest[:5]
        queries += [("typing", typed[:n], None, None) for n in range(1, len(typed) + 1)]
    return queries


def _grid_queries(rng: random.Random) -> list[Query]:
    """The grid filter of find-venue: a village (it and its grids) or one grid chosen,
    with no text, 2 characters, 3+ characters or a kind, from venues anywhere in the
    workspace (codes run village by village, so a village late in code order is the
    case a walk of the code order would take longest to reach)."""
    from fieldapp.services.common.identity import grid_codes_under
    from fieldapp.store.db import db
    from fieldapp.store.models import Grid, Venue

    (last,) = db.execute_sql("SELECT max(rowid) FROM venue").fetchone()
    queries: list[Query] = []
    for rowid in rng.sample(range(1, last + 1), 20):
        venue = Venue.get(SQL("rowid") == rowid)
        rest = venue.name.split("·", 1)[1].removesuffix("(示例)")
        parent = Grid.get_by_id(venue.grid_code).parent_code
        village = grid_codes_under([parent]) if parent else [venue.grid_code]
        queries += [
            ("village", "", None, village),
            ("village zh-2", rest[:2], None, village),
            ("village kind", "", venue.kind, village),
            ("grid zh-3+", rest[:5], None, [venue.grid_code]),
        ]
    return queries


def _pinyin_queries(rng: random.Random) -> list[Query]:
    """Venue names typed as pinyin on an English keyboard (`domain.romanized`): two
    characters in full (`hongxing` for 红星), three or four by initials (`hxcs`), two by
    initials (`hx`, tested venue by venue), with and without a kind filter."""
    from pypinyin import lazy_pinyin

    from fieldapp.store.models import Venue

    queries: list[Query] = []
    for venue in rng.sample(list(Venue.select().order_by(Venue.code).limit(40_000)), 20):
        rest = venue.name.split("·", 1)[1].removesuffix("(示例)")
        readings = lazy_pinyin(rest[:4])
        initials = "".join(r[0] for r in readings)
        queries += [
            ("pinyin full", "".join(readings[:2]), None, None),
            ("pinyin 3-4 init", initials[:4], None, None),
            ("pinyin 2 init", initials[:2], None, None),
            ("pinyin 2 +kind", initials[:2], venue.kind, None),
        ]
    return queries


def main() -> None:
    import argparse

    from fieldapp.paths import store_path
    from fieldapp.services.inspection.venues import by_code, search
    from fieldapp.store.opening import close_store, open_store

    parser = argparse.ArgumentParser()
    parser.add_argument("--venues", type=int, default=1_000_000)
    args = parser.parse_args()
    home = workspace(venues=args.venues, answers=0)
    open_store(store_path(home))
    try:
        queries = _queries(random.Random(11))
        gridded = _grid_queries(random.Random(12))
        gridded += _pinyin_queries(random.Random(13))
        codes = [text for category, text, _, _ in queries if category == "code"]
        for _, text, kind, _ in queries[:20]:  # warm the page cache
            search(text, kind=kind)
        by_category: dict[str, list[float]] = {}
        by_grid: dict[str, list[float]] = {}  # not in the goals' figures: printed apart
        reference: list[float] = []
        cpu_times: list[float] = []  # CPU time of each query: steadier under load than wall time
        for _ in range(ROUNDS):
            for category, text, kind, grids in queries:
                start, cpu = time.perf_counter(), time.thread_time()
                search(text, kind=kind, grids=grids)
                elapsed = (time.perf_counter() - start) * 1000
                by_category.setdefault(category, []).append(elapsed)
                cpu_times.append((time.thread_time() - cpu) * 1000)
            for category, text, kind, grids in gridded:
                start = time.perf_counter()
                search(text, kind=kind, grids=grids)
                by_grid.setdefault(category, []).append((time.perf_counter() - start) * 1000)
            for code in codes:
                start = time.perf_counter()
                by_code(code)
                reference.append((time.perf_counter() - start) * 1000)
    finally:
        close_store()
    every = sorted(t for times in by_category.values() for t in times)
    print(f"search latency at {args.venues:,} venues (ms, first page of 50)")
    _table(by_category)
    in_grids = sorted(t for c, times in by_grid.items() if "pinyin" not in c for t in times)
    print("  with a grid chosen, or typed as pinyin (not in the figures below):")
    _table(by_grid)
    print(
        f"  {'with a grid chosen, all':<30} median {statistics.median(in_grids):.2f} ms, "
        f"p95 {_p95(in_grids):.2f} ms, n {len(in_grids)}"
    )
    median, p95 = statistics.median(every), _p95(every)
    short_kind = statistics.median(by_category["zh-2+kind"])
    floor = statistics.median(reference)
    print(f"  {'reference: one venue by code':<30} median {floor:.2f} ms  n {len(reference)}")
    cpu_times.sort()
    print(
        f"  CPU time per query (this thread): median {statistics.median(cpu_times):.2f} ms, "
        f"p95 {_p95(cpu_times):.2f} ms — wall time above includes waiting for a CPU"
    )

    def verdict(value: float, goal: float) -> str:
        return f"{'meets' if value <= goal else 'misses'} ≤ {goal:g} ms"

    print(
        f"search: median {median:.2f} ms ({verdict(median, GOAL_MS)}; {median / floor:.0f}× the "
        f"reference), p95 {p95:.2f} ms ({verdict(p95, GOAL_P95_MS)}), 2 characters with a kind "
        f"filter {short_kind:.2f} ms ({verdict(short_kind, GOAL_SHORT_KIND_MS)}) over "
        f"{len(every)} queries"
    )


def _table(by_category: dict[str, list[float]]) -> None:
    print(f"  {'category':<14} {'median':>7} {'p95':>7} {'max':>7}  n")
    for category, times in by_category.items():
        times.sort()
        print(
            f"  {category:<14} {statistics.median(times):7.2f} {_p95(times):7.2f} "
            f"{times[-1]:7.2f}  {len(times)}"
        )


def _p95(sorted_times: list[float]) -> float:
    return sorted_times[min(len(sorted_times) - 1, int(len(sorted_times) * 0.95))]


if __name__ == "__main__":
    main()
