"""Why Enter on the patrols' due list (ctrl+g) starts nothing, beside the window walked
and the campaign off (catalog_patrol): my route near its window begins on a later day,
or no route is assigned to me and the attendance below is others'."""

from __future__ import annotations

ZH: dict[str, str] = {
    "patrol.due.begins": "{route}从 {day} 起才开始巡逻",
    "patrol.due.not_begun": (
        "现在没有可以开始的巡逻：{routes}。在此之前的巡逻列为“开始前巡逻”，不算应巡，也不算漏岗。"
    ),
    "patrol.due.none_assigned": (
        "现在没有可以开始的巡逻：没有分派给您的巡逻路线；下面的出勤表是您网格内其他人的巡逻。"
    ),
}

EN: dict[str, str] = {
    "patrol.due.begins": "{route} is patrolled only from {day}",
    "patrol.due.not_begun": (
        "No patrol can start now: {routes}. A run before then is listed as before the "
        "route's start; it counts neither as due nor as missed."
    ),
    "patrol.due.none_assigned": (
        "No patrol can start now: no route is assigned to you; the attendance below is "
        "of others' patrols in your grids."
    ),
}
