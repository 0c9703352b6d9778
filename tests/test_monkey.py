"""The monkey test: random keys through the real app, for an inspector and a supervisor,
in Chinese and English, at 80×24 and 120×36, on the demo workspace.

CI (`make test`) walks 40 steps per case, 320 keys in all, to stay within its 2-minute
budget on two cores (100 steps per case took 184 s on two busy cores). `make monkey`
walks MONKEY_STEPS per case (2,500: 20,000 keys) with a new seed each run; a failure
prints MONKEY_SEED and the last keys, and
`MONKEY_SEED=<seed> MONKEY_STEPS=<n> pytest tests/test_monkey.py -k <case>` replays it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from monkey_support import Walk, run_walk

from fieldapp.i18n import set_language
from fieldapp.services.demo import workspace as demo
from fieldapp.tui.app import make_app

STEPS = int(os.environ.get("MONKEY_STEPS", "40"))
SEED = os.environ.get("MONKEY_SEED")

CASES = [
    (role, lang, size)
    for role in ("inspector", "supervisor")
    for lang in ("zh", "en")
    for size in ((80, 24), (120, 36))
]


@pytest.fixture
def no_viewer(monkeypatch: pytest.MonkeyPatch) -> None:
    """No system viewer during the walk: opening a photo says where it is instead."""
    real_which = shutil.which
    monkeypatch.setattr(
        shutil,
        "which",
        lambda name, *a, **k: None if name in ("xdg-open", "open") else real_which(name, *a, **k),
    )


@pytest.mark.parametrize(
    ("role", "lang", "size"), CASES, ids=[f"{r}-{lang}-{w}x{h}" for r, lang, (w, h) in CASES]
)
async def test_random_keys_never_crash(
    demo_home: Path, no_viewer: None, role: str, lang: str, size: tuple[int, int]
) -> None:
    demo.act_as(role)
    case = f"{role}-{lang}-{size[0]}x{size[1]}"
    # Each case walks its own keys: MONKEY_SEED (default 1) plus the case's index. With
    # one seed for all, the eight walks of a long run pressed nearly the same keys.
    base = int(SEED) if SEED else 1
    seed = base + CASES.index((role, lang, size))
    print(f"monkey {case}: MONKEY_SEED={base}, {STEPS} steps")  # shown with -s or on failure
    try:
        walk = await run_walk(make_app(lang=lang), Walk(seed, STEPS, base), size, case)
    finally:
        set_language("zh")
    assert len(walk.screens) > 1, f"{case}: the walk never left {walk.screens}"
