"""`fieldapp admin devices` speaks the chosen language: a header line naming the
tab-separated columns (as patrol-attendance has), the state, the person's role. It
printed English by hand whatever the language: "REVOKED"/"active", "(inspector)",
"enrolled …", "last seen …"."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import CliRunner, Result
from sync_world import Device

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")


def _devices(db_url: str, lang: str) -> Result:
    return CliRunner().invoke(main, ["--lang", lang, "admin", "--db", db_url, "devices"])


def test_the_device_list_has_a_header_and_speaks_the_chosen_language(
    make_device: Callable[[str], Device],
) -> None:
    lost = make_device("lost").enroll("p-insp")
    lost_id = lost.device_id  # read from the device store open last: taken before the next
    kept_id = make_device("kept").enroll("p-insp").device_id
    db_url = lost.server.db_url
    revoked = CliRunner().invoke(main, ["admin", "--db", db_url, "revoke", lost_id])
    assert revoked.exit_code == 0, revoked.output

    chinese = _devices(db_url, "zh")
    assert chinese.exit_code == 0, chinese.output
    header, *lines = chinese.output.splitlines()
    assert header.split("\t") == [
        "设备", "状态", "人员编号", "姓名", "角色", "设备名称", "注册时间", "最近联系",
    ]  # fmt: skip
    rows = {line.split("\t")[0]: line.split("\t") for line in lines}
    assert rows[lost_id][1:5] == ["已吊销", "p-insp", "张三", "网格员"]
    assert rows[kept_id][1:5] == ["使用中", "p-insp", "张三", "网格员"]
    for english in ("REVOKED", "active", "inspector", "enrolled", "last seen"):
        assert english not in chinese.output

    listed = _devices(db_url, "en").output.splitlines()
    assert listed[0].split("\t")[:2] == ["Device", "State"] and listed[0].endswith("Last seen")
    assert {tuple(line.split("\t")[1:5]) for line in listed[1:]} == {
        ("Revoked", "p-insp", "张三", "Inspector"),
        ("Active", "p-insp", "张三", "Inspector"),
    }
