"""Messages for my inspections a supervisor returned: after a sync, on Home, their list."""

from __future__ import annotations

ZH: dict[str, str] = {
    "returned.item": "检查记录被退回：{code} {venue}（意见：{comment}）",
    "returned.sync_title": "主管退回了您的检查记录（{count} 条）：",
    "returned.hint": "请重新检查该场所，新的检查记录将取代被退回的那条；首页按 b 查看退回的记录。",
    "returned.notify_one": (
        "检查记录被退回：{code} {venue}（意见：{comment}）。请重新检查该场所；首页按 b 查看。"
    ),
    "returned.notify_many": "{count} 条检查记录被退回，首页按 b 查看。",
    "returned.home": "被退回待重新检查 {count} 条（b 查看）：{venues}",
    "returned.title": "被退回的检查记录（{count} 条），请重新检查这些场所",
    "returned.comment": "{venue}\n主管意见：{comment}",
    "returned.empty": "没有被退回待重新检查的记录。",
    "returned.col.submitted": "提交时间",
    "returned.col.venue": "场所",
    "returned.col.comment": "主管意见",
    "returned.subtitle": "被退回的检查",
    "binding.home.returned": "退回",
    "binding.home.returned.tip": "查看被主管退回、待重新检查的检查记录",
    "binding.returned.back": "返回",
    "binding.returned.back.tip": "关闭退回的检查记录，回到首页",
    "binding.returned.open": "查看记录",
    "binding.returned.open.tip": "查看光标所在的被退回的检查记录和主管意见",
    "binding.returned.inspect": "重新检查",
    "binding.returned.inspect.tip": "重新检查该场所：新的检查记录将取代被退回的那条",
    "returned.superseded_by": "已被 {submitted} {inspector} 的重新检查取代",
    "returned.supersedes": "重新检查：取代 {submitted} {inspector} 被退回的检查记录",
    "returned.open_hazards": (
        "被退回的检查记录仍有 {count} 条未关闭的隐患（{hazards}），"
        "它们不会因重新检查而关闭；同一隐患请勿重复登记。"
    ),
}

EN: dict[str, str] = {
    "returned.item": "Inspection returned: {code} {venue} (comment: {comment})",
    "returned.sync_title": "A supervisor returned your inspections ({count}):",
    "returned.hint": (
        "Inspect the venue again: the new inspection supersedes the returned one; "
        "b on Home lists the returns."
    ),
    "returned.notify_one": (
        "Inspection returned: {code} {venue} (comment: {comment}). "
        "Inspect the venue again; b on Home lists the returns."
    ),
    "returned.notify_many": "{count} inspections were returned; b on Home lists them.",
    "returned.home": "Returned, to inspect again: {count} (b lists them) — {venues}",
    "returned.title": "Returned inspections ({count}): inspect these venues again",
    "returned.comment": "{venue}\nGrid head's comment: {comment}",
    "returned.empty": "No returned inspection waits to be done again.",
    "returned.col.submitted": "Submitted",
    "returned.col.venue": "Venue",
    "returned.col.comment": "Comment",
    "returned.subtitle": "Returned inspections",
    "binding.home.returned": "Returned",
    "binding.home.returned.tip": "The inspections a supervisor returned, to be done again",
    "binding.returned.back": "Back",
    "binding.returned.back.tip": "Close the returned inspections and go back to Home",
    "binding.returned.open": "View record",
    "binding.returned.open.tip": "The returned inspection under the cursor with the comment",
    "binding.returned.inspect": "Inspect again",
    "binding.returned.inspect.tip": (
        "Inspect the venue again: the new inspection supersedes the returned one"
    ),
    "returned.superseded_by": "Superseded by the re-inspection of {submitted} by {inspector}",
    "returned.supersedes": (
        "Re-inspection: supersedes the returned inspection of {submitted} by {inspector}"
    ),
    "returned.open_hazards": (
        "Hazards still open on the returned inspection: {count} ({hazards}); the "
        "re-inspection does not close them. Do not record the same hazard twice."
    ),
}
