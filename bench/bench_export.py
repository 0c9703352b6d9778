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
import json
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

from _export_store import build  # noqa: E402 (after the path above)


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
