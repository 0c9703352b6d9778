"""Why the server refused a record, by the refusal's code (sync.protocol.refusals), in the
person's language. Shown after the record's name and time on the sync screen, so a reason
says why and what to do, not which record; a code missing here shows the server's English
text."""

from __future__ import annotations

ZH = {
    "refusal.outside_grid": "所属网格“{grid_name}”不在您的负责范围内，请联系管理员分配该网格",
    "refusal.unknown_grid": "服务器上没有网格“{grid}”，请联系管理员",
    "refusal.unknown_venue": "服务器上没有该场所，请先同步场所清单",
    "refusal.unknown_record": "服务器上还没有它所属的{record}（可能尚未上报或已被拒收），请先同步",
    "refusal.already_submitted": "这条记录已经提交过，服务器不重复接收",
    "refusal.invalid_payload": "内容不符合要求：字段 {field} {problem}",
    "refusal.wrong_role": "您的角色（{role}）无权办理此项，须由网格长办理",
    "refusal.not_own": "记录中的人员不是本机登录的人员，本机只能上报本人的工作",
    "refusal.unknown_op_type": "服务器不认识这类记录（{op_type}），请联系管理员升级服务器",
    "refusal.unknown_event_type": "服务器不认识这种处理（{event_type}），请联系管理员升级服务器",
    "refusal.op_id_reused": "同一编号的记录内容已改变，服务器保留最初收到的内容",
    "refusal.server_error": "服务器处理出错（错误编号 {error_id}），已记录，请告知管理员",
    "refusal.venue_attribute": "场所 {venue} 的“{attribute}”取值不对，请改正后重新保存",
    "refusal.venue_count_beyond_checklist": "场所 {venue} 的{attribute} {value} 超过了检查表能逐个检查的数量（最多 {limit} 个）：请核对数字后重新更正；确实更多时，请告知办公室把场所分成几个场所登记",
    "refusal.person_field": "人员“{person}”的{person_field}不符合要求，请改正后重新保存",
    "refusal.report_date_to_come": "网格 {grid} 的日报日期 {date} 还没到：日报只能报今天或以前的日子，请改正日期后重新填报",
    "refusal.person_date_to_come": (
        "人员“{person}”的{person_field} {value} 是将来的日期：只能填今天或更早的日期，请改正后重新保存"
    ),
    "refusal.person_id_disagrees": (
        "人员“{person}”的{person_field}与身份证号不符，请核对{person_field}或身份证号后重新保存"
    ),
    "refusal.person_not_sealed": (
        "人员“{person}”的身份证号或电话没有用服务器的密钥加密，请先同步一次，再重新保存该人员"
    ),
    "refusal.followup_not_responsible": "{person}不是这份随访计划的负责人，不能记录随访",
    "refusal.followup_answers": "随访回答与随访表不符，请按表重新填写",
    "refusal.followup_case": "随访结果与个案不一致（随访不合格时才开个案），请重新记录",
    "refusal.followup_fever_denied": "体温 {temperature} ℃ 已是发热（高于 {above} ℃），症状却是“无发热、咳嗽、乏力等症状”：请核对体温和症状后重新记录这次随访",
    "refusal.scan_off_route": "扫的点位不在巡逻路线 {route} 上，请按路线扫码",
    "refusal.scan_without_reason": "手工确认的点位没有填写原因，请补上原因",
    "refusal.patrol_run_taken_over": (
        "“{route}”这次巡逻已在你的另一台设备上接手，本机之后发出的到点记录和结束不计入。"
    ),
    "refusal.patrol_run_closed": (
        "“{route}”这次巡逻已由办公室按中断关闭，本机之后发出的到点记录和结束不计入。"
    ),
    "refusal.patrol_run_closed_by_supervisor": (
        "“{route}”这次巡逻已由网格长{supervisor}按中断关闭，本机之后发出的到点记录和结束不计入。"
    ),
    "refusal.patrol_run_finished": (
        "“{route}”这次巡逻在关闭送达之前已由巡逻人员结束，它的到点记录照常计入，无需再关闭。"
    ),
    "refusal.merge_into_itself": "不能把一条人员记录合并到它自己",
    "refusal.household_venue": "住户所在的场所不在住户的网格内，请改选场所或网格",
    "refusal.household_unfindable": "住户既没有户号也没有地址，下次无人能找到这一户：请填写地址或户号（至少一项）后重新保存",
    "refusal.followup_plan": "服务器不支持这份随访计划的随访表、频次或开始日期，请联系管理员",
    "refusal.incident_opening": "新事件须连同它的上报一起发送，请重新上报；仍被拒收请联系管理员",
    "refusal.evidence_without_photo": "补充证据没有附带照片，请选好照片后重新添加",
    "refusal.hand_over_too_early": "移交日期 {date} 早于最早可填的日期 {earliest}（发现隐患之日；一般隐患为整改期限的次日），请改正后重新移交",
    "refusal.incident_handed_over_early": "移交日期 {date} 早于事件发生的日期 {earliest}，请改正后重新移交",
    "refusal.incident_reported_late": "事件发生于 {occurred}，到上报（{reported}）已超过一年，现场上报不收：请核对年份，按实际发生时间重新上报；确是一年多以前的事，请告知办公室",
    "refusal.answered_twice": "同一检查项填写了两次，请改正后重新提交",
    "refusal.finding_other_venue": "隐患与检查记录不属于同一场所，请在该场所的检查中重新记录",
    "refusal.supersedes_itself": "复查记录不能替代它自己，请重新复查",
    "refusal.supersedes_other_venue": "复查只能替代同一场所的检查记录，请在原场所重新复查",
    "refusal.returned_without_comment": "退回检查记录须写明意见，说明检查员要做什么，请补上后再退回",
    "refusal.campaign_beyond_grids": "该专项行动已在您负责范围以外的网格开启，只能由办公室开关",
    "refusal.campaign_not_published": "办公室尚未发布该专项行动，设备上不能开关；如需开展，请联系办公室",
    "refusal.case_event_data": (
        "随访个案的“{event}”缺少日期、负责人、移交单位、文号或处理结果，请补全后重新办理"
    ),
    "refusal.not_a_date": "{what}“{value}”不是日期，请按年-月-日填写后重新提交",
    # Which date a `not_a_date` refusal names.
    "refusal.date_of.report_date": "日报日期",
    "refusal.date_of.finding_deadline": "隐患整改期限",
    "refusal.date_of.activity_held_on": "活动日期",
    "refusal.date_of.other": "日期",
    # What a `person_field` refusal's field is.
    "refusal.person_field.id_number": "身份证号",
    "refusal.person_field.birth_year": "出生年份",
    "refusal.person_field.sex": "性别",
    "refusal.person_field.tags": "类别",
    "refusal.person_field.arrived_on": "到达日期",
    "refusal.person_field.left_on": "离开日期",
    "refusal.person_field.registered_on": "登记日期",
    "refusal.person_field.other": "信息",
    # What an `unknown_record` refusal's record is.
    "refusal.record.finding": "隐患",
    "refusal.record.incident": "事件",
    "refusal.record.inspection": "检查记录",
    "refusal.record.patrol_route": "巡逻路线",
    "refusal.record.person": "人员",
    "refusal.record.plan": "随访计划",
    "refusal.record.case": "随访个案",
    "refusal.record.other": "原记录",
    # What is wrong with an `invalid_payload` field, by pydantic's error type.
    "refusal.problem.missing": "缺少",
    "refusal.problem.string_too_long": "过长",
    "refusal.problem.too_long": "条目过多",
    "refusal.problem.string_too_short": "为空或过短",
    "refusal.problem.string_pattern_mismatch": "格式不对",
    "refusal.problem.literal_error": "不是可选的值",
    "refusal.problem.other": "格式不对",
}

