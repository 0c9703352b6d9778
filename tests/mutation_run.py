"""`make mutation`: mutmut over the modules where an invariant is the product.

Each target module is mutated with the tests that exercise it (TARGETS below). The run
happens in a copy of the tracked files under build/mutation/ (mutmut writes its mutants/
beside the sources), so the working tree is never touched. Afterwards it prints, per
module, how many mutants the tests killed and which survived.

    make mutation                                   # every target (hours on 2 cores)
    make mutation MODULES=fieldapp/domain/placard.py  # one or a few
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / "build" / "mutation"
MUTMUT = str(Path(sys.executable).with_name("mutmut"))

TARGETS: dict[str, list[str]] = {
    "sync/client": [
        "tests/sync/test_lost_ops.py",
        "tests/sync/test_blobs_backoff.py",
        "tests/sync/test_push.py",
        "tests/sync/test_pull_epoch.py",
        "tests/sync/test_blob_download.py",
        "tests/sync/test_epoch_event_order.py",
    ],
    "sync/server/apply.py": ["tests/sync/test_push.py", "tests/sync/test_wire_bounds.py"],
    "sync/server/auth.py": ["tests/sync/test_push.py", "tests/sync/test_cli.py"],
    "sync/server/scope.py": [
        "tests/sync/test_push.py",
        "tests/sync/test_scope_change.py",
        "tests/sync/test_blob_scope.py",
    ],
    "fieldapp/domain/findings.py": [
        "tests/test_findings_fold.py",
        "tests/test_findings_property.py",
    ],
    "fieldapp/domain/placard.py": ["tests/test_placard_payload.py"],
}


def _module_name(path: str) -> str:
    return path.removesuffix(".py").replace("/", ".")


def _copy_tree() -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True
    ).stdout.split(b"\0")
    if WORK.exists():
        shutil.rmtree(WORK)
    for name in filter(None, tracked):
        source = REPO / name.decode()
        if source.is_file():
            target = WORK / name.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def _configure(targets: list[str]) -> None:
    """[tool.mutmut] of the copy: whole packages copied (so imports resolve there), only
    the targets mutated, only their tests run."""
    chosen = [REPO / t for t in targets]
    keep = []
    for package in ("fieldapp", "sync"):
        for path in sorted((REPO / package).rglob("*.py")):
            if not any(path == c or c in path.parents for c in chosen):
                keep.append(str(path.relative_to(REPO)))
    tests = sorted({test for t in targets for test in TARGETS[t]})
    pyproject = WORK / "pyproject.toml"
    text = re.sub(r"\n\[tool\.mutmut\][^\[]*", "\n", pyproject.read_text(encoding="utf-8"))
    lines = [
        "",
        "[tool.mutmut]",
        'paths_to_mutate = ["fieldapp/", "sync/"]',
        f"do_not_mutate = {keep!r}",
        f"tests_dir = {tests!r}",
        'pytest_add_cli_args = ["-q", "-p", "no:cacheprovider", "-x"]',
        "",
    ]
    pyproject.write_text(text + "\n".join(lines).replace("'", '"'), encoding="utf-8")
    tomllib.loads(pyproject.read_text(encoding="utf-8"))  # fails here, not in mutmut


def _score(targets: list[str]) -> int:
    listing = subprocess.run(
        [MUTMUT, "results", "--all", "true"],
        cwd=WORK,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: dict[str, list[str]] = defaultdict(list)
    names = {t: _module_name(t) for t in targets}
    for line in listing.splitlines():
        name, _, status = line.strip().rpartition(": ")
        for target, prefix in names.items():
            if name.startswith(prefix + "."):
                counts[target][status] += 1
                if status != "killed":
                    survivors[target].append(f"{name}: {status}")
    print("\nmutation score (killed / mutants):")
    left = 0
    for target in targets:
        total = sum(counts[target].values())
        killed = counts[target]["killed"]
        rate = f"{100 * killed / total:.1f}%" if total else "-"
        print(f"  {target}: {killed}/{total} killed ({rate}) {dict(counts[target])}")
        for survivor in survivors[target]:
            print(f"    {survivor}")
        left += total - killed
    print("inspect one with: cd build/mutation && mutmut show NAME")
    return 0 if left == 0 else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="targets (default: all of TARGETS)")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    targets = [m.rstrip("/") for m in args.modules] or list(TARGETS)
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        parser.error(f"not a mutation target: {', '.join(unknown)} (see {', '.join(TARGETS)})")
    _copy_tree()
    _configure(targets)
    globs = [_module_name(t) + "*" for t in targets]
    # The console script, not `python -m`: that would put the unmutated copy first on
    # sys.path, ahead of the mutants.
    # mutants/ must exist before the process starts, or Python caches it as no directory.
    (WORK / "mutants").mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(WORK / "mutants")}
    run = [MUTMUT, "run", "--max-children", str(args.max_children)]
    subprocess.run([*run, *globs], cwd=WORK, env=env, check=False)
    return _score(targets)


if __name__ == "__main__":
    sys.exit(main())
