"""`make mutation`: mutmut over the modules where an invariant is the product.

Each target module is mutated on its own, one after the other, under `nice`, with only the
tests that exercise it (TARGETS below), on SQLite only. Each run happens in a copy of the
tracked files under build/mutation/<module>/ (mutmut writes its mutants/ beside the
sources), so the working tree is never touched and one module's results survive another's
run. Afterwards it prints, per module, how many mutants the tests killed and which
survived.

mutmut runs, for each mutant, only the tests that called the mutated function while it
collected its statistics. Most sync tests call the server in a `python -m sync.server`
subprocess, whose calls mutmut cannot see: a `sitecustomize` in the copy makes that
subprocess write the functions it ran when it stops, and a pytest plugin (`-p
mutation_hits`) files them under the test that started it. The subprocess runs the mutant
under test (it inherits MUTANT_UNDER_TEST and the copy's PYTHONPATH).

mutmut runs each mutant in a child forked from a process that already ran the tests once
unmutated, so state made then (a `functools.cache`d statement) is the original's: every
survivor is run again in a new process with all the target's tests, and one a test fails
for counts as killed (listed in killed-in-a-new-process.txt in the copy).

    make mutation                                   # every target, one after the other
    make mutation MODULES=fieldapp/domain/placard.py  # one or a few
"""

from __future__ import annotations

import argparse
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

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = REPO / "build" / "mutation"
MUTMUT = str(Path(sys.executable).with_name("mutmut"))

