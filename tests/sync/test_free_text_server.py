"""The sync server and the office's people import refuse free text that says nothing by
the rule the device's forms use (`fieldapp.domain.free_text`): a representative of
emoji, a reject reason of one emoji, a hand-over reference of one letter (or an emoji and one
letter), a note that may be left empty but is typed as one emoji; a person's
name of one character in the registry sheet; an address or an account longer than the
device's form takes. The device words the refusal itself."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner
from sync_world import daily_report, event, finding_event, inspection_submit

from fieldapp.cli import main
from fieldapp.domain.free_text import RULES
from fieldapp.domain.ids import new_id
from fieldapp.i18n import text_in, written_in
from fieldapp.services.common.refusal_reasons import reason_in_words
from fieldapp.services.review.bulk import bulk_apply
from sync.server import admin
from sync.server import db as server_db

ASSETS = Path(__file__).resolve().parents[2] / "assets"


def _refusal(device, op_id: int) -> tuple[str, str, dict[str, str]]:  # type: ignore[no-untyped-def]
    row = device.outbox()[op_id]
    return row.state, row.refusal_code, json.loads(row.refusal_params or "{}")


def test_texts_saying_nothing_are_refused_by_the_server_with_their_rule(make_device, seed):
    inspector = make_device("insp").enroll("p-insp")
    junk = inspection_submit(seed.venues["DM-0001"], "p-insp")
    junk["inspection"]["representative"] = "😀😀"
    refused = inspector.enqueue("inspection.submit", junk)
    submit = inspection_submit(seed.venues["DM-0001"], "p-insp")
    taken = inspector.enqueue("inspection.submit", submit)  # its no-scan note left empty
    # Notes an older device let through that may be left empty but say nothing typed:
    # a no-scan note (标牌缺失), a re-inspection's note, a daily report's remarks.
    no_scan = inspection_submit(seed.venues["DM-0001"], "p-insp")
    no_scan["inspection"]["presence_note"] = "😀"
    reinspected = event(
        "rectification_reported", "p-insp", base=submit["findings"][0]["events"][0]["id"]
    )
    reinspected["note"] = "😀"
    optional = [
        inspector.enqueue("inspection.submit", no_scan),
        inspector.enqueue("finding.event", finding_event(submit["findings"][0]["id"], reinspected)),
        inspector.enqueue("daily_report.submit", {**daily_report("V1", "p-insp"), "remarks": "😀"}),
    ]  # fmt: skip
    with inspector.client() as client:
        client.sync_once()
    assert _refusal(inspector, refused) == (
        "rejected", "free_text", {"text_rule": "representative"},
    )  # fmt: skip
    assert _refusal(inspector, taken)[0] == "acked"
    note_rule = ("rejected", "free_text", {"text_rule": "note"})
    assert [_refusal(inspector, op) for op in optional] == [note_rule] * 3
    said = reason_in_words("free_text", {"text_rule": "note"}, "")
    assert said.startswith("请用文字写明备注")
    said = reason_in_words("free_text", {"text_rule": "representative"}, "")
    assert said.startswith("请写场所负责人的姓名（至少两个字或两个字母")

    boss = make_device("boss").enroll("p-sup")
    finding = submit["findings"][0]
    base = finding["events"][0]["id"]
    reject = event("rejected", "p-sup", base=base, role="supervisor",
                   data={"deadline": "2099-06-30"})  # fmt: skip
    reject["note"] = "😀"
    hand_over = event("handed_over", "p-sup", base=base, role="supervisor",
                      data={"unit": "police_station", "reference": "Q", "date": "2026-06-11"})  # fmt: skip
    # An emoji beside one letter is still one letter: not a reference number.
    emoji_reference = event("handed_over", "p-sup", base=base, role="supervisor",
                            data={"unit": "police_station", "reference": "😀Q",
                                  "date": "2026-06-11"})  # fmt: skip
    # A verify's, a close's and a general hazard's extension's note, typed as an emoji; a
    # close that says something is taken.
    verify, close, extend, close_said = (
        event(kind, "p-sup", base=base, role="supervisor", data=data)
        for kind, data in (("verified", {}), ("closed", {}),
                           ("deadline_extended", {"deadline": "2099-06-30"}), ("closed", {}))
    )  # fmt: skip
    verify["note"] = close["note"] = extend["note"] = "😀"
    close_said["note"] = "已当场整改"
    ops = [
        boss.enqueue("finding.event", finding_event(finding["id"], e))
        for e in (reject, hand_over, emoji_reference, verify, close, extend, close_said)
    ]
    with boss.client() as client:
        client.sync_once()
    rules = [_refusal(boss, op) for op in ops]
    assert rules == [
        ("rejected", "free_text", {"text_rule": "reject_reason"}),
        ("rejected", "free_text", {"text_rule": "hand_over_reference"}),
        ("rejected", "free_text", {"text_rule": "hand_over_reference"}),
        *[note_rule] * 3,
        ("acked", None, {}),
    ]


def _admin(db: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["--lang", "zh", "admin", "--db", f"sqlite:///{db}", *args])


def test_the_office_registry_refuses_a_name_of_one_character_or_an_emoji(tmp_path: Path) -> None:
    """And a 户号 or 楼栋 with an emoji or a control character, as the household form does."""
    db = tmp_path / "server.sqlite3"
    assert _admin(db, "init").exit_code == 0
    grids = tmp_path / "网格.csv"
    grids.write_text("编号,名称,级别,上级\nT1,东山镇,镇,\nV1,鼎美村,村,T1\n", "utf-8")
    assert _admin(db, "import-grids", str(grids)).exit_code == 0
    sheet = tmp_path / "台账.csv"
    sheet.write_text(
        "网格,户号,姓名,楼栋\nV1,DM-1,王,\nV1,DM-2,😀,\nV1,DM-3,王五,3号楼\n"
        "V1,😀DM-4,赵六,\nV1,DM-5,钱七,楼\t😀\n",
        "utf-8",
    )
    result = _admin(db, "import-people-registry", str(sheet))
    assert result.exit_code != 0
    assert "第 2 行 姓名 列：请写人员的姓名（至少两个字或两个字母" in result.output
    assert "第 3 行 姓名 列：请写人员的姓名" in result.output
    assert "第 4 行" not in result.output
    assert (
        "第 5 行 户号 列：户号只能写文字、数字和标点，不能有表情符号或控制字符。" in result.output
    )
    assert (
        "第 6 行 楼栋 列：楼栋/屯只能写文字、数字和标点，不能有表情符号或控制字符。"
        in result.output
    )
    with sqlite3.connect(db) as connection:
        assert list(connection.execute("SELECT count(*) FROM household_member")) == [(0,)]


def test_texts_longer_than_the_device_s_form_takes_are_refused_by_the_server(make_device):
    """The wire bounds an incident's address at 500 characters, its account at 5,000 and a
    household's address at 300; the device's forms take 200, 2,000 and 200
    (`fieldapp.domain.free_text.RULES`): the server takes no more than the forms do."""
    worker = make_device("insp").enroll("p-insp")

    def incident(address: str, description: str) -> dict:
        incident_id = new_id()
        payload = {"id": incident_id, "category": "complaint", "grid_code": "V1",
                   "address": address, "occurred_at": "2026-06-10 07:00",
                   "description": description, "created_at": "2026-06-10T07:00:00.000Z",
                   "created_by": "p-insp"}  # fmt: skip
        return {"incident_id": incident_id, "incident": payload,
                "event": event("reported", "p-insp")}  # fmt: skip

    def household(address: str) -> dict:
        return {"id": new_id(), "grid_code": "V1", "code": "DM-1", "address": address,
                "updated_at": "2026-06-10T02:00:00Z", "updated_by": "p-insp",
                "members": [], "vehicles": []}  # fmt: skip

    most = {rule: RULES[rule].most for rule in RULES}
    address, account = "幸福路" * 100, "店门口堆放杂物" * 400
    ops = [
        worker.enqueue("incident.event", incident(address[: most["incident_address"] + 1], "失火")),
        worker.enqueue("incident.event", incident("幸福路12号", account[: most["incident_description"] + 1])),
        worker.enqueue("household.upsert", household(address[: most["household_address"] + 1])),
        worker.enqueue("incident.event", incident(address[: most["incident_address"]],
                                                  account[: most["incident_description"]])),
        worker.enqueue("household.upsert", household(address[: most["household_address"]])),
    ]  # fmt: skip
    with worker.client() as client:
        client.sync_once()
    assert [_refusal(worker, op) for op in ops] == [
        ("rejected", "text_too_long", {"text_rule": "incident_address", "most": "200", "length": "201"}),
        ("rejected", "text_too_long", {"text_rule": "incident_description", "most": "2000", "length": "2001"}),
        ("rejected", "text_too_long", {"text_rule": "household_address", "most": "200", "length": "201"}),
        ("acked", None, {}),
        ("acked", None, {}),
    ]  # fmt: skip
    params = _refusal(worker, ops[0])[2]
    said = reason_in_words("text_too_long", params, "")
    assert said == "事发地址最多 200 个字，现在有 201 个字；请只写到门牌和房号。"
    with written_in("en"):
        said = reason_in_words("text_too_long", _refusal(worker, ops[2])[2], "")
    assert said.startswith("The address takes at most 200 characters; it has 201.")


def test_a_return_and_an_other_outcome_saying_nothing_are_refused_with_their_rule(
    make_device, seed
):
    """The server holds a returned inspection's comment and an outcome of 其他处理's note to
    the rule the device's dialogs use: "😀。" and "ok" are refused, the device words why."""
    inspector = make_device("insp").enroll("p-insp")
    submit = inspection_submit(seed.venues["DM-0001"], "p-insp")
    inspector.enqueue("inspection.submit", submit)
    with inspector.client() as client:
        client.sync_once()
    boss = make_device("boss").enroll("p-sup")
    returned = {"inspection_id": submit["inspection"]["id"], "state": "returned",
                "comment": "😀。", "reviewer": "p-sup", "at": "2026-06-10T05:00:00.000Z"}  # fmt: skip
    finding = submit["findings"][0]
    other = event("outcome_recorded", "p-sup", base=finding["events"][0]["id"],
                  role="supervisor", data={"outcome": "other"})  # fmt: skip
    other["note"] = "ok"
    ops = [boss.enqueue("inspection.review", returned),
           boss.enqueue("finding.event", finding_event(finding["id"], other))]  # fmt: skip
    with boss.client() as client:
        client.sync_once()
    assert [_refusal(boss, op) for op in ops] == [
        ("rejected", "free_text", {"text_rule": "return_reason"}),
        ("rejected", "free_text", {"text_rule": "outcome_other_reason"}),
    ]
    said = reason_in_words("free_text", {"text_rule": "return_reason"}, "")
    assert said.startswith("退回检查记录须用文字写明原因")


