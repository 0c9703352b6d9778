"""Placards: 1,000 venues into one PDF, and verifying a payload. Prints figures; no asserts.

Goals (issue 4): the PDF in <= 30 s with peak memory <= 500 MB; a verification <= 1 ms.

    .venv/bin/python bench/bench_placards.py [--venues 1000] [--size A4] [--tracemalloc]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fieldapp.domain.kinds import VENUE_KINDS  # noqa: E402
from fieldapp.domain.placard import SigningKey, verify_payload  # noqa: E402
from fieldapp.reports.placards import find_cjk_font, render_pdf  # noqa: E402
from fieldapp.services.placards import printing as service  # noqa: E402
from fieldapp.store import close_store, db, open_store  # noqa: E402
from fieldapp.store.models import Grid, Venue  # noqa: E402


def build_store(path: Path, venues: int) -> SigningKey:
    open_store(path)
    key = SigningKey.generate()
    service.register_public_key(key.key_id, key.public_bytes)
    with db.atomic():
        Grid.create(code="T", name="新阳镇", level="town", parent=None)
        for v in range(10):
            Grid.create(code=f"V{v}", name=f"示例{v}村", level="village", parent="T")
        rows = [
            {
                "id": f"venue-{i:06d}",
                "code": f"V{i % 10}-{i:04d}",
                "name": f"示例{i % 10}村·第{i}号{'小旅馆' if i % 3 else '农贸市场摊位'}(示例)",
                "kind": VENUE_KINDS[i % len(VENUE_KINDS)],
                "address": f"示例{i % 10}村第{i % 40}组{i}号",
                "grid": f"V{i % 10}",
                "contact": "张三",
                "phone": f"1380000{i:04d}",
            }
            for i in range(venues)
        ]
        for start in range(0, len(rows), 500):
            Venue.insert_many(rows[start : start + 500]).execute()
    return key


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--venues", type=int, default=1000)
    parser.add_argument("--size", default="A4", choices=["A4", "A5"])
    parser.add_argument(
        "--tracemalloc", action="store_true", help="also render again under tracemalloc (slow)"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        key = build_store(tmp_path / "s.sqlite3", args.venues)
        font = find_cjk_font()
        print(f"font: {font.path} (face {font.index})")
        rss_before = rss_mb()

        started = time.perf_counter()
        infos = service.placards_for_grid("T", key)
        built = time.perf_counter()
        out = tmp_path / "placards.pdf"
        render_pdf(infos, out, size=args.size, font=font)
        done = time.perf_counter()
        print(
            f"{len(infos)} placards ({args.size}) -> one PDF: {done - started:.2f} s "
            f"(store + signing {built - started:.2f} s, render {done - built:.2f} s), "
            f"{out.stat().st_size / 1e6:.1f} MB file"
        )
        print(f"peak RSS of the process: {rss_mb():.0f} MB (before rendering {rss_before:.0f} MB)")

        if args.tracemalloc:
            tracemalloc.start()
            render_pdf(infos, tmp_path / "again.pdf", size=args.size, font=font)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"peak Python heap while rendering (tracemalloc): {peak / 1e6:.0f} MB")

        keys = service.public_keys()
        payloads = [info.payload for info in infos]
        timings = []
        for i in range(5000):
            text = payloads[i % len(payloads)]
            t0 = time.perf_counter_ns()
            verify_payload(text, keys)
            timings.append(time.perf_counter_ns() - t0)
        print(
            f"verify_payload: median {statistics.median(timings) / 1000:.0f} µs, "
            f"p99 {sorted(timings)[int(len(timings) * 0.99)] / 1000:.0f} µs over {len(timings)}"
        )
        timings = []
        for i in range(2000):
            text = payloads[i % len(payloads)]
            t0 = time.perf_counter_ns()
            service.verify_scan(text)
            timings.append(time.perf_counter_ns() - t0)
        print(
            f"verify_scan (keys and venue from the store): median "
            f"{statistics.median(timings) / 1000:.0f} µs over {len(timings)}"
        )
        close_store()


if __name__ == "__main__":
    main()
