"""Messages for the records the server refused to create (an inspection, an incident, an
activity, a patrol run, a household created on this device):
their mark in lists and records, and sending them again or discarding them."""

from __future__ import annotations

ZH = {
    "refused.mark": "服务器拒收",
    "refused.why": "服务器拒收：{reason}",
    "refused.mark_col": "服务器拒收",
    "refused.record": "服务器拒收，未入档：{reason}",
    "refused.subject.inspection": "{venue}（{code}）{at} 的检查",
    "refused.subject.incident": "{at} 的{category}事件",
    "refused.subject.activity": "{held_on} 的{name}（{grid}）",
    "refused.subject.patrol_run": "{day} {window} {route}的巡逻",
    "refused.subject.household": "住户 {household}（{grid}）",
    "refused.discard.title.inspection": "丢弃这次被拒收的检查？",
    "refused.discard.title.incident": "丢弃这个被拒收的事件？",
    "refused.discard.title.activity": "丢弃这次被拒收的活动？",
    "refused.discard.title.patrol_run": "丢弃这次被拒收的巡逻？",
    "refused.discard.title.household": "丢弃这户被拒收的住户登记？",
    "refused.discard.body.inspection": (
        "将从本机删除{what}，连同它的全部回答和隐患。服务器上没有这条记录，删除后不能恢复。"
    ),
    "refused.discard.body.incident": (
        "将从本机删除 {what}，连同它的处理记录。服务器上没有这条记录，删除后不能恢复。"
    ),
    "refused.discard.body.activity": (
        "将从本机删除 {what}，连同它的地点、人数和纪要。服务器上没有这条记录，删除后不能"
        "恢复，这项活动仍算未做。"
    ),
    "refused.discard.body.patrol_run": (
        "将从本机删除 {what}，连同它的全部签到。服务器上没有这条记录，删除后不能恢复，"
        "这个时段仍算未巡逻。"
    ),
    "refused.discard.body.household": (
        "将从本机删除{what}，连同户内人员、车辆、包保和随访。服务器上没有这户，删除后不能恢复。"
    ),
    "refused.discard.yes": "丢弃",
    "refused.sent_again": "已放回待上报队列，下次同步时重新上报。",
    "refused.discarded": "已从本机删除。",
    "refused.gone": "这条记录已不是拒收状态（已重新上报或已丢弃）。",
    "binding.refused.send_again": "重新上报",
    "binding.refused.send_again.tip": "原因改正后（如管理员已分配网格），把这条被拒收的记录重新上报",
    "binding.refused.discard": "丢弃",
    "binding.refused.discard.tip": "从本机删除这条被拒收的记录（先询问）",
}

EN = {
    "refused.mark": "Refused by server",
    "refused.why": "{reason}",  # beside the "Refused" column: 80 columns hold the reason whole
    "refused.mark_col": "Refused",
    "refused.record": "Refused by the server, not on record: {reason}",
    "refused.subject.inspection": "the inspection of {venue} ({code}) at {at}",
    "refused.subject.incident": "the {category} incident of {at}",
    "refused.subject.activity": "the {name} held on {held_on} ({grid})",
    "refused.subject.patrol_run": "the patrol of {route} on {day} {window}",
    "refused.subject.household": "household {household} ({grid})",
    "refused.discard.title.inspection": "Discard this refused inspection?",
    "refused.discard.title.incident": "Discard this refused incident?",
    "refused.discard.title.activity": "Discard this refused activity?",
    "refused.discard.title.patrol_run": "Discard this refused patrol?",
    "refused.discard.title.household": "Discard this refused household?",
    "refused.discard.body.inspection": (
        "This deletes {what} from this device, with all its answers and hazards. The server "
        "has no copy; it cannot be undone."
    ),
    "refused.discard.body.incident": (
        "This deletes {what} from this device, with its history. The server has no copy; "
        "it cannot be undone."
    ),
    "refused.discard.body.activity": (
        "This deletes {what} from this device, with its place, attendance and minutes. The "
        "server has no copy; it cannot be undone, and the activity is still due."
    ),
    "refused.discard.body.patrol_run": (
        "This deletes {what} from this device, with all its check-ins. The server has no "
        "copy; it cannot be undone, and its window counts as not done."
    ),
    "refused.discard.body.household": (
        "This deletes {what} from this device, with its people, vehicles, cadres and "
        "follow-ups. The server has no copy; it cannot be undone."
    ),
    "refused.discard.yes": "Discard",
    "refused.sent_again": "Queued again: it is sent with the next sync.",
    "refused.discarded": "Deleted from this device.",
    "refused.gone": "This record is no longer refused (sent again or discarded).",
    "binding.refused.send_again": "Send again",
    "binding.refused.send_again.tip": (
        "Once the cause is fixed (e.g. the administrator assigned the grid), send this "
        "refused record again"
    ),
    "binding.refused.discard": "Discard",
    "binding.refused.discard.tip": "Delete this refused record from this device (asks first)",
}
