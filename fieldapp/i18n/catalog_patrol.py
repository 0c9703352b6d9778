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
    "patrol.scan.replaces_manual": "扫码签到：{checkpoint}（取代之前的手动登记）",
    "patrol.scan.not_on_route": "{checkpoint} 不在本路线上，未签到",
    "patrol.scan.outside_run": "{code} 是巡逻点位标牌：请先开始巡逻（Ctrl+G），再扫码签到。",
    "patrol.scan.none_to_start": "{code} 是巡逻点位标牌——{reason}",
    "patrol.scan.typed": "手输编号 {checkpoint} 不能证明到点：请说明未扫码的原因",
    "patrol.scan.damaged": "二维码不完整或已损坏，请重新扫描，或按 m 手工登记这个点位并说明原因。",
    "patrol.scan.forged": "标牌内容被改动或伪造，不能使用；请按 m 手工登记这个点位，并向网格长报告。",
    "patrol.scan.revoked": (
        "该标牌的签名密钥已作废，不能使用；请按 m 手工登记这个点位，并请网格长更换标牌。"
    ),
    "patrol.scan.unknown_key_synced": (
        "本机 {at} 已同步，服务器也没有这块标牌的密钥（{key_id}）：标牌可能属于其他单位的系统，"
        "或是伪造的，不能使用。请按 m 手工登记这个点位，并向网格长报告。"
    ),
    "patrol.scan.photo": "{checkpoint} 的二维码读自照片，非现场扫码，不能证明到点：请说明未扫码的原因",
    "patrol.scan.pasted": "{checkpoint} 的标牌内容是粘贴或手动输入的，非现场扫码，不能证明到点：请说明未扫码的原因",
    "patrol.scan.venue_placard": (
        "{code} 是场所标牌，不是本路线的巡逻点位，未签到。请扫描点位的标牌；"
        "要检查这个场所，请按 Esc 离开巡逻（巡逻仍在进行，不会结束），再扫描场所标牌。"
    ),
    # short forms
    "patrol.form.pressure_mpa": "水压（MPa）",
    "patrol.form.cap_intact": "闷盖完好",
    "patrol.form.access_clear": "周围畅通、取用方便",
    "patrol.form.equipment_complete": "器材齐全完好",
    "patrol.form.door_open": "门可打开、通道畅通",
    "patrol.form.duty_log": "值班记录已填",
    "patrol.form.no_sale_seen": "未发现违规销售",  # answers stored before sale_seen
    "patrol.form.sale_seen": "是否发现违规销售烟花爆竹？",
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
    "patrol.run.time_over": "时段已过 {minutes} 分钟",
    "patrol.run.just_closed": "时段刚过",
    "patrol.run.late_now": "（迟到）",
    "patrol.run.left": "还剩 {left}/{count} 个点位",
    "patrol.run.all_done": "全部 {count} 个点位已到",
    "patrol.run.ordered": "按顺序巡逻",
    "patrol.run.hint": "到点后扫描点位标牌（扫码枪直接扫即可）；无法扫码时按 m 登记并说明原因",
    "patrol.run.col.code": "编号",
    "patrol.run.col.name": "点位",
    "patrol.run.col.state": "状态",
    "patrol.run.col.at": "时间",
    "patrol.run.col.photos": "照片",
    "patrol.run.done": "已到",
    "patrol.run.done_manual": "已到（手动）",
    "patrol.run.left_mark": "未到",
    "patrol.run.missed_mark": "漏岗",
    "patrol.run.ended": "已结束，只能查看",
    "patrol.run.missed": "漏岗 {left}/{total} 个：{points}",
    "patrol.run.late_mark": "（迟）",
    "patrol.run.done_manual_late": "迟到（手动）",
    "patrol.run.finished": "巡逻已结束，将在同步时上报。",
    "patrol.run.finished_early": "巡逻已结束，将在同步时上报；本路线从 {day} 起计，这次列为“开始前巡逻”。",
    "patrol.run.before_start": "本路线从 {day} 起计：这次巡逻照样保存并上报，列为“开始前巡逻”，不算应巡，也不算漏岗",
    "patrol.run.finish_confirm": "还有 {count} 个点位未到，确定结束巡逻吗？未到的点位将记为漏岗。",
    "patrol.run.note_title": "{checkpoint} 的备注",
    "patrol.run.note_change_title": "{checkpoint} 的备注（保存后替换原备注）",
    "patrol.run.note_line": "{checkpoint} 的备注：{note}",
    "patrol.run.form_title": "{checkpoint} 点位表单（第 {index}/{total} 项）",
    "patrol.run.saved": "已保存",
    "patrol.run.form_problem_item": "“{item}”答“{answer}”",
    "patrol.run.form_problems": "已保存；{items}，已记为问题，随巡逻记录上报。需要处置的，按 F4 在此点位上报事件。",
    "patrol.run.incident_place": "巡逻点位 {code} {name}",
    "patrol.run.not_reached": "{checkpoint} 还没到：先扫描它的标牌，或按 m 手工登记，再记备注、照片或检查项",
    "patrol.run.already": "{checkpoint} 已在 {at} 到点，不用再登记",
    "patrol.run.no_form": "{checkpoint} 没有要填的检查项",
    # home
    "patrol.due.title": "当前应巡逻",
    "patrol.due.none": "现在没有应巡逻的路线",
    "patrol.due.none_to_start": "现在没有可以开始的巡逻：时段开始前半小时起才能开始，下面的出勤表列出每个时段。",
    "patrol.due.none_scheduled": "现在没有可以开始的巡逻：这段时间没有排定的巡逻；巡逻由办公室排定，同步后显示在这里。",
    "patrol.due.campaign_off": "现在没有可以开始的巡逻：您的巡逻路线属于专项行动“{campaigns}”，只在行动开展期间巡逻，而办公室现在没有开启它；开启后同步即显示在这里。",
    "patrol.due.walked": "这个时段的巡逻已经结束：{routes}。下一个时段开始前半小时起可以开始，下面的出勤表列出每个时段。",
    "patrol.due.walked_missed": "（部分完成，漏岗 {count} 个）",
    "patrol.due.resume": "  · 进行中",
    "patrol.row.not_yet": "{route} 在 {day} 的巡逻时段 {window} 还没到：{early} 起（时段开始前半小时）可以开始，到时在上面的“当前应巡逻”里选中这条路线按回车。",
    "patrol.row.over": "{route} 在 {day} 的巡逻时段 {window} 已于 {end} 结束，不能再开始这个时段的巡逻；下一个时段开始前半小时起可以开始，出勤表列出每个时段。",
    "patrol.row.not_mine": "{route} 的 {window} 时段由 {who} 负责，不在您现在应巡逻的路线里；您只能开始分配给您的巡逻。",
    # bindings
    "binding.patrol.scan": "扫码",
    "binding.patrol.manual": "手动登记",
    "binding.patrol.note": "备注",
    "binding.patrol.photo": "照片",
    "binding.patrol.form": "点位表单",
    "binding.patrol.incident": "上报事件",
    "binding.patrol.finish": "结束巡逻",
    "binding.patrol.back": "返回",
    "binding.app.patrols.tip": "巡逻：今天应巡的路线、开始巡逻和考勤",
    "binding.patrol.manual.tip": "未扫码时手动登记光标所在点位（需说明原因）",
    "binding.patrol.note.tip": "给光标所在点位写备注",
    "binding.patrol.photo.tip": "给光标所在点位附照片",
    "binding.patrol.form.tip": "填写光标所在点位的检查表单",
    "binding.patrol.incident.tip": "在光标所在点位上报事件（地点已填好）",
    "binding.patrol.finish.tip": "结束这次巡逻（还有未到点位时先确认），下次同步时上报",
    "binding.patrol.back.tip": "回到上一界面",
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
    "patrol.attendance.missed_codes": "{count}：{codes}",
    "patrol.attendance.row": "路线：{route} · 责任人/队：{assignee}",
    "patrol.attendance.people": "按人员/队伍：",
    "patrol.attendance.person_line": (
        "{assignee}：{count} 个时段，按时 {on_time}，迟到 {late}，部分 {partial}，"
        "空岗 {not_done}，漏岗点位 {missed_posts}"
    ),
    "patrol.attendance.partial_late": "{partial}（其中迟到点位 {count}）",
    "patrol.attendance.none": "这段时间没有排定的巡逻",
    "patrol.attendance.title_none": "巡逻考勤 · {period}：这段时间没有排定的巡逻",
    "binding.attendance.day_back": "前一天",
    "binding.attendance.day_next": "后一天",
    "binding.attendance.group": "前/后一天",
    "binding.attendance.week": "到此日的7天",
    "binding.attendance.week.tip": "显示到所选日期为止 7 天的考勤",
    "binding.attendance.one_day": "只看这一天",
    "binding.attendance.one_day.tip": "回到只显示所选日期一天的考勤",
    "binding.attendance.day_back.tip": "显示前一天的考勤",
    "binding.attendance.day_next.tip": "显示后一天的考勤",
}