# The client's sync tests: pushes and pulls against a real server, lost and refused ops.
CLIENT_TESTS = [
    "tests/sync/test_lost_ops.py",
    "tests/sync/test_blobs_backoff.py",
    "tests/sync/test_push.py",
    "tests/sync/test_pull_epoch.py",
    "tests/sync/test_blob_download.py",
    "tests/sync/test_epoch_event_order.py",
    "tests/sync/test_batch_split.py",  # a batch refused whole sent op by op; its epoch
    "tests/sync/test_pull_unsettled.py",  # an epoch or a reset on every page stops the pull
    "tests/sync/test_locked_push.py",  # a locked device holds its people ops back
    "tests/sync/test_revoked_device.py",  # a revoked device forgets its people
    "tests/sync/test_incidents.py",  # videos counted and shown going up, a missing one said
    "tests/sync/test_push_answers.py",  # a refusal, the count shown, the waits before retries
    "tests/sync/test_full_store.py",  # the device's disk full mid-sync: said so, nothing lost
    "tests/sync/test_device_revocation.py",  # a token never issued is told to enrol
    "tests/sync/test_private_ca.py",  # the town's CA kept for every sync; a silent server
    "tests/sync/test_verdicts.py",  # the scans' verdicts told, from every page of a pull
]
# Photos and incident videos up and down: resumed parts, hashes, the blob store, backoff.
PHOTO_TESTS = [
    "tests/sync/test_blob_download.py",
    "tests/sync/test_blobs_backoff.py",  # photos counted going up, before their ops
    "tests/sync/test_blob_scope.py",
    "tests/sync/test_blob_stores.py",
    "tests/sync/test_incident_media_faults.py",
    "tests/sync/test_incidents.py",
    "tests/sync/test_presence_proof.py",
    "tests/sync/test_lost_ops.py",
    "tests/sync/test_photo_refusals_going_up.py",  # refused, damaged, held
    "tests/sync/test_photo_refusals_videos.py",  # videos in parts: refused, lost, resumed
    "tests/sync/test_photo_refusals_coming_down.py",  # downloads cut short
    "tests/sync/test_pull_inspection_rows.py",  # malformed photo references never fetched
    "tests/sync/test_video_memory.py",  # a large video read a chunk at a time
    "tests/sync/test_locked_push.py",  # videos found without opening sealed people ops
]
# Pulled pages into the device store: every kind of record, skipped ones said, refolds.
APPLY_TESTS = [
    "tests/sync/test_pull_epoch.py",
    "tests/sync/test_scope_change.py",
    "tests/sync/test_epoch_event_order.py",
    "tests/sync/test_presence_proof.py",
    "tests/sync/test_people_sync.py",
    "tests/sync/test_fold_order.py",
    "tests/sync/test_pull_apply.py",  # skipped records and their warnings; checklists, keys
    "tests/sync/test_pull_held_venues.py",  # a first pull leaves the venues held as they are
    "tests/sync/test_data_feed.py",
    "tests/sync/test_campaigns.py",
    "tests/sync/test_activity_sync.py",
    "tests/sync/test_followup_sync.py",
    "tests/sync/test_retention.py",  # records the server deleted leave the device
    "tests/sync/test_incidents.py",
    "tests/sync/test_verdicts.py",
    "tests/sync/test_lost_ops.py",  # the server's numbers of pushed events
    "tests/sync/test_office_data.py",  # a kind, a grid level and a setting pulled
    "tests/sync/test_grid_levels.py",  # a fourth level under its parent
    "tests/sync/test_office_activity_settings.py",  # settings the office publishes
    "tests/sync/test_deadline_sync.py",  # an extended deadline refolded on the device
    "tests/sync/test_pull_patrol_rows.py",  # checkpoints, routes, runs skipped and said
    "tests/sync/test_pull_incident_rows.py",  # incidents and events skipped and said
    "tests/sync/test_patrol_runs.py",
    "tests/sync/test_patrol_import.py",
    "tests/sync/test_venue_facts.py",
    "tests/sync/test_pull_inspection_rows.py",
]
# Per module, the tests that exercise it (mutmut then runs, per mutant, only those that
# called the mutated function). Chosen so one module takes minutes, not hours.
TARGETS: dict[str, list[str]] = {
    "fieldapp/domain/findings.py": [
        "tests/test_findings_fold.py",
        "tests/test_findings_property.py",
        "tests/test_findings_rules.py",
        "tests/test_incidents_fold.py",
    ],
    # The transition tables the fold reads (split out of findings.py).
    "fieldapp/domain/lifecycle.py": [
        "tests/test_findings_fold.py",
        "tests/test_findings_rules.py",
        "tests/test_incidents_fold.py",
    ],
    "fieldapp/domain/placard.py": ["tests/test_placard_payload.py"],
    "sync/server/auth.py": [
        "tests/sync/test_push.py",
        "tests/sync/test_cli.py",
        "tests/sync/test_audit.py",
        "tests/sync/test_welcome_enrol.py",
        "tests/sync/test_enrolment_codes.py",  # what is printed, refused, spent and kept
        "tests/sync/test_device_revocation.py",  # one device revoked; the trail; bad tokens
        "tests/sync/test_last_seen.py",  # last seen written once a minute
    ],
    "sync/server/scope.py": [
        "tests/sync/test_push.py",
        "tests/sync/test_scope_change.py",
        "tests/sync/test_blob_scope.py",
        "tests/sync/test_people_sync.py",
        "tests/sync/test_campaigns.py",
        "tests/sync/test_scope_refusals.py",  # grids_in_scope, the reasons of require_grid
        "tests/sync/test_responsibility_scope.py",  # 包保: is_responsible, households outside
    ],
    "sync/server/apply.py": [
        "tests/sync/test_push.py",
        "tests/sync/test_wire_bounds.py",
        "tests/sync/test_lost_ops.py",
        "tests/sync/test_single_op_push.py",  # a batch of one answered as in a batch
        "tests/sync/test_one_failing_op.py",  # the one-op-at-a-time fallback, error ids
        "tests/sync/test_op_sent_twice.py",  # twice in a batch, under a new op id, in a race
    ],
    "sync/client/apply.py": APPLY_TESTS,
    # Pushing (a batch acknowledged only when the server said so) and pulling (pages
    # applied with their cursor): where the client can lose or duplicate an op.
    "sync/client/sync_client.py": CLIENT_TESTS,
    "sync/client/pulling.py": CLIENT_TESTS,
    # The evidence that travels beside the records: photos and videos up in parts and
    # down, resumed, checked against their hashes; the blob store they land in.
    "sync/client/photos.py": PHOTO_TESTS,
    "sync/client/blobs.py": PHOTO_TESTS,
    # What a sync says when it fails (refusals, busy servers, a full store, TLS), the
    # backoff, the https rule: all the client's tests, and the screens that show them.
    "sync/client/base.py": [
        "tests/sync/test_sync_messages.py",  # what a person is told, word for word
        *CLIENT_TESTS,
        "tests/sync/test_welcome_enrol.py",
        "tests/test_sync_ui.py",
    ],
    # Pulled inspections, findings and their events written as rows.
    "sync/client/inspection_rows.py": [
        "tests/sync/test_pull_inspection_rows.py",  # skipped records, strangers, verdicts
        "tests/sync/test_push.py",
        "tests/sync/test_presence_proof.py",
        "tests/sync/test_fold_order.py",
        "tests/sync/test_epoch_event_order.py",
        "tests/sync/test_pull_apply.py",
        "tests/sync/test_verdicts.py",
        "tests/sync/test_data_feed.py",
        "tests/sync/test_retention.py",
        "tests/sync/test_lost_ops.py",
        "tests/sync/test_deadline_sync.py",  # an event's data (a new deadline) refolded
    ],
    # The small modules apply.py hands each kind of pulled record to, and enrolment: one
    # run (one collection of the statistics) for all of them, each file mutated. Every
    # pull calls each of them, so its statistics tie each function to ~70 tests and a
    # surviving mutant takes minutes: `make mutation` runs them one by one instead
    # (ROW_MODULES), each against its own tests.
    "sync/client (rows)": [*APPLY_TESTS, "tests/sync/test_welcome_enrol.py"],
    "sync/client": CLIENT_TESTS,
}
_PULL_ROWS = [
    "tests/sync/test_pull_apply.py",
    "tests/sync/test_pull_inspection_rows.py",
    "tests/sync/test_pull_patrol_rows.py",
    "tests/sync/test_pull_incident_rows.py",
]
ROW_MODULES: dict[str, list[str]] = {
    "sync/client/rows.py": [*_PULL_ROWS, "tests/sync/test_pull_held_venues.py"],
    "sync/client/people_rows.py": [
        "tests/sync/test_pull_apply.py",  # vehicles and members as the server lists them
        "tests/sync/test_responsibilities.py",  # 包保 cadres reach the device
        "tests/sync/test_people_registration_date.py",
        "tests/sync/test_people_sync.py",
        "tests/sync/test_responsibility_scope.py",
        "tests/sync/test_retention.py",
        "tests/sync/test_revoked_device.py",
    ],
    "sync/client/patrol_rows.py": [
        "tests/sync/test_pull_patrol_rows.py",
        "tests/sync/test_patrol_runs.py",
        "tests/sync/test_patrol_import.py",
    ],
    "sync/client/followup_rows.py": [
        "tests/sync/test_followup_sync.py",
        "tests/sync/test_retention.py",
        "tests/sync/test_pull_apply.py",
    ],
    "sync/client/incident_rows.py": [
        "tests/sync/test_pull_incident_rows.py",
        "tests/sync/test_incidents.py",
        "tests/sync/test_epoch_event_order.py",
    ],
    "sync/client/office_rows.py": [
        "tests/sync/test_pull_apply.py",  # a setting the office may not publish, said
        "tests/sync/test_office_data.py",
        "tests/sync/test_grid_levels.py",
        "tests/sync/test_office_activity_settings.py",
    ],
    "sync/client/activity_rows.py": [
        "tests/sync/test_activity_sync.py",
        "tests/sync/test_office_activity_settings.py",
    ],
    "sync/client/campaigns.py": ["tests/sync/test_campaigns.py"],
    "sync/client/verdicts.py": [
        "tests/sync/test_verdicts.py",
        "tests/sync/test_presence_proof.py",
        "tests/sync/test_pull_inspection_rows.py",  # a page of verdicts, some passed over
    ],
    "sync/client/enroll.py": [
        "tests/sync/test_enrol_again.py",  # a laptop handed over; enrolments that cannot happen
        "tests/sync/test_push.py",  # the device recorded, the code spent
        "tests/sync/test_welcome_enrol.py",
        "tests/sync/test_private_ca.py",
        "tests/sync/test_device_revocation.py",
    ],
}
TARGETS.update(ROW_MODULES)
# A target that names several files: mutated together, in one copy, with one test list.
GROUPS: dict[str, list[str]] = {
    "sync/client (rows)": [
        f"sync/client/{name}.py"
        for name in (
            "rows", "people_rows", "patrol_rows", "followup_rows", "incident_rows",
            "office_rows", "activity_rows", "campaigns", "verdicts", "enroll",
        )
    ],
}  # fmt: skip