def test_a_person_involved_in_an_incident_named_by_an_emoji_is_refused(make_device, seed):
    """The server holds each person involved in an incident to the person form's rule."""
    worker = make_device("insp").enroll("p-insp")
    ops = []
    for people in ([{"name": "王某", "role": ""}, {"name": "😀", "role": "摊主"}],
                   [{"name": "王某", "role": "摊主"}]):  # fmt: skip
        incident_id = new_id()
        payload = {"id": incident_id, "category": "complaint", "grid_code": "V1",
                   "occurred_at": "2026-06-10 07:00", "description": "路口摆摊卖烟花",
                   "people": people, "created_at": "2026-06-10T07:00:00.000Z",
                   "created_by": "p-insp"}  # fmt: skip
        ops.append(worker.enqueue("incident.event", {"incident_id": incident_id,
                                  "incident": payload, "event": event("reported", "p-insp")}))  # fmt: skip
    with worker.client() as client:
        client.sync_once()
    assert [_refusal(worker, op) for op in ops] == [
        ("rejected", "free_text", {"text_rule": "person_name"}),
        ("acked", None, {}),
    ]


def test_a_close_of_a_hazard_never_reported_fixed_needs_a_note_the_device_saw_it_needed(
    make_device, seed
):
    """The server holds the note of a close to the device's rule when the close says its
    device held the hazard as never reported fixed: "ok" and an empty note are refused
    and the device words why. A close without that flag, sent by a device that had a fix
    report the server does not hold yet (its base event), is taken without a note though
    the server still holds the hazard open: the server judges by what the device saw."""
    inspector = make_device("insp").enroll("p-insp")
    submit = inspection_submit(seed.venues["DM-0001"], "p-insp", findings=4)
    inspector.enqueue("inspection.submit", submit)
    with inspector.client() as client:
        client.sync_once()
    boss = make_device("boss").enroll("p-sup")
    with boss.client() as client:
        client.sync_once()  # the four open hazards
    spot, ok, empty, after_report = (f["id"] for f in submit["findings"])
    [closed] = bulk_apply([spot], "closed", "已当场整改")
    assert closed.applied
    [sent] = [op for op, row in boss.outbox().items() if closed.event_id in row.payload]
    assert json.loads(boss.outbox()[sent].payload)["event"]["data"] == {"unreported": True}
    flagged = {"unreported": True}
    base = submit["findings"][1]["events"][0]["id"]
    said_ok = event("closed", "p-sup", base=base, role="supervisor", data=flagged)
    said_ok["note"] = "ok"
    said_nothing = event("closed", "p-sup", base=submit["findings"][2]["events"][0]["id"],
                         role="supervisor", data=flagged)  # fmt: skip
    # The device's own fix report, not yet at the server: its close needs no such note.
    reported = event("closed", "p-sup", base=new_id(), role="supervisor")
    ops = [
        boss.enqueue("finding.event", finding_event(fid, e))
        for fid, e in ((ok, said_ok), (empty, said_nothing), (after_report, reported))
    ] + [sent]
    with boss.client() as client:
        client.sync_once()
    rule = {"text_rule": "closed_unreported_reason"}
    assert [_refusal(boss, op) for op in ops] == [
        ("rejected", "free_text", rule), ("rejected", "free_text", rule), ("acked", None, {}),
        ("acked", None, {}),
    ]  # fmt: skip
    with written_in("en"):
        said = reason_in_words("free_text", rule, "")
    assert said.startswith("Closing a hazard never reported fixed needs a note in words")
    assert "为何无需复查" in reason_in_words("free_text", rule, "")


