"""Search latency at 100,000 venues (goal: median ≤ 5 ms).

Realistic queries through fieldapp.services.inspection.venues.search, as the find-venue screen sends
them: 2-character and 3+-character Chinese, two terms, code prefixes and whole codes,
addresses, each with and without a kind filter, and a name typed character by character.
"""

from __future__ import annotations

import random
import re
import statistics
import time

from _workspace import workspace

GOAL_MS = 5.0
ROUNDS = 5


def _queries(rng: random.Random) -> list[tuple[str, str, str | None]]:
    """(category, text, kind filter) taken from real venues of the workspace."""
    from fieldapp.store.models import Venue

    sample = list(Venue.select().order_by(Venue.code).limit(40_000))
    picked = rng.sample(sample, 40)
    queries: list[tuple[str, str, str | None]] = []
    for venue in picked:
        place, rest = venue.name.split("·", 1)
        rest = rest.removesuffix("(示例)")
        road = re.search(r"(?:村|市场|商业城)(\D+?\d+号)", venue.address)
        queries += [
            ("zh-2", rest[:2], None),
            ("zh-2+kind", rest[:2], venue.kind),
            ("zh-3+", rest[:5], None),
            ("zh-3+ +kind", rest[:5], venue.kind),
            ("zh two terms", f"{place} {rest[-3:]}", None),
            ("code prefix", venue.code[:-2], None),
            ("code", venue.code, None),
            ("address", road.group(1) if road else venue.address[-6:], None),
        ]
        typed = rest[:5]
        queries += [("typing", typed[:n], None) for n in range(1, len(typed) + 1)]
    return queries


def main() -> None:
    from fieldapp.paths import store_path
    from fieldapp.services.inspection.venues import search
    from fieldapp.store.opening import close_store, open_store

    home = workspace()
    open_store(store_path(home))
    try:
        queries = _queries(random.Random(11))
        for _, text, kind in queries[:20]:  # warm the page cache
            search(text, kind=kind)
        by_category: dict[str, list[float]] = {}
        for _ in range(ROUNDS):
            for category, text, kind in queries:
                start = time.perf_counter()
                search(text, kind=kind)
                elapsed = (time.perf_counter() - start) * 1000
                by_category.setdefault(category, []).append(elapsed)
    finally:
        close_store()
    every = sorted(t for times in by_category.values() for t in times)
    print("search latency at 100,000 venues (ms, first page of 50)")
    print(f"  {'category':<14} {'median':>7} {'p95':>7} {'max':>7}  n")
    for category, times in by_category.items():
        times.sort()
        print(
            f"  {category:<14} {statistics.median(times):7.2f} {_p95(times):7.2f} "
            f"{times[-1]:7.2f}  {len(times)}"
        )
    median = statistics.median(every)
    verdict = "meets" if median <= GOAL_MS else "misses"
    print(
        f"search: median {median:.2f} ms, p95 {_p95(every):.2f} ms over {len(every)} queries "
        f"({verdict} the goal of ≤ {GOAL_MS:g} ms median)"
    )


def _p95(sorted_times: list[float]) -> float:
    return sorted_times[min(len(sorted_times) - 1, int(len(sorted_times) * 0.95))]


if __name__ == "__main__":
    main()
