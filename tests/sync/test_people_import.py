"""`fieldapp admin import-people-registry`: all or nothing, row errors, no duplicates."""

from __future__ import annotations

import pytest
from people_support import CHILD, FATHER, MOTHER, id_number

from fieldapp.i18n import set_language
from sync.server import db as server_db
from sync.server.models import AuditEntry
from sync.server.people_import import import_people_registry
from sync.server.people_models import Household, HouseholdMember, Vehicle
from sync.server.tables import ImportRefused

HEADER = "grid,household,building,name,sex,birth_year,id_number,phone,tags,arrived_on,plate\n"
GOOD = (
    HEADER
    + f"V1,DM-017,三组,陈建国,男,,{FATHER},13800138000,返乡人员,2026-06-09,桂A12345\n"
    + f"V1,DM-017,三组,林秀英,女,,{MOTHER},,returnee,2026-06-09,\n"
    + f"V2,YM-003,,陈小明,男,2012,{CHILD},,tenant;returnee,,\n"
)


def _import(workdir, name: str, text: str) -> int:
    path = workdir / name
    path.write_text(text, encoding="utf-8")
    with server_db.current().connection_context():
        return import_people_registry(path)


def test_bad_rows_are_all_reported_and_nothing_is_imported(seed, server_workdir):
    bad_check = FATHER[:-1] + ("0" if FATHER[-1] != "0" else "1")
    text = (
        HEADER
        + f"V1,DM-017,,陈建国,男,,{bad_check},,returnee,2026-06-09,\n"
        + f"V9,DM-018,,林秀英,女,,{MOTHER},abc,returnee,,\n"
        + f"V1,DM-019,,,X,1850,{MOTHER},,VIP,2026-13-01,\n"
        + "V1,,,王小二,,,,,,,\n"
    )
    with pytest.raises(ImportRefused) as refused:
        _import(server_workdir, "bad.csv", text)
    found = {(e.row, e.column) for e in refused.value.errors}
    assert found == {
        (2, "id_number"),
        (3, "grid"),
        (3, "phone"),
        (4, "name"),
        (4, "sex"),
        (4, "birth_year"),
        (4, "id_number"),  # the same ID number as row 3
        (4, "tags"),
        (4, "arrived_on"),
        (5, "household"),
    }
    assert "bad.csv：未导入任何内容，共 10 处问题：" in str(refused.value)
    assert "第 4 行 arrived_on 列：“2026-13-01”不是日期：请按 年-月-日 填写日期" in str(
        refused.value
    )
    with server_db.current().connection_context():
        assert HouseholdMember.select().count() == 0
        assert Household.select().count() == 0


def test_a_clean_file_imports_households_and_a_second_import_updates(seed, server_workdir):
    assert _import(server_workdir, "good.csv", GOOD) == 3
    with server_db.current().connection_context():
        households = {h.code: h for h in Household.select()}
        assert set(households) == {"DM-017", "YM-003"}
        assert households["DM-017"].grid_code == "V1"
        members = {m.name: m for m in HouseholdMember.select()}
        assert members["陈建国"].tags == ["returnee"]
        assert members["陈建国"].birth_year == 1980  # from the ID number
        assert members["陈小明"].tags == ["tenant", "returnee"]
        assert FATHER not in members["陈建国"].id_number
        assert [v.plate for v in Vehicle.select()] == ["桂A12345"]
        first_ids = {m.name: m.id for m in members.values()}

    newcomer = id_number("450102", "19551111", "481")  # 17th digit odd: a man
    again = GOOD + f"V1,DM-017,三组,陈老伯,男,,{newcomer},,elderly_alone,,\n"
    assert _import(server_workdir, "again.csv", again) == 4
    with server_db.current().connection_context():
        assert Household.select().count() == 2
        members = {m.name: m.id for m in HouseholdMember.select()}
        assert len(members) == 4  # the three known by ID number were updated, not added
        assert all(members[name] == first_ids[name] for name in first_ids)
        assert Vehicle.select().count() == 1
        # The office's edits: one entry a run, saying how many it updated; none a person.
        runs = AuditEntry.select().where(AuditEntry.action == "people_registry.imported")
        assert [(e.detail["people"], e.detail["people_updated"], e.detail["households"],
                 e.detail["households_updated"]) for e in runs.order_by(AuditEntry.id)] == [
            (3, 0, 2, 0),
            (4, 3, 2, 2),
        ]  # fmt: skip
        assert AuditEntry.select().where(AuditEntry.action == "personal_data.edited").count() == 0


