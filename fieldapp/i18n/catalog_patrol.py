"""Messages for patrols (巡逻): runs, checkpoints, their short forms, attendance."""

from __future__ import annotations

ZH: dict[str, str] = {
    # refusals
    "patrol.refused.no_route": "找不到这条巡逻路线，请同步后再试",
    "patrol.refused.not_due": "“{route}”现在不在巡逻时段内（时段开始前半小时起可以开始）",
    "patrol.refused.other_open": "还有一次巡逻没有结束，请先结束它",
    "patrol.refused.no_run": "找不到这次巡逻",
    "patrol.refused.finished": "这次巡逻已经结束并提交，不能再修改",
    "patrol.refused.not_on_route": "这个点位不在本路线上",
    "patrol.refused.no_scan": "请先扫描或登记一个点位",
    # scans
    "patrol.scan.ok": "已签到：{checkpoint}",
    "patrol.scan.again": "再次签到：{checkpoint}（本次巡逻已到过）",
    "patrol.scan.not_on_route": "{checkpoint} 不在本路线上，未签到",
    "patrol.scan.outside_run": "{code} 是巡逻点位标牌：请先开始巡逻（ctrl+g），再扫码签到",
    "patrol.scan.typed": "手输编号 {checkpoint} 不能证明到点：请说明未扫码的原因",
    "patrol.scan.venue_placard": (
        "{code} 是场所标牌，不是本路线的巡逻点位，未签到。请扫描点位的标牌；"
        "要检查这个场所，请先结束巡逻（F10）"
    ),
    # short forms
    "patrol.form.pressure_mpa": "水压（MPa）",
    "patrol.form.cap_intact": "闷盖完好",
    "patrol.form.access_clear": "周围无遮挡、可取用",
    "patrol.form.equipment_complete": "器材齐全完好",
    "patrol.form.door_open": "门可打开、通道畅通",
    "patrol.form.duty_log": "值班记录已填",
    "patrol.form.no_sale_seen": "未发现违规销售",
    "patrol.form.refused_yesno": "“{item}”请填 是/否（y/n）",
    "patrol.form.refused_number": "“{item}”请填数字",
    # attendance
    "patrol.status.on_time": "按时完成",
    "patrol.status.late": "迟到完成",
    "patrol.status.partial": "部分完成（漏岗）",
    "patrol.status.not_done": "未巡逻（空岗）",
    "patrol.status.open": "进行中",
    "patrol.status.upcoming": "未开始",
    "patrol.status.early": "开始前巡逻（不计入）",
    "patrol.form.yes": "是",
    "patrol.form.no": "否",
    # the run screen
    "patrol.run.title": "巡逻：{route}（{code}）",
    "patrol.run.window": "{day} 时段 {window}",
    "patrol.run.time_left": "剩余 {minutes} 分钟",
    "patrol.run.time_over": "时段已过 {minutes} 分钟（迟到）",
    "patrol.run.left": "还剩 {left}/{total} 个点位",
    "patrol.run.all_done": "全部 {total} 个点位已到",
    "patrol.run.ordered": "按顺序巡逻",
    "patrol.run.hint": "到点后扫描点位标牌（扫码枪直接扫即可）；无法扫码时按 m 登记并说明原因",
    "patrol.run.col.code": "编号",
    "patrol.run.col.name": "点位",
    "patrol.run.col.state": "状态",
    "patrol.run.col.at": "时间",
    "patrol.run.done": "已到",
    "patrol.run.done_manual": "已到（手动）",
    "patrol.run.left_mark": "未到",
    "patrol.run.late_mark": "（迟）",
    "patrol.run.finished": "巡逻已结束，将在同步时上报",
    "patrol.run.finished_early": "巡逻已结束，将在同步时上报；本路线从 {day} 起计，这次列为“开始前巡逻”",
    "patrol.run.before_start": "本路线从 {day} 起计：这次巡逻照样保存并上报，列为“开始前巡逻”，不算应巡，也不算漏岗",
    "patrol.run.finish_confirm": "还有 {left} 个点位未到，确定结束巡逻吗？未到的点位将记为漏岗",
    "patrol.run.note_title": "{checkpoint} 的备注",
    "patrol.run.photo_title": "{checkpoint} 的照片（文件路径，多个用 ; 分隔）",
    "patrol.run.form_title": "{checkpoint}：{item}",
    "patrol.run.saved": "已保存",
    "patrol.run.pick_first": "请先选中一个点位",
    "patrol.run.incident_place": "巡逻点位 {code} {name}",
    "patrol.run.not_reached": "{checkpoint} 还没到：先扫描它的标牌，或按 m 手工登记，再记备注、照片或检查项",
    "patrol.run.already": "{checkpoint} 已在 {at} 到点，不用再登记",
    "patrol.run.no_form": "{checkpoint} 没有要填的检查项",
    "patrol.run.scan": "扫码",
    # home
    "patrol.due.title": "当前应巡逻",
    "patrol.due.none": "现在没有应巡逻的路线",
    "patrol.due.none_to_start": "现在没有可以开始的巡逻：时段开始前半小时起才能开始，下面的出勤表列出每个时段",
    "patrol.due.line": "{name}（{code}） {window}  已到 {done}/{total}  剩余 {minutes} 分钟",
    "patrol.due.resume": "  · 进行中",
    # bindings
    "binding.patrol.scan": "扫码",
    "binding.patrol.manual": "手动登记",
    "binding.patrol.note": "备注",
    "binding.patrol.photo": "照片",
    "binding.patrol.form": "点位表单",
    "binding.patrol.incident": "上报事件",
    "binding.patrol.finish": "结束巡逻",
    "binding.patrol.back": "返回",
    "binding.app.patrols": "巡逻",
    # attendance screen
    "patrol.attendance.title": "巡逻考勤（空岗漏岗在前）",
    "patrol.attendance.period": "{first} 至 {last}",
    "patrol.attendance.col.day": "日期",
    "patrol.attendance.col.window": "时段",
    "patrol.attendance.col.route": "路线",
    "patrol.attendance.col.assignee": "责任人/队",
    "patrol.attendance.col.status": "考勤",
    "patrol.attendance.col.done": "到点",
    "patrol.attendance.col.missed": "漏巡点位",
    "patrol.attendance.people": "按人员/队伍：",
    "patrol.attendance.person_line": (
        "{assignee}：{windows} 个时段，按时 {on_time}，迟到 {late}，部分 {partial}，"
        "空岗 {not_done}，漏岗点位 {missed_posts}"
    ),
    "patrol.attendance.none": "这段时间没有排定的巡逻",
    "binding.attendance.day_back": "前一天",
    "binding.attendance.day_next": "后一天",
    "binding.attendance.week": "到此日的7天",
}

