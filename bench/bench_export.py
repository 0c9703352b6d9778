"""Export 100k inspections to XLSX: seconds, rows/s and peak memory, and the ratio to a
bare xlsxwriter constant-memory write of the same cells (goal ≤ 1.2×) in the same run.

The store is built in bulk with executemany in a temporary folder (not through the
services: 100k submits would measure the services, not the export); then the export
runs in a child process so its peak RSS (ru_maxrss) is the export's own. The reference
runs in a child of its own, alternating with the export: it collects the export's cells
first (untimed), then times only writing them with xlsxwriter's write_row. A third child
writes the same cells through the export's own sink, which skips write_row's per-cell
dispatch: export / that is what reading the store and making the cells cost.

    python bench/bench_export.py [--inspections N] [--format xlsx|csv] [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GOAL = 1.2  # × a bare xlsxwriter constant-memory write of the same cells
KINDS = ("market", "hotel", "supermarket", "small_shop", "small_restaurant", "rental_housing")


def _row_defaults(model: Any) -> dict[str, Any]:
    """column -> the model's default, so columns added by later schema steps are filled."""
    values: dict[str, Any] = {}
    for field in model._meta.sorted_fields:
        default = field.default
        if callable(default):
            default = default()
        if default is None:
            values[field.column_name] = None
        elif isinstance(default, list | dict):  # JSON columns
            values[field.column_name] = json.dumps(default)
        else:
            values[field.column_name] = field.db_value(default)
    return values


