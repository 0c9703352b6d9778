"""Messages for the records the server refused (sync screen, status line): what each op
is, in words, and what the person can do about a refusal."""

from __future__ import annotations

ZH = {
    "sync_ui.op.inspection.submit": "检查记录",
    "sync_ui.op.inspection.review": "检查记录审阅",
    "sync_ui.op.finding.event": "隐患处理",
    "sync_ui.op.daily_report.submit": "日报",
    "sync_ui.op.export.recorded": "导出记录",
    "sync_ui.op.incident.event": "事件处理",
    "sync_ui.op.incident.event.reported": "上报事件",
    "sync_ui.op.household.upsert": "住户登记",
    "sync_ui.op.personal_data.reveal": "查看个人信息记录",
    "sync_ui.op.person.merge": "人员合并",
    "sync_ui.op.personal_data.export": "个人信息导出记录",
    "sync_ui.op.followup.plan": "随访计划",
    "sync_ui.op.followup.reading": "随访记录",
    "sync_ui.op.followup_case.event": "随访个案处理",
    "sync_ui.op.activity.record": "活动记录",
    "sync_ui.op.patrol_run.submit": "巡逻记录",
    "sync_ui.op.patrol_run.visit": "巡逻到点记录",
    "sync_ui.op.patrol_run.take_over": "接手巡逻",
    "sync_ui.op.patrol_run.close": "关闭巡逻",
    "sync_ui.op.campaign.switch": "专项行动开关",
    "sync_ui.op.venue.attributes": "场所信息更正",
    "sync_ui.refused.item": "#{seq} {what}（{at} 被拒收）：{reason}",
    "sync_ui.refused.item_undated": "#{seq} {what}：{reason}",
    "sync_ui.refused.hint": (
        "这些记录服务器不会接收，本机仍保留。请按原因改正或联系管理员；看过后按 d 标为已读。"
        "被拒收的检查和事件在场所的检查记录和“我上报的事件”里标为服务器拒收，可按 r 重新上报或按 x 丢弃。"
    ),
    "sync_ui.done.nothing_new": "全部已上报，本次没有新记录需要同步。",
    "sync_ui.done.nothing_new_since": "全部已上报：最近的记录已于 {at} 由自动同步或之前的同步发送，本次没有新记录需要同步。",
    "sync_ui.incomplete.head": "同步未全部完成：上报 {pushed} 条，下载 {pulled} 条；",
    "sync_ui.incomplete.refused": "{count} 条被服务器拒收（见下）",
    "sync_ui.incomplete.waiting": "还有 {count} 条等待上报",
    "sync_ui.incomplete.errors": "出现错误（见下）",
    "sync_ui.incomplete.sep": "，",
    "sync_ui.incomplete.end": "。",
    "sync_ui.acknowledged": "已标为已读：{count} 条。记录仍保留在本机。",
    "home.refused": "{count} 条被服务器拒收",
    "binding.sync.acknowledge": "已读",
    "binding.sync.acknowledge.tip": "把列出的拒收记录标为已读（记录仍保留在本机）",
}

EN = {
    "sync_ui.op.inspection.submit": "Inspection",
    "sync_ui.op.inspection.review": "Inspection review",
    "sync_ui.op.finding.event": "Hazard update",
    "sync_ui.op.daily_report.submit": "Daily report",
    "sync_ui.op.export.recorded": "Export record",
    "sync_ui.op.incident.event": "Incident update",
    "sync_ui.op.incident.event.reported": "Incident reported",
    "sync_ui.op.household.upsert": "Household registration",
    "sync_ui.op.personal_data.reveal": "Personal data viewed",
    "sync_ui.op.person.merge": "People merged",
    "sync_ui.op.personal_data.export": "Personal data export",
    "sync_ui.op.followup.plan": "Follow-up plan",
    "sync_ui.op.followup.reading": "Follow-up visit",
    "sync_ui.op.followup_case.event": "Follow-up case update",
    "sync_ui.op.activity.record": "Activity record",
    "sync_ui.op.patrol_run.submit": "Patrol run",
    "sync_ui.op.patrol_run.visit": "Patrol checkpoint visit",
    "sync_ui.op.patrol_run.take_over": "Patrol run taken over",
    "sync_ui.op.patrol_run.close": "Patrol run closed",
    "sync_ui.op.campaign.switch": "Campaign switch",
    "sync_ui.op.venue.attributes": "Venue correction",
    "sync_ui.refused.item": "#{seq} {what} (refused {at}): {reason}",
    "sync_ui.refused.item_undated": "#{seq} {what}: {reason}",
    "sync_ui.refused.hint": (
        "The server will not take these; they stay on this device. Fix what the reason says "
        "or ask your administrator; press d once read. A refused inspection or incident is "
        "marked in the venue's history and in My incidents, where r sends it again and x "
        "discards it."
    ),
    "sync_ui.done.nothing_new": "Everything was already sent; nothing new this time.",
    "sync_ui.done.nothing_new_since": (
        "Everything was already sent: the latest went at {at}, by the automatic sync or an"
        " earlier one; nothing new this time."
    ),
    "sync_ui.incomplete.head": "Sync not complete: {pushed} sent, {pulled} received; ",
    "sync_ui.incomplete.refused": "{count} refused by the server (below)",
    "sync_ui.incomplete.waiting": "{count} still waiting to be sent",
    "sync_ui.incomplete.errors": "an error occurred (below)",
    "sync_ui.incomplete.sep": ", ",
    "sync_ui.incomplete.end": ".",
    "sync_ui.acknowledged": "Marked read: {count}. The records stay on this device.",
    "home.refused": "{count} refused by the server",
    "binding.sync.acknowledge": "Read",
    "binding.sync.acknowledge.tip": "Mark the refused records listed as read (they stay on this device)",
}
