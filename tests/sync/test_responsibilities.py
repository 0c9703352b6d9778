"""包保 imported on the server from CSV and XLSX — every bad row named, nothing written
until the file is clean — reaching the devices of the household's grid with the household,
and each cadre's list on the server and on the device."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from people_support import returnee_family

from fieldapp.services.people import registry, responsibilities
from fieldapp.services.people.registry import HouseholdForm, MemberForm
from fieldapp.store.people_models import Household
from fieldapp.store.people_models import Responsibility as DeviceResponsibility
from sync.server import db as server_db
from sync.server.models import AuditEntry
from sync.server.people_models import Responsibility
from sync.server.responsibility_import import cadre_lists, import_responsibilities
from sync.server.tables import ImportRefused

HEADER = "cadre,grid,household\n"


def _csv(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "baobao.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def _import(path: Path) -> int:
    with server_db.current().connection_context():
        return import_responsibilities(path)


def test_responsibilities_are_imported_with_row_errors_and_reach_the_device(
    make_device, tmp_path: Path
) -> None:
    worker = make_device("worker").enroll("p-insp")  # 张三, grid V1
    with worker.client() as client:
        assert client.sync_once().ok
    family = registry.save_household(returnee_family())  # DM-017
    tenants = registry.save_household(
        HouseholdForm(grid_code="V1", code="DM-020", members=[MemberForm("王租客")])
    )
    with worker.client() as client:
        assert client.sync_once().ok

    bad = _csv(tmp_path, "张三,V1,DM-017\n无名氏,V1,DM-017\n李四,V1,DM-999\n"
                         "张三,V9,DM-017\n张三,V1,DM-017\n,V1,DM-020\n")  # fmt: skip
    with pytest.raises(ImportRefused) as refused:
        _import(bad)
    assert [(e.row, e.column) for e in refused.value.errors] == [
        (3, "cadre"),
        (4, "household"),
        (5, "grid"),
        (6, "cadre"),
        (7, "cadre"),
    ]
    assert "服务器上没有人员“无名氏”" in str(refused.value) and "第 2 行" in str(refused.value)
    with server_db.current().connection_context():
        assert Responsibility.select().count() == 0, "nothing written from a bad file"

    assert _import(_csv(tmp_path, "张三,V1,DM-017\np-sup2,V1,DM-017\n张三,V1,DM-020\n")) == 3
    book = openpyxl.Workbook()
    book.active.append(["cadre", "grid", "household"])
    book.active.append(["p-insp", "V1", "DM-017"])  # DM-017 now has 张三 only
    book.save(tmp_path / "baobao.xlsx")
    assert _import(tmp_path / "baobao.xlsx") == 1
    with server_db.current().connection_context():
        lists = {c.name: [code for _grid, code, _address in c.households] for c in cadre_lists()}
        assert lists == {"张三": ["DM-017", "DM-020"]}
        assert AuditEntry.select().where(
            AuditEntry.action == "responsibilities.imported").count() == 2  # fmt: skip

    with worker.client() as client:
        assert client.sync_once().ok
    assert DeviceResponsibility.select().count() == 2
    assert registry.household(family).cadres == ("张三",)
    (cadre,) = responsibilities.cadres()
    assert (cadre.person_id, cadre.name, cadre.households) == ("p-insp", "张三", 2)
    mine = {h.id for h in registry.households(cadre="p-insp")}
    assert mine == {family, tenants}
    assert registry.households(cadre="p-sup2") == []
    assert Household.select().count() == 2
