"""Messages for a patrol run of mine pulled while still open from another device of mine:
shown in progress there, never resumed here (`services.patrols.mine.open_elsewhere`),
unless taken over here (`services.patrols.take_over`) when that device is lost or broken."""

from __future__ import annotations

ZH: dict[str, str] = {
    "patrol.due.elsewhere": "另一设备进行中",  # the time-left column: 14 cells
    "patrol.refused.open_elsewhere": (
        "“{route}”正在你的另一台设备上进行，请在那台设备上继续并结束；"
        "那台设备丢失或损坏时，在巡逻（Ctrl+G）中选中它按回车接手。"
    ),
    "patrol.take_over.title": "“{route}”正在你的另一台设备上进行，在本机接手？",
    "patrol.take_over.body": (
        "那台设备丢失或损坏时才接手。服务器已收到的到点记录保留并计入，你在本机继续走完并结束。"
        "那台设备在本机同步之前发出的到点记录仍计入；"
        "本机同步之后，它再发出的记录和结束会被服务器拒收，不计入。"
    ),
    "patrol.take_over.yes": "在本机接手",
    # fieldapp admin patrol-close: the office closes a run nobody will finish
    "patrol.close.done": "已按中断关闭：{route} {day} {window}，{person}，服务器已收到到点 {visits} 个",
    "patrol.close.none": "{route} {day} {window} 没有进行中的巡逻，无需关闭",
    "patrol.close.unknown_route": "没有编号为 {route} 的巡逻路线",
    "patrol.close.no_such_window": "巡逻路线 {route} 没有时段 {window}：它的时段是 {windows}",
}

EN: dict[str, str] = {
    "patrol.due.elsewhere": "on other device",  # in progress there; fits the column
    "patrol.refused.open_elsewhere": (
        "'{route}' is in progress on another device of yours; continue and finish it there. "
        "If that device is lost or broken, highlight it in Patrols (Ctrl+G) and press Enter "
        "to take it over."
    ),
    "patrol.take_over.title": "'{route}' is in progress on another device of yours. Take it "
    "over here?",
    "patrol.take_over.body": (
        "Take it over only if that device is lost or broken. The visits the server has "
        "received are kept and count; you walk and finish the run here. What that device sends "
        "before this device syncs still counts; once this device has synced, the server "
        "refuses that device's visits and its finish, and they do not count."
    ),
    "patrol.take_over.yes": "Take over here",
    "patrol.close.done": (
        "Closed as abandoned: {route} {day} {window}, {person}; visits received: {visits}"
    ),
    "patrol.close.none": "{route} {day} {window} has no run in progress; nothing to close",
    "patrol.close.unknown_route": "There is no patrol route with the code {route}",
    "patrol.close.no_such_window": "Patrol route {route} has no window {window}: its windows are {windows}",
}
