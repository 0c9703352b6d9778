"""The hand-over letter of incidents (事件移交抄告单): its title, addressee, body, fields
and columns, and what is said when one cannot be made."""

from __future__ import annotations

ZH: dict[str, str] = {
    "incident.letter.title": "事件移交抄告单",
    "incident.letter.to": "{unit}：",
    "incident.letter.body": "下列事件经我办网格员现场发现并上报，现依照网格化管理规定移交贵单位依法处理，请将处理结果反馈我办。",
    "incident.letter.unit": "接收单位",
    "incident.letter.reference": "移交文号",
    "incident.letter.date": "移交日期",
    "incident.letter.people": "涉及人员",
    "incident.letter.note": "移交说明",
    "incident.letter.col.no": "序号",
    "incident.letter.col.when_where": "时间地点",
    "incident.letter.col.what": "事件情况",
    "incident.letter.col.evidence": "证据",
    "incident.letter.col.history": "处理经过",
    "incident.letter.from": "移交单位：{office}",
    "incident.letter.office": "镇网格办",
    "incident.letter.handler": "经办人：{name}",
    "incident.letter.sign_receiver": "接收单位（签收）：",
    "incident.letter.sign_date": "签收日期：",
    "incident.letter.none": "请至少选择一条事件。",
    "incident.letter.not_handed_over": "事件（{incident}）尚未移交，不能出具移交单：请先按 h 移交。",
    "incident.letter.mixed": "所选事件的接收单位或文号不同，请按同一次移交分别打印。",
    "incident.letter.written": "移交抄告单已保存：{path}",
}

EN: dict[str, str] = {
    "incident.letter.title": "Incident hand-over letter",
    "incident.letter.to": "To {unit}:",
    "incident.letter.body": (
        "The incidents below were found and reported by our grid staff. Under the "
        "grid-management rules we hand them over for legal handling; please tell us the "
        "outcome."
    ),
    "incident.letter.unit": "Receiving unit",
    "incident.letter.reference": "Reference",
    "incident.letter.date": "Date",
    "incident.letter.people": "People involved",
    "incident.letter.note": "Hand-over note",
    "incident.letter.col.no": "No.",
    "incident.letter.col.when_where": "When and where",
    "incident.letter.col.what": "What happened",
    "incident.letter.col.evidence": "Evidence",
    "incident.letter.col.history": "History",
    "incident.letter.from": "From: {office}",
    "incident.letter.office": "Town grid office",
    "incident.letter.handler": "Handled by: {name}",
    "incident.letter.sign_receiver": "Received by (signature):",
    "incident.letter.sign_date": "Date received:",
    "incident.letter.none": "Choose at least one incident.",
    "incident.letter.not_handed_over": (
        "The incident ({incident}) is not handed over yet, so there is no letter: hand it "
        "over first (h)."
    ),
    "incident.letter.mixed": (
        "The chosen incidents went to different units or under different references; print "
        "one letter per hand-over."
    ),
    "incident.letter.written": "Hand-over letter saved: {path}",
}