EN: dict[str, str] = {
    "patrol.refused.no_route": "This patrol route is not on this device; sync and try again",
    "patrol.refused.not_due": (
        "“{route}” is not in a patrol window now (a run may start half an hour before)"
    ),
    "patrol.refused.other_open": "Another patrol is still open; finish it first",
    "patrol.refused.no_run": "This patrol run is not on this device",
    "patrol.refused.finished": "This patrol was finished and sent; it can no longer change",
    "patrol.refused.not_on_route": "This checkpoint is not on the route",
    "patrol.refused.no_scan": "Scan or record a checkpoint first",
    "patrol.scan.ok": "Checked in: {checkpoint}",
    "patrol.scan.again": "Checked in again: {checkpoint} (already visited in this run)",
    "patrol.scan.not_on_route": "{checkpoint} is not on this route; not recorded",
    "patrol.scan.outside_run": (
        "{code} is a patrol checkpoint's placard: start the patrol first (ctrl+g), then scan"
    ),
    "patrol.scan.typed": (
        "A typed code {checkpoint} does not prove a visit: say why the placard was not scanned"
    ),
    "patrol.scan.venue_placard": (
        "{code} is a venue's placard, not a checkpoint of this route; not recorded. "
        "Scan the checkpoint's placard, or finish the patrol first (F10) to inspect the venue"
    ),
    "patrol.form.pressure_mpa": "Water pressure (MPa)",
    "patrol.form.cap_intact": "Cap intact",
    "patrol.form.access_clear": "Access clear",
    "patrol.form.equipment_complete": "Equipment complete",
    "patrol.form.door_open": "Door opens, way clear",
    "patrol.form.duty_log": "Duty log kept",
    "patrol.form.no_sale_seen": "No illegal sale seen",
    "patrol.form.refused_yesno": "“{item}”: answer yes or no (y/n)",
    "patrol.form.refused_number": "“{item}”: give a number",
    "patrol.status.on_time": "On time",
    "patrol.status.late": "Late",
    "patrol.status.partial": "Partly done (missed posts)",
    "patrol.status.not_done": "Not done (post empty)",
    "patrol.status.open": "Open",
    "patrol.status.upcoming": "Not yet open",
    "patrol.status.early": "Before the route's start (not counted)",
    "patrol.form.yes": "Yes",
    "patrol.form.no": "No",
    "patrol.run.title": "Patrol: {route} ({code})",
    "patrol.run.window": "{day} window {window}",
    "patrol.run.time_left": "{minutes} min left",
    "patrol.run.time_over": "window closed {minutes} min ago (late)",
    "patrol.run.left": "{left} of {total} checkpoints left",
    "patrol.run.all_done": "All {total} checkpoints visited",
    "patrol.run.ordered": "in order",
    "patrol.run.hint": (
        "Scan each checkpoint's placard on arrival; if you cannot, press m and say why"
    ),
    "patrol.run.col.code": "Code",
    "patrol.run.col.name": "Checkpoint",
    "patrol.run.col.state": "State",
    "patrol.run.col.at": "Time",
    "patrol.run.done": "Visited",
    "patrol.run.done_manual": "Visited (manual)",
    "patrol.run.left_mark": "Not yet",
    "patrol.run.late_mark": " (late)",
    "patrol.run.finished": "Patrol finished; it is sent with the next sync",
    "patrol.run.finished_early": (
        "Patrol finished; it is sent with the next sync and listed as before the route's"
        " start ({day})"
    ),
    "patrol.run.before_start": (
        "This route starts on {day}: this run is kept and sent, listed as before the start;"
        " it counts neither as due nor as missed"
    ),
    "patrol.run.finish_confirm": (
        "{left} checkpoints are not visited. Finish anyway? They count as missed posts"
    ),
    "patrol.run.note_title": "Note on {checkpoint}",
    "patrol.run.photo_title": "Photos of {checkpoint} (file paths, separated by ;)",
    "patrol.run.form_title": "{checkpoint}: {item}",
    "patrol.run.saved": "Saved",
    "patrol.run.pick_first": "Select a checkpoint first",
    "patrol.run.incident_place": "Patrol checkpoint {code} {name}",
    "patrol.run.not_reached": "{checkpoint} is not reached yet: scan its placard or press m to record it by hand, then add a note, photo or form",
    "patrol.run.already": "{checkpoint} was reached at {at}; there is nothing to record again",
    "patrol.run.no_form": "{checkpoint} has no form to fill",
    "patrol.run.scan": "Scan",
    "patrol.due.title": "Patrols due now",
    "patrol.due.none": "No patrol is due now",
    "patrol.due.none_to_start": "No patrol can start now: one starts from half an hour before its window; the attendance below lists every window",
    "patrol.due.line": "{name} ({code}) {window}  {done}/{total} visited  {minutes} min left",
    "patrol.due.resume": "  · in progress",
    "binding.patrol.scan": "Scan",
    "binding.patrol.manual": "By hand",
    "binding.patrol.note": "Note",
    "binding.patrol.photo": "Photo",
    "binding.patrol.form": "Form",
    "binding.patrol.incident": "Incident",
    "binding.patrol.finish": "Finish",
    "binding.patrol.back": "Back",
    "binding.app.patrols": "Patrols",
    "patrol.attendance.title": "Patrol attendance (missed posts first)",
    "patrol.attendance.period": "{first} to {last}",
    "patrol.attendance.col.day": "Day",
    "patrol.attendance.col.window": "Window",
    "patrol.attendance.col.route": "Route",
    "patrol.attendance.col.assignee": "Assigned",
    "patrol.attendance.col.status": "Attendance",
    "patrol.attendance.col.done": "Visited",
    "patrol.attendance.col.missed": "Missed checkpoints",
    "patrol.attendance.people": "By person or team:",
    "patrol.attendance.person_line": (
        "{assignee}: {windows} windows, on time {on_time}, late {late}, partly {partial}, "
        "not done {not_done}, missed posts {missed_posts}"
    ),
    "patrol.attendance.none": "No patrol was scheduled in this period",
    "binding.attendance.day_back": "Day before",
    "binding.attendance.day_next": "Day after",
    "binding.attendance.week": "7 days to this day",
}