EN: dict[str, str] = {
    "patrol.refused.no_route": "This patrol route is not on this device; sync and try again",
    "patrol.refused.not_due": (
        "'{route}' is not in a patrol window now (a run may start half an hour before)"
    ),
    "patrol.refused.other_open": "Another patrol is still open; finish it first",
    "patrol.refused.no_run": "This patrol run is not on this device",
    "patrol.refused.finished": "This patrol was finished and sent; it can no longer change",
    "patrol.refused.not_on_route": "This checkpoint is not on the route",
    "patrol.refused.no_scan": "Scan or record a checkpoint first",
    "patrol.scan.ok": "Checked in: {checkpoint}",
    "patrol.scan.again": "Checked in again: {checkpoint} (already visited in this run)",
    "patrol.scan.replaces_manual": "Checked in by scan: {checkpoint} (replaces the record by hand)",
    "patrol.scan.not_on_route": "{checkpoint} is not on this route; not recorded",
    "patrol.scan.outside_run": (
        "{code} is a patrol checkpoint's placard: start the patrol first (Ctrl+G), then scan."
    ),
    "patrol.scan.none_to_start": "{code} is a patrol checkpoint's placard — {reason}",
    "patrol.scan.typed": (
        "A typed code {checkpoint} does not prove a visit: say why the placard was not scanned"
    ),
    "patrol.scan.damaged": (
        "The QR code is incomplete or damaged. Scan it again, or press m to record the "
        "checkpoint by hand and say why."
    ),
    "patrol.scan.forged": (
        "This placard has been altered or forged and cannot be used. "
        "Press m to record the checkpoint by hand, and tell your grid head."
    ),
    "patrol.scan.revoked": (
        "This placard was signed with a revoked key and cannot be used. "
        "Press m to record the checkpoint by hand, and ask your grid head for a new placard."
    ),
    "patrol.scan.unknown_key_synced": (
        "This device synced at {at}, and the server does not know the placard's key "
        "({key_id}) either: the placard may belong to another office's server, or be forged, "
        "and cannot be used. Press m to record the checkpoint by hand, and report it to "
        "your grid head."
    ),
    "patrol.scan.photo": (
        "The QR of {checkpoint} was read from a photo, not scanned on site, so it does not "
        "prove a visit: say why the placard was not scanned"
    ),
    "patrol.scan.pasted": (
        "The placard text of {checkpoint} was pasted or typed, not scanned on site, so it "
        "does not prove a visit: say why the placard was not scanned"
    ),
    "patrol.scan.venue_placard": (
        "{code} is a venue's placard, not a checkpoint of this route; not recorded. "
        "Scan the checkpoint's placard; to inspect the venue, leave the patrol with Esc (it "
        "stays open) and scan the venue's placard again."
    ),
    "patrol.form.pressure_mpa": "Water pressure (MPa)",
    "patrol.form.cap_intact": "Cap intact",
    "patrol.form.access_clear": "Access clear",
    "patrol.form.equipment_complete": "Equipment complete",
    "patrol.form.door_open": "Door opens, way clear",
    "patrol.form.duty_log": "Duty log kept",
    "patrol.form.no_sale_seen": "No illegal sale seen",  # answers stored before sale_seen
    "patrol.form.sale_seen": "Illegal fireworks sale seen?",
    "patrol.form.refused_yesno": "'{item}': answer yes or no (y/n)",
    "patrol.form.refused_number": "'{item}': give a number",
    "patrol.status.on_time": "On time",
    "patrol.status.late": "Late",
    "patrol.status.partial": "Partly missed",
    "patrol.status.not_done": "Not patrolled",
    "patrol.status.open": "Open",
    "patrol.status.upcoming": "Not yet open",
    "patrol.status.early": "Before the route's start (not counted)",
    "patrol.form.yes": "Yes",
    "patrol.form.no": "No",
    "patrol.run.title": "Patrol: {route} ({code})",
    "patrol.run.window": "{day} window {window}",
    "patrol.run.time_left": "{minutes} min left",
    "patrol.run.time_over": "window closed {minutes} min ago",
    "patrol.run.just_closed": "window just closed",
    "patrol.run.late_now": " (late)",
    "patrol.run.left": "{left} of {count} checkpoints left",
    "patrol.run.left_one": "{left} of 1 checkpoint left",
    "patrol.run.all_done": "All {count} checkpoints visited",
    "patrol.run.all_done_one": "The only checkpoint is visited",
    "patrol.run.ordered": "in order",
    "patrol.run.hint": (
        "Scan each checkpoint's placard on arrival; if you cannot, press m and say why"
    ),
    "patrol.run.col.code": "Code",
    "patrol.run.col.name": "Checkpoint",
    "patrol.run.col.state": "State",
    "patrol.run.col.at": "Time",
    "patrol.run.col.photos": "Photos",
    "patrol.run.done": "Visited",
    "patrol.run.done_manual": "Visited (manual)",
    "patrol.run.left_mark": "Not yet",
    "patrol.run.missed_mark": "Missed",
    "patrol.run.ended": "finished, shown only",
    "patrol.run.missed": "{left} of {total} missed: {points}",
    "patrol.run.late_mark": " (late)",
    "patrol.run.done_manual_late": "Late (manual)",
    "patrol.run.finished": "Patrol finished; it is sent with the next sync.",
    "patrol.run.finished_early": (
        "Patrol finished; it is sent with the next sync and listed as before the route's"
        " start ({day})."
    ),
    "patrol.run.before_start": (
        "This route starts on {day}: this run is kept and sent, listed as before the start;"
        " it counts neither as due nor as missed"
    ),
    "patrol.run.finish_confirm": (
        "{count} checkpoints are not visited. Finish anyway? They count as missed posts."
    ),
    "patrol.run.finish_confirm_one": (
        "1 checkpoint is not visited. Finish anyway? It counts as a missed post."
    ),
    "patrol.run.note_title": "Note on {checkpoint}",
    "patrol.run.note_change_title": "Note on {checkpoint} (saving replaces it)",
    "patrol.run.note_line": "Note on {checkpoint}: {note}",
    "patrol.run.form_title": "{checkpoint} form (question {index} of {total})",
    "patrol.run.saved": "Saved",
    "patrol.run.form_problem_item": "'{item}' answered {answer}",
    "patrol.run.form_problems": "Saved; {items}: recorded as a problem and sent with the patrol. If it needs action, press F4 to report an incident at this checkpoint.",
    "patrol.run.incident_place": "Patrol checkpoint {code} {name}",
    "patrol.run.not_reached": "{checkpoint} is not reached yet: scan its placard or press m to record it by hand, then add a note, photo or form",
    "patrol.run.already": "{checkpoint} was reached at {at}; there is nothing to record again",
    "patrol.run.no_form": "{checkpoint} has no form to fill",
    "patrol.due.title": "Patrols due now",
    "patrol.due.none": "No patrol is due now",
    "patrol.due.none_to_start": "No patrol can start now: one starts from half an hour before its window; the attendance below lists every window.",
    "patrol.due.none_scheduled": "No patrol can start now: none is scheduled for this period; the office schedules patrols, and they show here after a sync.",
    "patrol.due.campaign_off": "No patrol can start now: your routes patrol for the campaign {campaigns} only while it runs, and the office has not switched it on; once it does, they show here after a sync.",
    "patrol.due.walked": "This window's patrol is already finished: {routes}. The next one can start from half an hour before its window; the attendance below lists every window.",
    "patrol.due.walked_missed": " (partly done, {count} checkpoints missed)",
    "patrol.due.walked_missed_one": " (partly done, 1 checkpoint missed)",
    "patrol.due.resume": "  · in progress",
    "patrol.row.not_yet": "The window {window} of {route} on {day} has not opened yet: its patrol can start from {early} (half an hour before the window), in Patrols due now above, with Enter on the route.",
    "patrol.row.over": "The window {window} of {route} on {day} ended at {end}; its patrol can no longer start. The next window can start from half an hour before it; the attendance lists every window.",
    "patrol.row.not_mine": "The window {window} of {route} is assigned to {who}, not among the patrols due to you now; you can start only the patrols assigned to you.",
    "binding.patrol.scan": "Scan",
    "binding.patrol.manual": "By hand",
    "binding.patrol.note": "Note",
    "binding.patrol.photo": "Photo",
    "binding.patrol.form": "Form",
    "binding.patrol.incident": "Incident",
    "binding.patrol.finish": "Finish",
    "binding.patrol.back": "Back",
    "binding.app.patrols.tip": "Patrols: routes due today, starting a patrol, attendance",
    "binding.patrol.manual.tip": "Record the checkpoint under the cursor by hand, without a scan (say why)",
    "binding.patrol.note.tip": "Write a note on the checkpoint under the cursor",
    "binding.patrol.photo.tip": "Attach a photo to the checkpoint under the cursor",
    "binding.patrol.form.tip": "Fill in the checks of the checkpoint under the cursor",
    "binding.patrol.incident.tip": "Report an incident at the checkpoint under the cursor (place filled in)",
    "binding.patrol.finish.tip": "Finish this patrol (asks first if checkpoints are left); sent with the next sync",
    "binding.patrol.back.tip": "Back to the previous screen",
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
    "patrol.attendance.missed_codes": "{count}: {codes}",
    "patrol.attendance.row": "Route: {route} · Assigned: {assignee}",
    "patrol.attendance.people": "By person or team:",
    "patrol.attendance.person_line": (
        "{assignee}: {count} windows, on time {on_time}, late {late}, partly {partial}, "
        "not done {not_done}, missed posts {missed_posts}"
    ),
    "patrol.attendance.person_line_one": (
        "{assignee}: 1 window, on time {on_time}, late {late}, partly {partial}, "
        "not done {not_done}, missed posts {missed_posts}"
    ),
    "patrol.attendance.partial_late": "{partial} ({count} checkpoints reached late)",
    "patrol.attendance.partial_late_one": "{partial} (1 checkpoint reached late)",
    "patrol.attendance.none": "No patrol was scheduled in this period",
    "patrol.attendance.title_none": "Patrol attendance · {period}: no patrol scheduled",
    "binding.attendance.day_back": "Day before",
    "binding.attendance.day_next": "Day after",
    "binding.attendance.group": "Day before/after",
    "binding.attendance.week": "7 days to this day",
    "binding.attendance.week.tip": "Show attendance for the 7 days up to the chosen day",
    "binding.attendance.one_day": "This day only",
    "binding.attendance.one_day.tip": "Back to the attendance of the chosen day alone",
    "binding.attendance.day_back.tip": "Show the attendance of the day before",
    "binding.attendance.day_next.tip": "Show the attendance of the day after",
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
        "binding.patrols.start.tip": "开始光标所在路线的巡逻",
        "binding.patrols.row_visits": "到点记录",
        "binding.patrols.row_visits.tip": "查看光标所在时段每个点位的到点时间、备注和照片",
        "binding.patrols.switch.tip": "在应巡路线和考勤之间切换",
        "binding.patrols.refresh.tip": "重新读取",
        "binding.patrols.back.tip": "回到上一界面",
        "patrol.attendance.col.left": "剩余时间",
        "home.patrols_due": "应巡逻：{patrols}（Ctrl+G）",
        "dashboard.col.patrols_missed_due": "漏巡/应巡",
        "dashboard.patrols_missed_due": "{missed}/{due}",
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
        "binding.patrols.start.tip": "Start a patrol of the route under the cursor",
        "binding.patrols.row_visits": "Visits",
        "binding.patrols.row_visits.tip": "See each checkpoint visit of the window under the cursor",
        "binding.patrols.switch.tip": "Switch between routes due and attendance",
        "binding.patrols.refresh.tip": "Read again",
        "binding.patrols.back.tip": "Back to the previous screen",
        "patrol.attendance.col.left": "Time left",
        "home.patrols_due": "Patrols due: {patrols} (Ctrl+G)",
        "dashboard.col.patrols_missed_due": "Missed",
        "dashboard.patrols_missed_due": "{missed} of {due}",
        "dashboard.col.incidents": "Cases",  # short: at 80 columns the grid names need the room
        "patrol.manual.title": "Checkpoint recorded by hand: {venue}",
        "patrol.manual.hint": "Without a scan, say why (it is sent with the patrol as a manual visit).",
        "patrol.manual.ok": "Record visit",
    }
)
