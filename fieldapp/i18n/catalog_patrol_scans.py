"""Messages of a placard scanned or typed around a patrol run: a checkpoint's code typed
outside the run's screen while the run is in progress, and a checkpoint reached out of
the route's order."""

from __future__ import annotations

ZH: dict[str, str] = {
    "patrol.scan.typed_in_run": (
        "{code} 是进行中巡逻的点位，手输编号不能证明到点：请回到巡逻（Ctrl+G），"
        "扫描点位标牌，或按 m 手工登记并说明原因。"
    ),
    # after 已签到：…, on a route walked in order: the scan is recorded all the same
    "patrol.scan.out_of_order": "（未按顺序：{points} 还没到，本路线要求按顺序巡逻）",
}

EN: dict[str, str] = {
    "patrol.scan.typed_in_run": (
        "{code} is a checkpoint of the patrol in progress, and a typed code does not prove a "
        "visit: go back to the patrol (Ctrl+G) and scan its placard, or press m to record "
        "it by hand and say why."
    ),
    "patrol.scan.out_of_order": (
        " (out of order: {points} not visited yet; this route is walked in order)"
    ),
}