def test_a_household_member_named_with_an_emoji_or_a_tag_is_refused(make_device):
    """People (F11) saved 张😀三[/]: two Chinese characters, so the name rule took it. A
    name is letters, with · - ' . or spaces between its parts: the server refuses the
    rest by the same rule as the device (person_name), and takes 阿卜杜拉·艾力."""
    worker = make_device("insp").enroll("p-insp")

    def household(code: str, name: str) -> dict:
        return {"id": new_id(), "grid_code": "V1", "code": code, "vehicles": [],
                "updated_at": "2026-06-10T02:00:00Z", "updated_by": "p-insp",
                "members": [{"id": new_id(), "name": name, "tags": []}]}  # fmt: skip

    names = ("张😀三[/]", "张三[/]", "阿卜杜拉·艾力")
    ops = [worker.enqueue("household.upsert", household(f"DM-09{i}", name))
           for i, name in enumerate(names)]  # fmt: skip
    with worker.client() as client:
        client.sync_once()
    assert [_refusal(worker, op) for op in ops] == [
        ("rejected", "person_field", {"person": "张😀三[/]", "person_field": "name"}),
        ("rejected", "person_field", {"person": "张三[/]", "person_field": "name"}),
        ("acked", None, {}),
    ]


def test_a_hazard_description_longer_than_the_form_takes_is_refused(make_device, seed):
    """The device's hazard form takes a typed description of at most 100 characters (the
    notice's column); the server refuses a longer one, also one a person began "未达标："
    as the text a failure generates begins (the item is 灭火器过期 here, not what follows)."""
    inspector = make_device("insp").enroll("p-insp")
    typed = "二楼楼梯间堆放纸箱杂物" * 10
    descriptions = (typed[:101], typed[:100], "未达标：" + typed[:120])
    ops = []
    for description in descriptions:
        submit = inspection_submit(seed.venues["DM-0001"], "p-insp")
        submit["findings"][0]["description"] = description
        ops.append(inspector.enqueue("inspection.submit", submit))
    with inspector.client() as client:
        client.sync_once()
    assert [_refusal(inspector, op) for op in ops] == [
        ("rejected", "text_too_long",
         {"text_rule": "hazard_description", "most": "100", "length": "101"}),
        ("acked", None, {}),
        ("rejected", "text_too_long",
         {"text_rule": "hazard_description", "most": "100", "length": "114"}),
    ]  # fmt: skip


