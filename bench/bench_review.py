"""The supervisor's review queue at 100,000 findings: time per change of filter.

Builds a temporary store (a town of 20 villages × 5 areas, 20,000 venues, 100,000
findings in realistic states) with the connection's executemany, then replays a sequence
of filter changes as a supervisor makes them on the review screen. Each change fetches
the first page (50 rows) and the count for the pager; the queue tabs' counts are timed
separately. Prints the median and p95 in milliseconds. Goal: ≤ 50 ms median per change.

    .venv/bin/python bench/bench_review.py [--findings N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fieldapp.domain.clock import today  # noqa: E402
from fieldapp.domain.kinds import VENUE_KINDS  # noqa: E402
from fieldapp.services import review  # noqa: E402
from fieldapp.services.common.identity import set_identity  # noqa: E402
from fieldapp.services.review import ReviewFilters  # noqa: E402
from fieldapp.store import close_store, open_store  # noqa: E402
from fieldapp.store.db import db  # noqa: E402

STATES = (
    ("closed", 55),
    ("open", 20),
    ("rectification_reported", 12),
    ("handed_over", 6),
    ("outcome_recorded", 7),
)
ITEMS = [f"COM-{n:02d}" for n in range(1, 17)]


def build(path: Path, findings: int, venues: int, seed: int = 7) -> dict[str, list[str]]:
    rng = random.Random(seed)
    open_store(path)
    conn = db.connection()
    day = today()
    with db.atomic():
        grids: list[tuple[str, str, str, str | None]] = [("T01", "新阳镇", "town", None)]
        areas = []
        for v in range(1, 21):
            village = f"V{v:02d}"
            grids.append((village, f"第{v}村", "village", "T01"))
            for a in range(1, 6):
                code = f"{village}-{a}"
                grids.append((code, f"第{v}村{a}片", "area", village))
                areas.append(code)
        conn.executemany(
            "INSERT INTO grid (code, name, level, parent_code) VALUES (?, ?, ?, ?)", grids
        )
        people = [("sup", "王网格长", "supervisor")] + [
            (f"p{n:02d}", f"网格员{n:02d}", "inspector") for n in range(50)
        ]
        conn.executemany("INSERT INTO person (id, name, role, phone) VALUES (?, ?, ?, '')", people)
        conn.execute("INSERT INTO person_grid (person_id, grid_code) VALUES ('sup', 'T01')")
        kinds = list(VENUE_KINDS)
        venue_rows = [
            (
                f"v{n:06d}",
                f"VN-{n:06d}",
                f"示例场所{n}",
                rng.choice(kinds),
                areas[n % len(areas)],
            )
            for n in range(venues)
        ]
        conn.executemany(
            "INSERT INTO venue (id, code, name, kind, address, grid_code, contact, phone,"
            " risk_level, updated_at) VALUES (?, ?, ?, ?, '', ?, '', '', 'normal', '')",
            venue_rows,
        )
        states = [s for s, w in STATES for _ in range(w)]
        rows = []
        for n in range(findings):
            created = day - dt.timedelta(days=rng.randint(0, 365))
            deadline = created + dt.timedelta(days=rng.choice((0, 1, 3, 7, 15, 30)))
            rows.append(
                (
                    f"f{n:07d}",
                    f"v{rng.randrange(venues):06d}",
                    rng.choice(ITEMS),
                    "major" if rng.random() < 0.08 else "general",
                    deadline.isoformat(),
                    f"{created.isoformat()}T0{rng.randint(0, 9)}:00:00.000Z",
                    f"p{rng.randrange(50):02d}",
                    rng.choice(states),
                    deadline.isoformat(),
                    1 if rng.random() < 0.003 else 0,
                )
            )
        conn.executemany(
            "INSERT INTO finding (id, inspection_id, venue_id, item_code, severity, description,"
            " deadline, photos, created_at, created_by, state, current_deadline, conflict)"
            " VALUES (?, NULL, ?, ?, ?, '', ?, '[]', ?, ?, ?, ?, ?)",
            rows,
        )
    set_identity("sup", "bench-device")
    db.execute_sql("ANALYZE")
    return {"areas": areas}


def changes(areas: list[str]) -> list[tuple[str, ReviewFilters, int]]:
    """(label, filters, offset) in the order a supervisor might click through them."""
    f = ReviewFilters()
    steps: list[tuple[str, ReviewFilters, int]] = []

    def add(label: str, filters: ReviewFilters, offset: int = 0) -> None:
        steps.append((label, filters, offset))

    for queue in review.QUEUES:
        f = replace(f, queue=queue)
        add(f"queue={queue}", f)
    f = replace(f, queue="awaiting_verification")
    add("queue=awaiting_verification", f)
    f = replace(f, grids=("V03",))
    add("grid=V03", f)
    f = replace(f, grids=(areas[17],))
    add(f"grid={areas[17]}", f)
    f = replace(f, grids=())
    add("grid=all", f)
    for sort in review.SORTS:
        f = replace(f, sort=sort)
        add(f"sort={sort}", f)
        add(f"sort={sort} page 20", f, 1000)
        f = replace(f, descending=True)
        add(f"sort={sort} desc", f)
        f = replace(f, descending=False)
    f = replace(f, sort="deadline", kinds=("market", "small_restaurant"))
    add("kind=market,small_restaurant", f)
    f = replace(f, severity="major")
    add("severity=major", f)
    f = replace(f, kinds=(), severity=None, inspector="p07")
    add("inspector=p07", f)
    f = replace(f, inspector=None, found_from=today() - dt.timedelta(days=30))
    add("found last 30 days", f)
    f = replace(f, found_from=dt.date(today().year, 1, 1), found_to=today())
    add("found this year", f)
    f = replace(f, queue="overdue", found_from=None, found_to=None)
    add("queue=overdue", f)
    f = replace(f, sort="venue")
    add("overdue by venue", f)
    add("overdue by venue page 40", f, 2000)
    f = replace(f, queue="active", grids=("V11",), sort="severity")
    add("active V11 by severity", f)
    f = replace(f, queue="all", grids=(), sort="found", descending=True)
    add("all newest first", f)
    add("all newest first page 200", f, 10_000)
    return steps


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--venues", type=int, default=20_000)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        built = build(Path(tmp) / "bench.sqlite3", args.findings, args.venues)
        print(
            f"store: {args.findings:,} findings, {args.venues:,} venues "
            f"built in {time.perf_counter() - started:.1f} s"
        )
        page_ms: list[float] = []
        total_ms: list[float] = []
        slow: list[tuple[float, str]] = []
        steps = changes(built["areas"])
        for _ in range(3):  # three passes; the first warms the page cache
            for label, filters, offset in steps:
                t0 = time.perf_counter()
                rows = review.review_queue(filters, limit=50, offset=offset)
                t1 = time.perf_counter()
                count = review.queue_count(filters)
                t2 = time.perf_counter()
                page_ms.append((t1 - t0) * 1000)
                total_ms.append((t2 - t0) * 1000)
                slow.append(((t2 - t0) * 1000, f"{label}: {len(rows)} rows of {count:,}"))
        tabs: list[float] = []
        for _ in range(5):
            t0 = time.perf_counter()
            review.queue_counts(ReviewFilters())
            tabs.append((time.perf_counter() - t0) * 1000)
        print(f"filter changes: {len(steps)} × 3")
        print(
            f"first page (50 rows): median {statistics.median(page_ms):.1f} ms, "
            f"p95 {pct(page_ms, 0.95):.1f} ms"
        )
        print(
            f"page + count for the pager: median {statistics.median(total_ms):.1f} ms, "
            f"p95 {pct(total_ms, 0.95):.1f} ms"
        )
        print(f"all queue tab counts: median {statistics.median(tabs):.1f} ms")
        if args.verbose:
            for ms, label in sorted(slow, reverse=True)[:10]:
                print(f"  {ms:7.1f} ms  {label}")
        close_store()


if __name__ == "__main__":
    main()
