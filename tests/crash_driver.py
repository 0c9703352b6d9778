"""Run the real app headless on FIELDAPP_HOME, answer some items by key, print READY, then
hang until killed. Used by test_crash_resume.py, which SIGKILLs this process."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from inspect_support import open_inspection, settle  # noqa: E402

from fieldapp.paths import store_path  # noqa: E402
from fieldapp.store.opening import open_store  # noqa: E402
from fieldapp.tui.app import make_app  # noqa: E402


async def main() -> None:
    open_store(store_path())
    app = make_app(lang="zh")
    async with app.run_test(size=(120, 36)) as pilot:
        inspection_id = await open_inspection(app, pilot)
        await pilot.press("3", "enter", "y", "n")  # COM-01, COM-02, COM-03 fails
        await settle(app, pilot)
        await pilot.press("f10")  # save the prefilled finding
        await pilot.press("y", "x")  # COM-04, COM-05
        await pilot.press("m", *"店主不在", "enter")  # a note on COM-06, not answered
        await settle(app, pilot)
        print("READY", inspection_id, app.screen.item.code, flush=True)  # type: ignore[attr-defined]
        await asyncio.Event().wait()  # killed here, mid-inspection


if __name__ == "__main__":
    asyncio.run(main())