def _insert(db: Any, model: Any, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    base = _row_defaults(model)
    columns = list(base)
    sql = (
        f'INSERT INTO "{model._meta.table_name}" ({", ".join(columns)}) '
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    db.cursor().executemany(sql, [tuple({**base, **r}[c] for c in columns) for r in rows])


def build(path: Path, inspections: int, seed: int = 7) -> None:
    from fieldapp.domain.ids import new_id
    from fieldapp.services.common.checklists import checklist_for_kind, load_checklists
    from fieldapp.services.common.identity import set_identity
    from fieldapp.store import open_store
    from fieldapp.store.models import (
        Answer,
        Finding,
        FindingEvent,
        Grid,
        Inspection,
        Person,
        PersonGrid,
        Venue,
    )

    rng = random.Random(seed)
    db = open_store(path)
    load_checklists()
    lists = {kind: checklist_for_kind(kind) for kind in KINDS}
    with db.atomic():
        grids = [{"code": "T1", "name": "示例镇", "level": "town", "parent_code": None}]
        areas = []
        for v in range(10):
            grids.append(
                {"code": f"V{v}", "name": f"第{v}村", "level": "village", "parent_code": "T1"}
            )
            for a in range(5):
                areas.append(f"V{v}A{a}")
                grids.append(
                    {
                        "code": areas[-1],
                        "name": f"第{v}村{a}片",
                        "level": "area",
                        "parent_code": f"V{v}",
                    }
                )
        _insert(db, Grid, grids)
        people = [new_id() for _ in range(50)]
        _insert(
            db,
            Person,
            [{"id": p, "name": f"巡查员{i}", "role": "inspector"} for i, p in enumerate(people)],
        )
        # The device acts for the first of them, over the whole town (the ledger is theirs).
        _insert(db, PersonGrid, [{"person_id": people[0], "grid_code": "T1"}])
        set_identity(people[0], new_id())
        venues = []
        for i in range(10_000):
            kind = KINDS[i % len(KINDS)]
            venues.append(
                {
                    "id": new_id(),
                    "code": f"BV-{i:05d}",
                    "name": f"场所{i}",
                    "kind": kind,
                    "grid_code": areas[i % len(areas)],
                }
            )
        _insert(db, Venue, venues)
    day0 = dt.datetime(2026, 1, 1, 1, 0, tzinfo=dt.UTC)
    batch = 5_000
    for start in range(0, inspections, batch):
        insp, answers, findings, events = [], [], [], []
        for n in range(start, min(start + batch, inspections)):
            venue = venues[n % len(venues)]
            checklist = lists[venue["kind"]]
            stamp = (day0 + dt.timedelta(minutes=5 * n)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
            inspection_id = new_id()
            failed = [i for i in checklist.items if i.can_fail and rng.random() < 0.01]
            insp.append(
                {
                    "id": inspection_id,
                    "venue_id": venue["id"],
                    "checklist_id": checklist.id,
                    "checklist_version": checklist.version,
                    "inspector_id": people[n % len(people)],
                    "started_at": stamp,
                    "finished_at": stamp,
                    "submitted_at": stamp,
                    "status": "submitted",
                    "representative": "店主",
                    "summary": json.dumps({"failures": {"general": len(failed), "major": 0}}),
                }
            )
            for item in checklist.items:
                bad = item in failed
                value = (
                    "3" if item.answer == "number" else ("记录" if item.answer == "text" else "")
                )
                outcome = "fail" if bad else ("value" if value else "pass")
                answers.append(
                    {
                        "inspection_id": inspection_id,
                        "item_code": item.code,
                        "outcome": outcome,
                        "value": value,
                        "answered_at": stamp,
                    }
                )
            for item in failed:
                finding_id = new_id()
                findings.append(
                    {
                        "id": finding_id,
                        "inspection_id": inspection_id,
                        "venue_id": venue["id"],
                        "item_code": item.code,
                        "severity": "general",
                        "deadline": stamp[:10],
                        "created_at": stamp,
                        "created_by": people[0],
                        "state": "open",
                        "current_deadline": stamp[:10],
                    }
                )
                events.append(
                    {
                        "id": new_id(),
                        "finding_id": finding_id,
                        "type": "opened",
                        "actor": people[0],
                        "role": "inspector",
                        "at": stamp,
                        "data": json.dumps({"deadline": stamp[:10]}),
                    }
                )
        with db.atomic():
            _insert(db, Inspection, insp)
            _insert(db, Answer, answers)
            _insert(db, Finding, findings)
            _insert(db, FindingEvent, events)
    db.close()


class _Recorder:
    """A ledger sink that keeps every sheet and row it is given, for the reference write."""

    def __init__(self) -> None:
        self.sheets: list[tuple[str, list[str], list[int], list[list[object]]]] = []

    def sheet(self, name: str, headers: Any, widths: Any = ()) -> None:
        self.sheets.append((name, list(headers), list(widths), []))

    def row(self, values: Any) -> None:
        self.sheets[-1][3].append(list(values))

    def close(self) -> list[Path]:
        return []


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def _figures(seconds: float, cpu: float, extra: dict[str, Any]) -> None:
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mib": peak_kib / 1024, **extra}))


def run_export(store: Path, out: Path, fmt: str) -> None:
    """In the child: export and print one JSON line of figures."""
    from fieldapp.services.export.ledger import export_ledger
    from fieldapp.store import open_store

    open_store(store)
    start, cpu = time.perf_counter(), _cpu()
    result = export_ledger(out, fmt=fmt)
    seconds = time.perf_counter() - start
    _figures(
        seconds,
        _cpu() - cpu,
        {
            "inspections": result.inspections,
            "findings": result.findings,
            "events": result.events,
            "bytes": sum(p.stat().st_size for p in result.paths),
        },
    )


def _collected(store: Path, out: Path) -> _Recorder:
    """The export's sheets and cells, collected in memory (untimed)."""
    from fieldapp.services.export import ledger
    from fieldapp.store import open_store

    open_store(store)
    recorder = _Recorder()
    real = ledger.make_sink
    ledger.make_sink = lambda fmt, out, labels: recorder  # type: ignore[assignment]
    try:
        ledger.export_ledger(out, fmt="xlsx")
    finally:
        ledger.make_sink = real
    return recorder


def run_reference(store: Path, out: Path) -> None:
    """In the child: the same cells (collected first, untimed), written by a bare
    xlsxwriter workbook in constant-memory mode with the same header format and widths."""
    import xlsxwriter

    recorder = _collected(store, out)
    start, cpu = time.perf_counter(), _cpu()
    book = xlsxwriter.Workbook(
        str(out), {"constant_memory": True, "default_date_format": "yyyy-mm-dd"}
    )
    header = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    for name, headers, widths, body in recorder.sheets:
        sheet = book.add_worksheet(name)
        for index, width in enumerate(widths):
            sheet.set_column(index, index, width)
        sheet.freeze_panes(1, 0)
        sheet.write_row(0, 0, headers, header)
        for number, values in enumerate(body, start=1):
            sheet.write_row(number, 0, values)
    book.close()
    seconds = time.perf_counter() - start
    _figures(seconds, _cpu() - cpu, {"bytes": out.stat().st_size})


def run_sink(store: Path, out: Path) -> None:
    """In the child: the same cells (collected first, untimed), written by the export's
    own XLSX sink, so export / this is what reading the store and making the cells cost
    (the sink writes rows more cheaply than write_row, which the reference uses)."""
    from fieldapp.reports.ledger import Labels, XlsxSink

    recorder = _collected(store, out)
    start, cpu = time.perf_counter(), _cpu()
    sink = XlsxSink(out, Labels("zh"))
    for name, headers, widths, body in recorder.sheets:
        sink.sheet(name, headers, widths)
        for values in body:
            sink.row(values)
    sink.close()
    seconds = time.perf_counter() - start
    _figures(seconds, _cpu() - cpu, {"bytes": out.stat().st_size})


def _child(args: list[str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True
    )
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inspections", type=int, default=100_000)
    parser.add_argument("--format", default="xlsx", choices=["xlsx", "csv"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("STORE", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--reference", nargs=2, metavar=("STORE", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--sink", nargs=2, metavar=("STORE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_export(Path(args.child[0]), Path(args.child[1]), args.format)
        return
    if args.reference:
        run_reference(Path(args.reference[0]), Path(args.reference[1]))
        return
    if args.sink:
        run_sink(Path(args.sink[0]), Path(args.sink[1]))
        return
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-export-") as tmp:
        store = Path(tmp) / "fieldapp.sqlite3"
        began = time.perf_counter()
        build(store, args.inspections)
        print(f"built {args.inspections:,} inspections in {time.perf_counter() - began:.1f} s")
        out = Path(tmp) / f"ledger.{args.format}"
        exports: list[dict[str, Any]] = []
        references: list[dict[str, Any]] = []
        sinks: list[dict[str, Any]] = []
        for _ in range(args.runs):  # alternate, so load from elsewhere hits both alike
            exports.append(_child(["--format", args.format, "--child", str(store), str(out)]))
            if args.format == "xlsx":
                references.append(_child(["--reference", str(store), str(Path(tmp) / "ref.xlsx")]))
                sinks.append(_child(["--sink", str(store), str(Path(tmp) / "sink.xlsx")]))
        _report(args.format, exports, references, sinks)


def _report(
    fmt: str,
    exports: list[dict[str, Any]],
    references: list[dict[str, Any]],
    sinks: list[dict[str, Any]],
) -> None:
    first = exports[0]
    rows = first["inspections"] + first["findings"] + first["events"]
    seconds = [f["seconds"] for f in exports]
    median = statistics.median(seconds)
    print(
        f"export {fmt}: {first['inspections']:,} inspections "
        f"(+{first['findings']:,} findings, {first['events']:,} events) in median "
        f"{median:.1f} s ({', '.join(f'{s:.1f}' for s in seconds)}) = "
        f"{first['inspections'] / median:,.0f} inspections/s ({rows / median:,.0f} rows/s); "
        f"peak RSS {max(f['peak_mib'] for f in exports):.0f} MiB; "
        f"file {first['bytes'] / 1e6:.1f} MB"
    )
    if not references:
        return
    bare = [f["seconds"] for f in references]
    ratios = [e / b for e, b in zip(seconds, bare, strict=True)]
    ratio = median / statistics.median(bare)
    cpu_ratio = statistics.median(f["cpu"] for f in exports) / statistics.median(
        f["cpu"] for f in references
    )
    verdict = "meets" if max(ratio, cpu_ratio) <= GOAL else "misses"
    print(
        f"  bare xlsxwriter constant-memory write of the same cells: median "
        f"{statistics.median(bare):.1f} s ({', '.join(f'{s:.1f}' for s in bare)}); "
        f"file {references[0]['bytes'] / 1e6:.1f} MB"
    )
    cpu = statistics.median(f["cpu"] for f in exports)
    bare_cpu = statistics.median(f["cpu"] for f in references)
    print(
        f"  CPU time (user + system): export median {cpu:.1f} s, bare write {bare_cpu:.1f} s "
        f"= {cpu / bare_cpu:.2f}× (steadier than wall time on a loaded machine)"
    )
    sink_cpu = statistics.median(f["cpu"] for f in sinks)
    print(
        f"  the same cells through the export's own XLSX sink: median "
        f"{statistics.median(f['seconds'] for f in sinks):.1f} s, CPU {sink_cpu:.1f} s; "
        f"export / that = {cpu / sink_cpu:.2f}× in CPU time (reading the store and making "
        f"the cells)"
    )
    print(
        f"export: ratio {ratio:.2f}× the bare write in wall time (per run "
        f"{', '.join(f'{r:.2f}' for r in ratios)}), {cpu / bare_cpu:.2f}× in CPU time; "
        f"{verdict} the goal of ≤ {GOAL}×"
    )


if __name__ == "__main__":
    main()
