"""One mutation target's run, for mutation_run.py: the copy of the tracked files, mutmut's
configuration in it, the run with its timeouts run again, every survivor run again in a
new process, orphaned servers stopped, and the score.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import tomllib
from pathlib import Path

from mutation_targets import GROUPS, TARGETS, target_files

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = REPO / "build" / "mutation"
MUTMUT = str(Path(sys.executable).with_name("mutmut"))


# Only a server subprocess started while mutmut collects statistics imports anything.
SITECUSTOMIZE = """import os

if os.environ.get("FIELDAPP_MUTATION_HITS") and os.environ.get("MUTANT_UNDER_TEST") == "stats":
    import mutation_hits

    mutation_hits.export_at_exit()
"""


def _module_name(path: str) -> str:
    return path.removesuffix(".py").replace("/", ".")


def _workdir(target: str) -> Path:
    name = re.sub(r"[^\w.-]+", "-", target.removesuffix(".py")).strip("-")
    # A group's copy apart from its files' own ('sync/client (rows)' vs sync/client/rows.py).
    return WORK / (f"{name}-group" if target in GROUPS else name)


def _copy_tree(work: Path) -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True
    ).stdout.split(b"\0")
    if work.exists():
        shutil.rmtree(work)
    for name in filter(None, tracked):
        source = REPO / name.decode()
        if source.is_file():
            copy = work / name.decode()
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)


def _configure(work: Path, target: str) -> None:
    """[tool.mutmut] of the copy: whole packages copied (so imports resolve there), only
    the target mutated, only its tests run."""
    chosen = [REPO / name for name in target_files(target)]
    keep = []
    for package in ("fieldapp", "sync"):
        for path in sorted((REPO / package).rglob("*.py")):
            if not any(path == one or one in path.parents for one in chosen):
                keep.append(str(path.relative_to(REPO)))
    pyproject = work / "pyproject.toml"
    text = re.sub(r"\n\[tool\.mutmut\][^\[]*", "\n", pyproject.read_text(encoding="utf-8"))
    lines = [
        "",
        "[tool.mutmut]",
        'paths_to_mutate = ["fieldapp/", "sync/"]',
        f"do_not_mutate = {keep!r}",
        'also_copy = ["assets/", "docs/"]',  # docs/examples: the office's files
        f"tests_dir = {TARGETS[target]!r}",
        'pytest_add_cli_args = ["-q", "-p", "no:cacheprovider", "-p", "mutation_hits"]',
        "",
    ]
    pyproject.write_text(text + "\n".join(lines).replace("'", '"'), encoding="utf-8")
    tomllib.loads(pyproject.read_text(encoding="utf-8"))  # fails here, not in mutmut
    # The server subprocess's view of the statistics (see mutation_hits.py); mutants/
    # must exist before mutmut starts, or Python caches it as no directory.
    mutants = work / "mutants"
    mutants.mkdir(parents=True, exist_ok=True)
    shutil.copy2(HERE / "mutation_hits.py", mutants / "mutation_hits.py")
    (mutants / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")


def _statuses(work: Path, target: str) -> list[tuple[str, str]]:
    """(mutant, status) of the target's mutants, as mutmut recorded them."""
    listing = subprocess.run(
        [MUTMUT, "results", "--all", "true"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    prefixes = tuple(_module_name(name) + "." for name in target_files(target))
    found = []
    for line in listing.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name.startswith(prefixes):
            found.append((name, status))
    return found


def _score(work: Path, target: str) -> tuple[int, int, list[str]]:
    statuses = _statuses(work, target)
    fresh = _killed_fresh(work)
    killed = sum(status == "killed" or name in fresh for name, status in statuses)
    survivors = [
        f"{name}: {status}" for name, status in statuses if status != "killed" and name not in fresh
    ]
    return killed, len(statuses), survivors


# Survivors killed when run again in a new process (see `_run_survivors_fresh`).
FRESH_KILLS = "killed-in-a-new-process.txt"


def _killed_fresh(work: Path) -> set[str]:
    path = work / FRESH_KILLS
    return set(path.read_text(encoding="utf-8").split()) if path.exists() else set()


def _run_survivors_fresh(work: Path, target: str, env: dict[str, str], nice: int) -> None:
    """mutmut runs a mutant in a child forked from a process that already ran the tests
    once unmutated, so what that process holds (a `functools.cache`d statement, a
    converter made once) is the original's, and it runs only the tests its statistics
    tied to the function. Each survivor is run again here in a new process, with every
    test of the target (stopping at the first failure): one that fails is killed."""
    survivors = [name for name, status in _statuses(work, target) if status == "survived"]
    fresh = _killed_fresh(work)
    for n, name in enumerate(survivors, 1):
        if name in fresh:
            continue
        print(f"  a new process for survivor {n}/{len(survivors)}: {name}", flush=True)
        run = subprocess.run(
            ["nice", "-n", str(nice), sys.executable, "-m", "pytest", "-q", "-x",
             "-p", "no:cacheprovider", *TARGETS[target]],
            cwd=work / "mutants",
            env={**env, "MUTANT_UNDER_TEST": name},
            capture_output=True,
            check=False,
        )  # fmt: skip
        if run.returncode == 1:  # a test failed (2-5: pytest itself could not run)
            with open(work / FRESH_KILLS, "a", encoding="utf-8") as kills:
                kills.write(name + "\n")


def _reap_orphaned_servers(work: Path, stop: threading.Event) -> None:
    """mutmut's children end without the tests' teardown, so a killed mutant's test leaves
    its `python -m sync.server` running (dozens at once slowed a run here): every 30 s,
    stop those whose parent is gone and whose working directory is this copy's."""
    mutants = str(work / "mutants")
    while not stop.wait(30):
        for proc in Path("/proc").iterdir():
            try:
                if not proc.name.isdigit() or os.readlink(proc / "cwd") != mutants:
                    continue
                fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
                command = (proc / "cmdline").read_bytes()
            except OSError:
                continue  # gone meanwhile, or not ours to read
            if fields[1] == "1" and b"sync.server" in command:  # orphaned (ppid 1)
                with contextlib.suppress(ProcessLookupError):  # it ended on its own
                    os.kill(int(proc.name), signal.SIGTERM)


def run_target(target: str, max_children: int, nice: int) -> tuple[int, int, list[str]]:
    work = _workdir(target)
    _copy_tree(work)
    _configure(work, target)
    (work / FRESH_KILLS).unlink(missing_ok=True)  # the code may have changed since
    # SQLite only: the PostgreSQL twin of every server test would double the run.
    env = {k: v for k, v in os.environ.items() if k != "FIELDAPP_TEST_PG_URL"}
    env["FIELDAPP_TEST_SERVER_START_TIMEOUT"] = "180"  # nice 15 on a loaded machine
    # The console script, not `python -m`: that would put the unmutated copy first on
    # sys.path, ahead of the mutants.
    env["PYTHONPATH"] = str(work / "mutants")
    run = ["nice", "-n", str(nice), MUTMUT, "run", "--max-children", str(max_children)]
    started = time.monotonic()
    stop = threading.Event()
    threading.Thread(target=_reap_orphaned_servers, args=(work, stop), daemon=True).start()
    patterns = [_module_name(name) + ".*" for name in target_files(target)]
    subprocess.run([*run, *patterns], cwd=work, env=env, check=False)
    # mutmut 3.5's timeout checker holds every running mutant of a file to the shortest
    # estimate among all that file's mutants ((estimate + 1) x 15 s; 15 s when one has no
    # tests), so a mutant whose tests all pass, and take longer, is reported as a timeout.
    # Run those again by name: the checker then compares them only with one another.
    timeouts = [name for name, status in _statuses(work, target) if status == "timeout"]
    if timeouts:
        print(f"\n{len(timeouts)} timeouts: running them again on their own")
        subprocess.run([*run, *timeouts], cwd=work, env=env, check=False)
    _run_survivors_fresh(work, target, env, nice)
    stop.set()
    killed, total, survivors = _score(work, target)
    minutes = (time.monotonic() - started) / 60
    print(f"\n{target}: {killed}/{total} killed in {minutes:.1f} min")
    return killed, total, survivors