ZH.update(
    {
        "nav.place.patrols": "巡逻",
        "patrol.subtitle": "巡逻与考勤",
        "nav.place.patrol_run": "巡逻中",
        "binding.patrols.start": "开始巡逻",
        "binding.patrols.switch": "应巡/考勤",
        "binding.patrols.refresh": "刷新",
        "binding.patrols.back": "返回",
        "patrol.attendance.col.left": "剩余时间",
        "home.patrols_due": "应巡逻：{patrols}（ctrl+g）",
        "dashboard.col.patrols_missed": "漏巡/漏岗点",
        "dashboard.col.incidents": "事件",
        "patrol.manual.title": "未扫码登记点位：{venue}",
        "patrol.manual.hint": "没有扫码，请说明原因（随巡逻记录上报，计为手动到点）。",
        "patrol.manual.ok": "登记到点",
    }
)
EN.update(
    {
        "nav.place.patrols": "Patrols",
        "patrol.subtitle": "Patrols and attendance",
        "nav.place.patrol_run": "Patrol",
        "binding.patrols.start": "Start patrol",
        "binding.patrols.switch": "Due / attendance",
        "binding.patrols.refresh": "Refresh",
        "binding.patrols.back": "Back",
        "patrol.attendance.col.left": "Time left",
        "home.patrols_due": "Patrols due: {patrols} (ctrl+g)",
        "dashboard.col.patrols_missed": "Missed patrols/posts",
        "dashboard.col.incidents": "Incidents",
        "patrol.manual.title": "Checkpoint recorded by hand: {venue}",
        "patrol.manual.hint": "Without a scan, say why (it is sent with the patrol as a manual visit).",
        "patrol.manual.ok": "Record visit",
    }
)
