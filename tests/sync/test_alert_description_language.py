"""The office's robot messages are written in Chinese: a hazard description a device
generated in English for an empty description ("Not met: …", an inspector whose screen
speaks English) is said there in Chinese ("未达标：…"), from the published checklist the
inspection used; typed text is sent as typed, and the stored description is unchanged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sync_world import inspection_submit

from fieldapp.i18n import text_in
from sync.server import admin
from sync.server import db as server_db
from sync.server.admin_models import AlertMessage
from sync.server.alerts import channels
from sync.server.alerts.notice import notice_clock
from sync.server.alerts.rules import add_rule
from sync.server.models import Finding

ASSETS = Path(__file__).resolve().parents[2] / "assets"
CHECKLIST = ASSETS / "checklists" / "small_hotel.toml"
SMALL_SHOP = ASSETS / "checklists" / "small_shop.toml"
SPRING_FESTIVAL = ASSETS / "campaigns" / "spring_festival.toml"
ENGLISH = (text_in("en", "finding.not_met") or "").format(text="Fire extinguishers present (count)")
CHINESE = (text_in("zh", "finding.not_met") or "").format(text="灭火器配置数量达标")
TYPED = "Exit blocked by boxes"


def test_an_overdue_alert_says_an_english_generated_description_in_chinese(api, seed) -> None:
    with server_db.current().connection_context():
        admin.publish_checklist(CHECKLIST)  # small_hotel v5: COM-01 灭火器配置数量达标
    payload = inspection_submit(seed.venues["DM-0001"], "p-insp", findings=2)
    payload["inspection"]["checklist_version"] = 5
    payload["findings"][0]["description"] = ENGLISH  # COM-01, left empty on an English screen
    payload["findings"][1]["description"] = TYPED  # COM-02
    [answer] = api.answers([api.op("inspection.submit", payload)])
    assert answer["status"] == "applied", answer
    with server_db.current().connection_context():
        add_rule("T1", "hazard_overdue", "webhook", "http://127.0.0.1:9/robot")
        assert notice_clock(dt.datetime(2026, 6, 21, 9, 0, tzinfo=dt.UTC)) == 2
        facts = {m.facts["item_code"]: m.facts for m in AlertMessage.select()}
        stored = {f.item_code: f.description for f in Finding.select()}
    assert facts["COM-01"]["description"] == CHINESE
    assert facts["COM-02"]["description"] == TYPED
    assert f"情况：{CHINESE}" in channels.text("hazard_overdue", facts["COM-01"])
    assert stored == {"COM-01": ENGLISH, "COM-02": TYPED}


def test_a_campaign_item_s_english_generated_description_is_said_in_chinese(api, seed) -> None:
    """A campaign's item is not in the checklist: its generated text was sent as recorded
    ("Not met: No fireworks sold or stored against the ban" in a Chinese message)."""
    from sync.server.campaigns import publish_campaign

    with server_db.current().connection_context():
        admin.publish_checklist(SMALL_SHOP)
        campaign, _new = publish_campaign(SPRING_FESTIVAL)
    english = (text_in("en", "finding.not_met") or "").format(
        text="No fireworks sold or stored against the ban"
    )
    chinese = (text_in("zh", "finding.not_met") or "").format(text="无违规销售、储存烟花爆竹")
    payload = inspection_submit(seed.venues["DM-0002"], "p-insp")  # a small shop in V1
    payload["inspection"] |= {"checklist_id": "small_shop", "checklist_version": 5}
    payload["inspection"]["summary"]["campaigns"] = [
        {"code": "spring_festival", "version": campaign.version, "phase": "禁燃期"}
    ]
    payload["answers"][0]["item_code"] = payload["findings"][0]["item_code"] = "SPF-01"
    payload["findings"][0]["description"] = english
    [answer] = api.answers([api.op("inspection.submit", payload)])
    assert answer["status"] == "applied", answer
    with server_db.current().connection_context():
        add_rule("T1", "hazard_overdue", "webhook", "http://127.0.0.1:9/robot")
        assert notice_clock(dt.datetime(2026, 6, 21, 9, 0, tzinfo=dt.UTC)) == 1
        [facts] = [m.facts for m in AlertMessage.select()]
        assert Finding.get().description == english  # stored as recorded
    assert facts["item_code"] == "SPF-01" and facts["description"] == chinese
    assert f"情况：{chinese}" in channels.text("hazard_overdue", facts)
