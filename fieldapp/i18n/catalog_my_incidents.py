"""Messages for the incidents a person reported (我上报的事件, F3 for an inspector)."""

from __future__ import annotations

ZH: dict[str, str] = {
    "my_incidents.title": "我上报的事件",
    "my_incidents.title_paged": "我上报的事件 · 第 {page}/{pages} 页，共 {count} 起",
    "my_incidents.empty": "您还没有上报过事件；按 F4 上报。",
    "my_incidents.detail": "{place} · 证据 {evidence}",
    "binding.app.my_incidents": "我的事件",
    "binding.app.my_incidents.tip": "查看我上报的事件及其处理进展：指派、移交、处理结果、结案",
    "binding.my_incidents.back": "返回",
    "binding.my_incidents.back.tip": "关闭我上报的事件，回到上一界面",
    "binding.my_incidents.view": "查看",
    "binding.my_incidents.view.tip": "查看光标所在事件的全部内容：经过、涉及人员、证据、处理经过",
    "binding.my_incidents.next_page": "下一页",
    "binding.my_incidents.next_page.tip": "显示更早上报的事件",
    "binding.my_incidents.prev_page": "上一页",
    "binding.my_incidents.prev_page.tip": "显示较晚上报的事件",
}

EN: dict[str, str] = {
    "my_incidents.title": "My incidents",
    "my_incidents.title_paged": "My incidents · page {page}/{pages}, {count} in all",
    "my_incidents.empty": "You have not reported any incident yet; F4 reports one.",
    "my_incidents.detail": "{place} · {evidence}",
    "binding.app.my_incidents": "My incidents",
    "binding.app.my_incidents.tip": (
        "The incidents I reported and how far they have got: assigned, handed over, outcome, closed"
    ),
    "binding.my_incidents.back": "Back",
    "binding.my_incidents.back.tip": "Close my incidents and go back",
    "binding.my_incidents.view": "View",
    "binding.my_incidents.view.tip": (
        "Show the highlighted incident in full: what happened, people, evidence, history"
    ),
    "binding.my_incidents.next_page": "Next page",
    "binding.my_incidents.next_page.tip": "Show incidents reported earlier",
    "binding.my_incidents.prev_page": "Prev page",
    "binding.my_incidents.prev_page.tip": "Show incidents reported later",
}
