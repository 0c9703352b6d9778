"""Messages of a patrol run before its route's start (kept, sent and listed as early,
neither due nor missed): what it did not visit is said as not visited, not as missed
posts (漏岗), when it is finished and once it is."""

from __future__ import annotations

ZH: dict[str, str] = {
    "patrol.run.not_visited_mark": "未到",
    "patrol.run.not_visited": "未到 {left}/{total} 个：{points}",
    "patrol.run.finish_confirm_early": (
        "还有 {count} 个点位未到，确定结束巡逻吗？这次是开始前巡逻，不计入考勤，未到的点位不算漏岗。"
    ),
}

EN: dict[str, str] = {
    "patrol.run.not_visited_mark": "Not visited",
    "patrol.run.not_visited": "{left} of {total} not visited: {points}",
    "patrol.run.finish_confirm_early": (
        "{count} checkpoints are not visited. Finish anyway? This run is before the route's "
        "start: it is not counted, and they are not missed posts."
    ),
    "patrol.run.finish_confirm_early_one": (
        "1 checkpoint is not visited. Finish anyway? This run is before the route's start: "
        "it is not counted, and it is not a missed post."
    ),
}
