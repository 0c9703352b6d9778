"""The large workspace the benchmarks share: built once, then reused from a cache folder.

The cache lives in $FIELDAPP_BENCH_CACHE or the system temp folder (never in the repo);
a workspace is reused only when its `ready` marker says it was built completely.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

VENUES = 100_000
ANSWERS = 1_000_000


def cache_root() -> Path:
    root = os.environ.get("FIELDAPP_BENCH_CACHE")
    return Path(root) if root else Path(tempfile.gettempdir()) / "fieldapp-bench"


def workspace(venues: int = VENUES, answers: int = ANSWERS, seed: int = 7) -> Path:
    """The FIELDAPP_HOME of a demo workspace of this size, building it if needed."""
    from fieldapp.services.demo.workspace import build_workspace

    home = cache_root() / f"ws-{venues}v-{answers}a-s{seed}"
    marker = home / "ready"
    if marker.exists():
        return home
    if home.exists():
        shutil.rmtree(home)
    print(f"building a workspace of {venues:,} venues and {answers:,} answers in {home} …")
    info = build_workspace(home, venues=venues, answers=answers, seed=seed)
    print(
        f"  built in {info.seconds:.1f} s: {info.venues:,} venues, "
        f"{info.inspections:,} inspections, {info.answers:,} answers"
    )
    marker.write_text("ok\n")
    return home
