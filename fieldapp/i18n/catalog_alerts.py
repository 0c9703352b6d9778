"""`fieldapp admin alerts …`: alert rules and the alert outbox."""

ZH = {
    "alerts.rule_added": "已添加提醒规则 #{id}：{grid} 的“{trigger}”发送到 {channel}。",
    "alerts.rule_disabled": "提醒规则 #{id} 已停用。",
    "alerts.rule_unknown": "没有提醒规则 #{id}；用 `fieldapp admin alerts rules` 查看已有规则。",
    "alerts.no_rules": "还没有提醒规则；用 `fieldapp admin alerts add-rule` 添加。",
    "alerts.summary": "提醒：已发送 {sent} 条 · 待发送 {pending} 条 · 发送失败 {failed} 条",
    "alerts.none": "还没有提醒消息。",
    "alerts.round": "本轮：已发送 {sent} 条，发送未成功 {failed} 条（稍后重试）。",
    "alerts.retried": "{count} 条发送失败的提醒将重新发送。",
    "alerts.state.sent": "已发送",
    "alerts.state.pending": "待发送",
    "alerts.state.failed": "失败",
    "alerts.trigger.major_hazard": "重大隐患",
    "alerts.trigger.hazard_overdue": "隐患逾期",
    "alerts.trigger.report_missing": "日报未报",
}

EN = {
    "alerts.rule_added": "Added alert rule #{id}: '{trigger}' in {grid} goes to {channel}.",
    "alerts.rule_disabled": "Alert rule #{id} disabled.",
    "alerts.rule_unknown": "There is no alert rule #{id}; `fieldapp admin alerts rules` lists them.",
    "alerts.no_rules": "No alert rules yet; add one with `fieldapp admin alerts add-rule`.",
    "alerts.summary": "Alerts: {sent} sent · {pending} pending · {failed} failed",
    "alerts.none": "No alert messages yet.",
    "alerts.round": "This round: {sent} sent, {failed} not delivered (retried later).",
    "alerts.retried": "{count} failed alerts will be sent again.",
    "alerts.retried_one": "1 failed alert will be sent again.",
    "alerts.state.sent": "sent",
    "alerts.state.pending": "pending",
    "alerts.state.failed": "failed",
    "alerts.trigger.major_hazard": "major hazard",
    "alerts.trigger.hazard_overdue": "hazard overdue",
    "alerts.trigger.report_missing": "daily report missing",
}
