"""Run the real app headless on FIELDAPP_HOME, start the due patrol, scan two placards
with the wedge, print READY, then hang until killed. Used by test_patrol_run_screen.py,
which SIGKILLs this process mid-run."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from patrol_screen_support import placard  # noqa: E402
from pilot_support import settle  # noqa: E402

from fieldapp.paths import store_path  # noqa: E402
from fieldapp.store.opening import open_store  # noqa: E402
from fieldapp.tui.app import make_app  # noqa: E402


async def main() -> None:
    open_store(store_path())
    app = make_app(lang="zh")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("ctrl+g")
        await settle(app, pilot, rounds=2)
        await pilot.press("enter")  # start the due patrol
        await settle(app, pilot, rounds=2)
        run_id = app.screen.patrol_run_id  # type: ignore[attr-defined]
        for code in ("CP-01", "CP-03"):
            app.scan_text(placard(code), "wedge")
            await settle(app, pilot, rounds=2)
        print("READY", run_id, flush=True)
        await asyncio.Event().wait()  # killed here, mid-run


if __name__ == "__main__":
    asyncio.run(main())