def _files(target: str) -> list[str]:
    return GROUPS.get(target, [target])


# Every listed test file besides the named targets' (the full client package is the
# longest run; its apply module is also a target of its own; the row modules one by one).
DEFAULT = [t for t in TARGETS if t not in ("sync/client", "sync/client (rows)")]


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
    chosen = [REPO / name for name in _files(target)]
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
    prefixes = tuple(_module_name(name) + "." for name in _files(target))
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


def _run(target: str, max_children: int, nice: int) -> tuple[int, int, list[str]]:
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
    patterns = [_module_name(name) + ".*" for name in _files(target)]
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="targets (default: all but sync/client)")
    parser.add_argument("--max-children", type=int, default=1)
    parser.add_argument("--nice", type=int, default=15)
    args = parser.parse_args()
    targets = [m.rstrip("/") for m in args.modules] or DEFAULT
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        parser.error(f"not a mutation target: {', '.join(unknown)} (see {', '.join(TARGETS)})")
    results = {t: _run(t, args.max_children, args.nice) for t in targets}
    print("\nmutation score (killed / mutants):")
    left = 0
    for target, (killed, total, survivors) in results.items():
        rate = f"{100 * killed / total:.1f}%" if total else "-"
        print(f"  {target}: {killed}/{total} killed ({rate})")
        for survivor in survivors:
            print(f"    {survivor}")
        left += total - killed
    print(f"inspect one with: cd {WORK.relative_to(REPO)}/<module> && mutmut show NAME")
    return 0 if left == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
