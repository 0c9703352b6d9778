"""The demo's supervisor after the inspector registered a household.

An inspector who added a household in the demo and then opened the supervisor's device
(`fieldapp demo --home H --as supervisor`) got 示例服务器未能启动：Expecting value… and the
enrolment screen instead of the supervisor's home: handing the colleague's work in read
every pending op as JSON, and a household's op is sealed at rest behind the PIN.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from people_support import key_behind_pin, returnee_family

from fieldapp.cli import main
from fieldapp.i18n import t
from fieldapp.paths import store_path
from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.store.models import Outbox, SyncState
from fieldapp.store.opening import close_store, open_store

pytestmark = pytest.mark.slow


def test_the_supervisor_opens_after_the_inspector_registered_a_household(
    tmp_path: Path,
) -> None:
    home = tmp_path / "demo"
    runner = CliRunner()
    built = runner.invoke(main, ["demo", "--home", str(home), "--venues", "40", "--build-only"])
    assert built.exit_code == 0, built.output
    open_store(store_path(home))
    try:
        key_behind_pin()
        registry.save_household(returnee_family(me().grids[0][0]))
        pending = Outbox.select().where(
            Outbox.state == "pending", Outbox.type == "household.upsert"
        )
        assert pending.count() == 1  # sealed, waiting for the next sync
    finally:
        close_store()
    supervisor = runner.invoke(
        main, ["demo", "--home", str(home), "--build-only", "--as", "supervisor"]
    )
    assert supervisor.exit_code == 0, supervisor.output
    failed = t("demo.server.failed", error="").split("：")[0]
    assert failed not in supervisor.output, supervisor.output
    open_store(store_path(home / "supervisor"))
    try:  # enrolled: the TUI opens on the supervisor's home, not the enrolment screen
        state = SyncState.get_by_id(1)
        assert state.token and state.person
    finally:
        close_store()