def test_a_household_living_at_its_shop_is_tied_to_that_venue_of_its_grid(seed, server_workdir):
    """The venue column names the shop a family lives in (三合一): only a venue of the
    household's own grid is taken; a code of another grid's venue, or no venue, is said."""
    header = "grid,household,name,id_number,venue\n"
    wrong = (
        header
        + f"V1,DM-017,陈建国,{FATHER},YM-0001\n"  # a venue of 芸美村 (V2)
        + f"V1,DM-018,林秀英,{MOTHER},DM-9999\n"  # no such venue
    )
    with pytest.raises(ImportRefused) as refused:
        _import(server_workdir, "wrong.csv", wrong)
    assert {(e.row, e.column) for e in refused.value.errors} == {(2, "venue"), (3, "venue")}
    assert "网格 V1 中没有场所 YM-0001" in str(refused.value)
    set_language("en")
    assert "row 2, column venue: no venue YM-0001 in grid V1" in str(refused.value)

    assert _import(server_workdir, "shop.csv", header + f"V1,DM-017,陈建国,{FATHER},DM-0002\n") == 1
    with server_db.current().connection_context():
        (household,) = Household.select()
        assert household.venue_id == seed.venues["DM-0002"]


def test_a_sex_or_birth_year_the_id_number_contradicts_is_refused_with_its_row(
    seed, server_workdir
):
    """The device form's rule (17th digit odd: male; 7th-10th: the birth year) holds for
    the office's file too: each contradicting row is named with what to check, the other
    rows' problems are listed with it, and nothing is imported until the file is right."""
    header = "网格,户号,姓名,性别,出生年份,身份证号,电话\n"
    text = (
        header
        + f"V1,DM-017,陈建国,男,1980,{FATHER},13800138000\n"  # agrees
        + f"V1,DM-017,林秀英,男,,{MOTHER},\n"  # a woman's number
        + f"V2,YM-003,陈小明,男,2010,{CHILD},\n"  # born 2012 by the number
        + f"V1,DM-018,王小二,女,1981,{id_number('450102', '19810101', '222')},abc\n"
    )
    with pytest.raises(ImportRefused) as refused:
        _import(server_workdir, "registry.csv", text)
    assert {(e.row, e.column) for e in refused.value.errors} == {
        (3, "sex"),
        (4, "birth_year"),
        (5, "phone"),
    }
    said = str(refused.value)
    assert "registry.csv：未导入任何内容，共 3 处问题：" in said
    assert (
        "第 3 行 性别 列：性别与身份证号不符：第17位奇数为男、偶数为女，请核对性别或身份证号。"
        in said
    )
    assert "第 4 行 出生年份 列：出生年份与身份证号不符：第7至10位是出生年份" in said
    set_language("en")
    said = str(refused.value)
    assert "row 3, column 性别: The sex does not match the ID number: an odd 17th digit" in said
    assert "row 4, column 出生年份: The birth year does not match the ID number" in said
    with server_db.current().connection_context():
        assert HouseholdMember.select().count() == 0

    fixed = text.replace(f"林秀英,男,,{MOTHER}", f"林秀英,女,,{MOTHER}")
    fixed = fixed.replace(f"2010,{CHILD}", f"2012,{CHILD}").replace(",abc\n", ",\n")
    assert _import(server_workdir, "registry.csv", fixed) == 4