def test_a_generated_description_of_a_long_item_is_taken_and_a_typed_one_is_not(
    api, seed, tmp_path: Path
) -> None:
    """An item an office imported may be worded longer than a typed description may be
    (its import bounds it at 500): the text the device generates for it ("未达标：…", or
    "Not met: …" on an English screen) is taken, the item being the published one the
    inspection names; the same length typed after "未达标：" is refused."""
    wording = "旅馆每层疏散走道、楼梯间及安全出口保持畅通，未堆放杂物、未上锁、未被遮挡" * 3
    english = "Every floor's escape routes, stairs and exits kept clear, unlocked, unblocked"
    shipped = (ASSETS / "checklists" / "small_hotel.toml").read_text("utf-8")
    long_item = tmp_path / "small_hotel.toml"
    long_item.write_text(
        shipped.replace("version = 5", "version = 6", 1)
        .replace('zh = "灭火器配置数量达标"', f'zh = "{wording}"', 1)
        .replace('en = "Fire extinguishers present (count)"', f'en = "{english * 2}"', 1),
        "utf-8",
    )  # fmt: skip
    with server_db.current().connection_context():
        admin.publish_checklist(long_item)
    generated = (text_in("zh", "finding.not_met") or "").format(text=wording)
    typed = "未达标：" + ("二楼楼梯间堆放纸箱杂物" * 12)[: len(wording)]
    in_english = (text_in("en", "finding.not_met") or "").format(text=english * 2)
    ops = []
    for description in (generated, typed, in_english):
        submit = api.inspection()
        submit["inspection"]["checklist_version"] = 6
        submit["findings"][0]["description"] = description  # on COM-01
        ops.append(api.op("inspection.submit", submit))
    answers = api.answers(ops)
    assert len(generated) > 100 and len(typed) == len(generated) and len(in_english) > 100
    assert [a["status"] for a in answers] == ["applied", "rejected", "applied"], answers
    assert answers[1]["reason_code"] == "text_too_long", answers[1]


def test_a_household_number_or_building_with_an_emoji_is_refused(make_device):
    """The household form took 😀户号 and 楼😀 while the name field refuses emoji: the
    server refuses them by the device's rule, and takes a plain 3号楼 and T01-DM-017."""
    worker = make_device("insp").enroll("p-insp")

    def household(code: str, building: str) -> dict:
        return {"id": new_id(), "grid_code": "V1", "code": code, "building": building,
                "vehicles": [], "members": [], "updated_at": "2026-06-10T02:00:00Z",
                "updated_by": "p-insp"}  # fmt: skip

    ops = [worker.enqueue("household.upsert", household(code, building))
           for code, building in (("😀户号", "三组"), ("DM-1", "楼😀"), ("T01-DM-017", "3号楼"))]  # fmt: skip
    with worker.client() as client:
        client.sync_once()
    assert [_refusal(worker, op) for op in ops] == [
        ("rejected", "free_text", {"text_rule": "household_code"}),
        ("rejected", "free_text", {"text_rule": "household_building"}),
        ("acked", None, {}),
    ]
    said = reason_in_words("free_text", {"text_rule": "household_building"}, "")
    assert said == "楼栋/屯只能写文字、数字和标点，不能有表情符号或控制字符。"
