"""Messages for a supervisor closing a patrol run of their grids left open on a lost or
broken device (`services.patrols.close`, the `patrol_run.close` op): the key and dialog on
the patrols screen, why the device will not queue it, and the run read as closed."""

from __future__ import annotations

ZH: dict[str, str] = {
    "binding.attendance.close_run": "关闭巡逻",
    "binding.attendance.close_run.tip": "按中断关闭光标所在时段在另一台设备上进行中的巡逻",
    "binding.patrol_close.save": "关闭巡逻",
    "binding.patrol_close.cancel": "取消",
    "patrol.close_run.title": "按中断关闭“{route}”{day} {window}（{walker}）？",
    "patrol.close_run.body": (
        "只在那台设备丢失或损坏、巡逻人员又没有别的设备接手时关闭。"
        "服务器已收到的到点记录计入考勤，这次巡逻按现状结束；"
        "那台设备以后发出的到点记录和结束会被服务器拒收，并注明原因。"
        "关闭在下次同步时发出，会记入审计日志，记为你关闭。"
    ),
    "patrol.close_run.reason": "关闭原因：",
    "patrol.close_run.hint": "如：手机丢失，无备用设备",
    "patrol.close_run.yes": "关闭巡逻",
    "patrol.close_run.queued": "已记下关闭“{route}”{window}，下次同步时发出",
    "patrol.close_run.waiting": "关闭已记下，等待同步",
    "patrol.close_run.by_supervisor": "已由网格长{supervisor}按中断关闭",
    "patrol.close_run.by_office": "已由办公室按中断关闭",
    "patrol.refused.closed_by_supervisor": (
        "“{route}”这次巡逻已由网格长{supervisor}按中断关闭，不能再继续；"
        "服务器收到的到点记录计入考勤，本机在关闭后发出的不计入。"
    ),
    "patrol.close_run.refused.role": "只有网格长能关闭别人的巡逻",
    "patrol.close_run.refused.not_open": "这次巡逻不在另一台设备上进行，无需关闭",
    "patrol.close_run.refused.waiting": "这次巡逻的关闭已记下，等待同步，无需再关闭",
}

EN: dict[str, str] = {
    "binding.attendance.close_run": "Close run",
    "binding.attendance.close_run.tip": (
        "Close as abandoned the run of the window under the cursor, open on another device"
    ),
    "binding.patrol_close.save": "Close run",
    "binding.patrol_close.cancel": "Cancel",
    "patrol.close_run.title": "Close '{route}' {day} {window} ({walker}) as abandoned?",
    "patrol.close_run.body": (
        "Close it only if that device is lost or broken and its walker has no other device "
        "to take it over on. The visits the server has received count and the run ends as "
        "it stands; the server refuses what that device sends later, with the reason. The "
        "close is sent with the next sync and recorded in the audit trail as yours."
    ),
    "patrol.close_run.reason": "Why:",
    "patrol.close_run.hint": "e.g. phone lost, no other device",
    "patrol.close_run.yes": "Close run",
    "patrol.close_run.queued": "Closing '{route}' {window}: sent with the next sync",
    "patrol.close_run.waiting": "Close recorded, waiting to sync",
    "patrol.close_run.by_supervisor": "Closed as abandoned by grid head {supervisor}",
    "patrol.close_run.by_office": "Closed as abandoned by the office",
    "patrol.refused.closed_by_supervisor": (
        "'{route}' was closed as abandoned by grid head {supervisor} and cannot go on. The "
        "visits the server received count; those this device sent after the close do not."
    ),
    "patrol.close_run.refused.role": "Only a grid head can close another person's run",
    "patrol.close_run.refused.not_open": "This run is not in progress on another device; "
    "there is nothing to close",
    "patrol.close_run.refused.waiting": "This run's close is recorded and waits for the next "
    "sync; it needs no second close",
}
