"""`make mutation`: mutmut over the modules where an invariant is the product.

Each target module is mutated on its own, one after the other, under `nice`, with only the
tests that exercise it (TARGETS in mutation_targets.py), on SQLite only. Each run happens
in a copy of the tracked files under build/mutation/<module>/ (mutmut writes its mutants/
beside the sources), so the working tree is never touched and one module's results survive
another's run. Afterwards it prints, per module, how many mutants the tests killed and
which survived.

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
import sys

from mutation_steps import REPO, WORK, run_target
from mutation_targets import DEFAULT, TARGETS


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
    results = {t: run_target(t, args.max_children, args.nice) for t in targets}
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
