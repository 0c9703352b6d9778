"""The office's command line (`fieldapp admin …`, `fieldapp demo`): refusals, column
headers and confirmations its commands print."""

from __future__ import annotations

ZH: dict[str, str] = {
    "patrol.attendance.col.grid": "网格",
    "patrol.attendance.col.late": "迟到点位",
    "admin.enroll.no_person": "没有编号为 {person} 的人员：请检查编号，或先用 fieldapp admin import-people 导入人员",
    "campaign.admin.dates": "{starts} 至 {ends}",
    "campaign.admin.dates_from": "{starts} 起，不设结束日期",
    "campaign.admin.dates_until": "至 {ends}，不设开始日期",
    "campaign.admin.dates_none": "不限日期",
    "admin.retention.would": "将按保存期限删除：{counts}（{kept}）。服务器和各设备都会删除，无法恢复。",
    "admin.retention.confirm": "确定删除吗？",
    "admin.retention.not_deleted": "未删除任何记录。",
    "admin.retention.nothing": "没有超过保存期限的记录（{kept}），未删除任何记录。",
    "demo.workspace.reused": "示例工作区：{home}（沿用已有的示例数据，以{role}身份使用）",
    "demo.workspace.built": "示例工作区：{home}\n  {counts}（逾期 {overdue} 处）；用时 {seconds} 秒，以{role}身份使用",
    "demo.workspace.count.venues": "场所 {count} 家",
    "demo.workspace.count.inspections": "检查记录 {count} 条",
    "demo.workspace.count.answers": "答题 {count} 条",
    "demo.workspace.count.open_findings": "未整改隐患 {count} 处",
}

EN: dict[str, str] = {
    "patrol.attendance.col.grid": "Grid",
    "patrol.attendance.col.late": "Late checkpoints",
    "admin.enroll.no_person": "There is no person with id {person}: check the id, or import people first with fieldapp admin import-people",
    "campaign.admin.dates": "{starts} to {ends}",
    "campaign.admin.dates_from": "from {starts}, no end date",
    "campaign.admin.dates_until": "until {ends}, no start date",
    "campaign.admin.dates_none": "no dates set",
    "admin.retention.would": (
        "Past retention and to be deleted: {counts} ({kept}). The server and every device "
        "delete them; they cannot be brought back."
    ),
    "admin.retention.confirm": "Delete them?",
    "admin.retention.not_deleted": "Nothing was deleted.",
    "admin.retention.nothing": "Nothing is past retention ({kept}); nothing was deleted.",
    "demo.workspace.reused": "Demo workspace: {home} (reused, acting as {role})",
    "demo.workspace.built": (
        "Demo workspace: {home}\n  {counts} ({overdue} overdue); built in {seconds} s, "
        "acting as {role}"
    ),
    "demo.workspace.count.venues": "{count} venues",
    "demo.workspace.count.venues_one": "1 venue",
    "demo.workspace.count.inspections": "{count} inspections",
    "demo.workspace.count.inspections_one": "1 inspection",
    "demo.workspace.count.answers": "{count} answers",
    "demo.workspace.count.answers_one": "1 answer",
    "demo.workspace.count.open_findings": "{count} open hazards",
    "demo.workspace.count.open_findings_one": "1 open hazard",
}
