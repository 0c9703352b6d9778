"""Messages for moving between places (where Esc goes back to, an inspection left open) and
for what a dialog cannot do yet (a reason not chosen, an action the state refuses)."""

from __future__ import annotations

ZH: dict[str, str] = {
    "nav.back_to": "返回{place}",
    "nav.place.home": "首页",
    "nav.place.inspection": "检查",
    "nav.place.summary": "检查汇总",
    "nav.left_as_draft": "{venue} 的检查已存为草稿，可在首页继续",
    "presence.choose_reason": "请先选择没有扫码的原因（上下键选择，回车确认）。",
    "inspect.failure_withdrawn": "已取消：{code} 未记录隐患，恢复为未回答",
    "inspect.failure_withdrawn_restored": "已取消：{code} 未记录隐患，恢复为原来的答案",
    "inspect.finished.next": "全部 {count} 项已作答。按 F10（或 s）查看汇总、请负责人确认并提交。",
    "inspect.finished.next_in_field": "全部 {count} 项已作答。按 F10 查看汇总、请负责人确认并提交。",
}

EN: dict[str, str] = {
    "nav.back_to": "Back to {place}",
    "nav.place.home": "Home",
    "nav.place.inspection": "Inspection",
    "nav.place.summary": "Summary",
    "nav.left_as_draft": "The inspection of {venue} is kept as a draft; continue it from Home",
    "presence.choose_reason": "Choose why there was no scan first (Up/Down to choose, Enter).",
    "inspect.failure_withdrawn": "Cancelled: no hazard recorded for {code}; it is unanswered again",
    "inspect.failure_withdrawn_restored": "Cancelled: no hazard recorded for {code}; its earlier answer is back",
    "inspect.finished.next": "All {count} items answered. F10 (or s) shows the summary to confirm and submit.",
    "inspect.finished.next_one": "The only item is answered. F10 (or s) shows the summary to confirm and submit.",
    "inspect.finished.next_in_field": "All {count} items answered. F10 shows the summary to confirm and submit.",
    "inspect.finished.next_in_field_one": "The only item is answered. F10 shows the summary to confirm and submit.",
}
