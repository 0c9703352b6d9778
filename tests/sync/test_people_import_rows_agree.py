"""`fieldapp admin import-people-registry` takes a file only when its rows say one thing:
the rows of one household give one address (one building, one venue), a person leaves
after arriving, and no name or address holds a number that would be shown unmasked —
the device form's rules. Each refusal names the row and what to do; nothing is written."""

from __future__ import annotations

import pytest

from fieldapp.i18n import set_language
from sync.server import db as server_db
from sync.server.people_import import import_people_registry
from sync.server.people_models import Household, HouseholdMember
from sync.server.tables import ImportRefused

HEADER = "grid,household,name,address,arrived_on,left_on\n"


def _import(workdir, text: str) -> int:
    path = workdir / "big.csv"
    path.write_text(HEADER + text, encoding="utf-8")
    with server_db.current().connection_context():
        return import_people_registry(path)


def _refused(workdir, text: str) -> ImportRefused:
    """The refusal of `text`, checking that nobody was written."""
    with pytest.raises(ImportRefused) as refused:
        _import(workdir, text)
    with server_db.current().connection_context():
        assert Household.select().count() == 0
        assert HouseholdMember.select().count() == 0
    return refused.value


def test_rows_of_one_household_giving_different_addresses_are_refused(seed, server_workdir):
    text = (
        "V1,BIG-000,陈一,大名单测试楼0号,,\n"
        "V1,BIG-000,陈二,大名单测试楼1号,,\n"
        "V1,BIG-000,陈三,大名单测试楼2号,,\n"
        "V1,BIG-001,林一,大名单测试楼9号,,\n"
    )
    refused = _refused(server_workdir, text)
    assert {(e.row, e.column) for e in refused.errors} == {(3, "address"), (4, "address")}
    said = str(refused)
    assert (
        "第 3 行 address 列：户号 BIG-000 在第 2 行是“大名单测试楼0号”，这一行是“大名单测试楼1号”"
        in said
    )
    assert "请把同一户的各行改成一致（或只在一行填写），不同的户请用不同的户号" in said
    set_language("en")
    assert (
        "row 4, column address: household BIG-000 is '大名单测试楼0号' on row 2 and "
        "'大名单测试楼2号' on this row" in str(refused)
    )


def test_an_address_given_on_a_later_row_only_is_kept(seed, server_workdir):
    assert _import(server_workdir, "V1,BIG-000,陈一,,,\nV1,BIG-000,陈二,大名单测试楼1号,,\n") == 2
    with server_db.current().connection_context():
        assert [h.address for h in Household.select()] == ["大名单测试楼1号"]


def test_leaving_before_arriving_and_a_number_in_a_name_are_refused(seed, server_workdir):
    text = (
        "V1,DM-017,陈建国,鼎美村三组17号,2026-03-01,2025-01-01\n"
        "V1,DM-018,林秀英13800138000,鼎美村三组18号,2025-01-01,2026-03-01\n"
    )
    refused = _refused(server_workdir, text)
    assert {(e.row, e.column) for e in refused.errors} == {(2, "left_on"), (3, "name")}
    said = str(refused)
    assert "第 2 行 left_on 列：离开日期早于到达日期，请核对。" in said
    assert "第 3 行 name 列：这一栏里有一长串数字（像身份证号或电话）" in said