EN = {
    "refusal.outside_grid": (
        "grid {grid_name} is not among your grids; ask the administrator to assign it"
    ),
    "refusal.unknown_grid": "the server does not know grid {grid}; ask the administrator",
    "refusal.unknown_venue": "the server does not know this venue; sync the venue list first",
    "refusal.unknown_record": (
        "the server does not hold its {record} (not sent yet, or refused); sync first"
    ),
    "refusal.already_submitted": "this record was already sent; the server keeps the first",
    "refusal.invalid_payload": "not valid: {field} {problem}",
    "refusal.wrong_role": "your role ({role}) may not do this; a grid head must",
    "refusal.not_own": (
        "the record names another person than this device's; a device sends only its "
        "own person's work"
    ),
    "refusal.unknown_op_type": (
        "the server does not know this kind of record ({op_type}); ask the administrator "
        "to update it"
    ),
    "refusal.unknown_event_type": (
        "the server does not know this action ({event_type}); ask the administrator to update it"
    ),
    "refusal.op_id_reused": (
        "a record under this number changed after it was sent; the server keeps the first"
    ),
    "refusal.server_error": (
        "the server failed on it (error id {error_id}) and logged it; tell the administrator"
    ),
    "refusal.venue_attribute": (
        "venue {venue}: the value of {attribute} is not valid; correct it and save again"
    ),
    "refusal.venue_count_beyond_checklist": (
        "venue {venue}: {attribute} {value} is more than the checklist can check one by one"
        " (at most {limit}): check the number and correct it again; if there really are more,"
        " ask the office to register the venue as several venues"
    ),
    "refusal.person_field": "{person}: the {person_field} is not valid; correct it and save again",
    "refusal.report_date_to_come": (
        "the daily report of grid {grid} is dated {date}, a day that has not come; a report is"
        " for today or an earlier day, so file it again with that date"
    ),
    "refusal.person_date_to_come": (
        "{person}: the {person_field} {value} is in the future; it must be today or earlier,"
        " so correct it and save again"
    ),
    "refusal.person_id_disagrees": (
        "{person}: the {person_field} does not match the ID number; check the"
        " {person_field} or the ID number and save again"
    ),
    "refusal.person_not_sealed": (
        "{person}: the ID number or phone was not sealed with the server's key; sync once, "
        "then save the person again"
    ),
    "refusal.followup_not_responsible": "{person} is not responsible for this follow-up plan",
    "refusal.followup_answers": "the answers do not fit the follow-up form; fill it in again",
    "refusal.followup_case": (
        "a case is opened exactly when a reading fails the form; record the reading again"
    ),
    "refusal.followup_fever_denied": (
        "{temperature} °C is a fever (above {above} °C), yet the symptoms say 'No fever,"
        " cough, fatigue or other symptoms': check the temperature and the symptoms, then"
        " record the follow-up again"
    ),
    "refusal.scan_off_route": "a checkpoint scanned is not on route {route}; scan the route's",
    "refusal.scan_without_reason": "a checkpoint confirmed by hand has no reason; add one",
    "refusal.patrol_run_taken_over": (
        "'{route}' was taken over on another device of yours; visits and the finish this "
        "device sent after that do not count."
    ),
    "refusal.patrol_run_closed": (
        "'{route}' was closed by the office as abandoned; visits and the finish this device "
        "sent after that do not count."
    ),
    "refusal.patrol_run_closed_by_supervisor": (
        "'{route}' was closed as abandoned by grid head {supervisor}; visits and the finish "
        "this device sent after that do not count."
    ),
    "refusal.patrol_run_finished": (
        "'{route}' was finished by its walker before the close arrived; its visits count as "
        "usual and it needs no closing."
    ),
    "refusal.merge_into_itself": "a record cannot be merged into itself",
    "refusal.household_venue": (
        "the household's venue is not in the household's grid; choose another venue or grid"
    ),
    "refusal.household_unfindable": (
        "the household has neither a household number nor an address, so nobody can find it "
        "on the next visit; fill in the address or the number (at least one) and save again"
    ),
    "refusal.followup_plan": (
        "the server does not take this plan's form, cadence or start date; ask the administrator"
    ),
    "refusal.incident_opening": (
        "a new incident must arrive with its own report; report it again, or ask the administrator"
    ),
    "refusal.evidence_without_photo": (
        "evidence added to an incident came without a photo; choose the photo and add it again"
    ),
    "refusal.hand_over_too_early": (
        "the hand-over date {date} is before {earliest}, the earliest allowed (the day the"
        " hazard was found; for a general hazard the day after its deadline); correct it and"
        " hand it over again"
    ),
    "refusal.incident_handed_over_early": (
        "the hand-over date {date} is before {earliest}, the day the incident happened;"
        " correct it and hand it over again"
    ),
    "refusal.incident_reported_late": (
        "the incident happened on {occurred}, more than a year before it was reported"
        " ({reported}), too long ago for a field report: check the year and report it again"
        " with the time it happened; if it did happen that long ago, tell the office"
    ),
    "refusal.answered_twice": "an item is answered twice; correct it and submit again",
    "refusal.finding_other_venue": (
        "a hazard is for another venue than its inspection; record it in that venue's inspection"
    ),
    "refusal.supersedes_itself": "a re-inspection cannot replace itself; inspect again",
    "refusal.supersedes_other_venue": (
        "a re-inspection replaces only an inspection of the same venue; inspect that venue again"
    ),
    "refusal.returned_without_comment": (
        "a returned inspection needs a comment saying what the inspector must do; add one"
    ),
    "refusal.campaign_beyond_grids": (
        "this campaign is on beyond your grids; only the office switches it"
    ),
    "refusal.campaign_not_published": (
        "the office has not published this campaign, so it cannot be switched from a device; "
        "ask the office if it should run"
    ),
    "refusal.case_event_data": (
        "the follow-up case's action {event} lacks a date, person, unit, reference or "
        "outcome; complete it and do it again"
    ),
    "refusal.not_a_date": "{what} '{value}' is not a date; enter it as YYYY-MM-DD and send again",
    "refusal.date_of.report_date": "the report date",
    "refusal.date_of.finding_deadline": "the hazard's deadline",
    "refusal.date_of.activity_held_on": "the activity's date",
    "refusal.date_of.other": "a date",
    "refusal.person_field.id_number": "ID number",
    "refusal.person_field.birth_year": "birth year",
    "refusal.person_field.sex": "sex",
    "refusal.person_field.tags": "groups",
    "refusal.person_field.arrived_on": "arrival date",
    "refusal.person_field.left_on": "departure date",
    "refusal.person_field.registered_on": "registration date",
    "refusal.person_field.other": "details",
    "refusal.record.finding": "hazard",
    "refusal.record.incident": "incident",
    "refusal.record.inspection": "inspection",
    "refusal.record.patrol_route": "patrol route",
    "refusal.record.person": "person",
    "refusal.record.plan": "follow-up plan",
    "refusal.record.case": "follow-up case",
    "refusal.record.other": "original record",
    "refusal.problem.missing": "is missing",
    "refusal.problem.string_too_long": "is too long",
    "refusal.problem.too_long": "has too many entries",
    "refusal.problem.string_too_short": "is empty or too short",
    "refusal.problem.string_pattern_mismatch": "is not in the right form",
    "refusal.problem.literal_error": "is not one of the allowed values",
    "refusal.problem.other": "is not in the right form",
}
