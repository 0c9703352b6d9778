"""Messages for the app shell: home, find venue, scan, presence, resume, key labels."""

from __future__ import annotations

from fieldapp.i18n import venue_kinds

ZH: dict[str, str] = {
    "app.title": "网格化巡查",
    "venue.label": "{name}（{code}）",
    "app.date_placeholder": "年-月-日",  # an empty date field: the form a date is typed in
    "app.aside": "{text}（{aside}）",  # a grid's or patrol's code, an address, after its name
    # venue kinds
    **{f"kind.{k}": v for k, v in venue_kinds.ZH.items()},
    **{f"kind_short.{k}": v for k, v in venue_kinds.SHORT_ZH.items()},
    # grid levels and roles
    "grid_level.town": "镇网格",
    "grid_level.village": "村（社区）网格",
    "grid_level.area": "片区网格",
    "role.inspector": "网格员",
    "role.supervisor": "网格长",
    "role.admin": "管理员",
    # due buckets
    "bucket.overdue": "已逾期",
    "bucket.today": "今日到期",
    "bucket.week": "本周到期",
    "bucket.later": "以后",
    # finding states and severities
    "finding_state.open": "待整改",
    "finding_state.rectification_reported": "待复查（已报整改）",
    "finding_state.handed_over": "已移交",
    "finding_state.outcome_recorded": "待销号（已记录处理结果）",
    "finding_state.closed": "已销号",
    # the same, short: in a narrow list
    "finding_state.short.open": "待整改",
    "finding_state.short.rectification_reported": "待复查",
    "finding_state.short.handed_over": "已移交",
    "finding_state.short.outcome_recorded": "待销号",
    "finding_state.short.closed": "已销号",
    "severity.general": "一般",
    "severity.major": "重大",
    # presence reasons (choosing a venue by hand)
    "presence_reason.placard_missing": "标牌缺失",
    "presence_reason.placard_damaged": "标牌损坏、无法扫描",
    "presence_reason.scanner_broken": "扫码枪故障",
    "presence_reason.venue_closed": "场所关门，无法到标牌处",
    "presence_reason.other": "其他原因（请在备注中说明）",
    "presence_reason.other_short": "其他原因",
    # key labels (footer, command palette); `.tip` is the tooltip / palette help
    "binding.app.find_venue": "查找场所",
    "binding.app.find_venue.tip": "按名称、编号或地址查找场所",
    "binding.app.scan": "扫码",
    "binding.app.scan.tip": "扫描场所标牌上的二维码（扫码枪或手工输入编号）",
    "binding.app.language": "English",
    "binding.app.language.tip": "界面语言切换为英文（保存为设置）",
    "binding.app.help": "按键",
    "binding.app.help.tip": "显示或隐藏当前界面的按键说明",
    "binding.app.close_keys": "隐藏按键说明",
    "binding.app.close_keys.tip": "按键说明打开时，Esc 先关闭它",
    "binding.app.quit": "退出",
    "binding.app.quit.tip": "退出程序（检查未提交或表未保存时先问一下）",
    "binding.home.open": "打开",
    "binding.home.open.tip": "检查所选场所、继续所选草稿或复查所选隐患",
    "binding.home.refresh": "刷新",
    "binding.home.refresh.tip": "重新读取首页数据",
    "binding.home.next_page": "下一页",
    "binding.home.next_page.tip": "待检场所的下一页",
    "binding.home.prev_page": "上一页",
    "binding.home.prev_page.tip": "待检场所的上一页",
    "binding.find.down_to_results": "到结果",
    "binding.find.down_to_results.tip": "从搜索框下移到结果列表",
    "binding.find.next_page": "下一页",
    "binding.find.next_page.tip": "下一页结果",
    "binding.find.prev_page": "上一页",
    "binding.find.prev_page.tip": "上一页结果",
    "binding.find.back": "返回",
    "binding.find.back.tip": "关闭查找，回到上一界面",
    "binding.dialog.cancel": "取消",
    "binding.dialog.cancel.tip": "关闭对话框，不做任何事",
    "binding.dialog.yes": "是",
    "binding.dialog.no": "否",
    # home
    "home.subtitle": "首页",
    "home.loading": "正在读取…",
    "home.me": "{name}（{role}）",
    "home.my_grids": "我的网格：{grids}",
    "home.no_grids": "我的网格：（未分配）",
    "home.today": "今天 {date}",
    "home.unsynced": "未同步记录：{count}",
    "home.all_synced": "全部已同步",
    "home.bucket": "{label} {count}",
    "home.due.title": "待检场所（共 {total} 处，第 {first}–{last} 处）",
    "home.due.title_empty": "待检场所：本周没有到期的场所",
    "home.drafts.title": "未完成的检查（{count}）",
    "home.drafts.empty": "没有未完成的检查",
    "home.findings.title": "我负责的隐患（{count}，其中逾期 {overdue}）",
    "home.findings.empty": "没有未整改的隐患",
    "home.col.bucket": "状态",
    "home.col.due": "到期日",
    "home.col.code": "编号",
    "home.col.name": "场所",
    "home.col.kind": "类别",
    "home.col.grid": "网格",
    "home.col.started": "开始时间",
    "home.col.item": "检查到",
    "home.col.deadline": "整改期限",
    "home.col.severity": "等级",
    "home.col.state": "状态",
    "home.col.item_code": "检查项",
    "home.col.venue_code": "场所编号",
    "home.col.venue_name": "场所名称",
    "home.never": "从未检查",
    "home.overdue_mark": "⚠",  # after the deadline; the title counts those overdue
    "home.not_available": "{what}功能尚未安装，请更新程序。",
    "home.what.inspect": "检查",
    "home.what.reinspect": "复查",
    # not enrolled
    "enroll.title": "本机尚未登记",
    "enroll.body": (
        "这台设备还没有登记到任何网格员，无法开始巡查。\n\n"
        "试用：在终端运行  fieldapp demo  生成演示数据并打开程序。\n"
        "正式使用：向管理员索取登记码，运行  fieldapp enroll 服务器地址 登记码 。\n\n"
        "按 q 退出。"
    ),
    # find venue
    "find.subtitle": "查找场所",
    "find.placeholder": "输入场所名称、编号或地址（如 东门、DM-0042、人民路）",
    "find.kind.prompt": "全部类别",
    "find.grid.prompt": "全部网格",
    "find.col.code": "编号",
    "find.col.name": "名称",
    "find.col.kind": "类别",
    "find.col.grid": "网格",
    "find.col.address": "地址",
    "find.status": "第 {page} 页 · 本页 {count} 处{more}",
    "find.status.more": " · 按 PgDn 或 n 看下一页",
    "find.status.none": "没有找到符合条件的场所。换个关键词，或清除类别、网格筛选。",
    "find.searching": "正在查找…",
    # scan
    "scan.title": "扫码",
    "scan.hint": "用扫码枪扫描场所标牌上的二维码，\n或输入场所编号、标牌照片的文件路径后按回车。",
    "scan.placeholder": "二维码内容或场所编号",
    "scan.unknown": ("没有编号为“{code}”的场所。请核对标牌上的编号后重扫，或按 / 按名称查找场所。"),
    # In the open scan dialog "/" types into the field (a photo's path starts with /).
    "scan.unknown_in_dialog": (
        "没有编号为“{code}”的场所。请核对标牌上的编号后重扫，或按 Esc 后再按 / 按名称查找场所。"
    ),
    "scan.empty": "没有读到内容。请对准二维码重新扫描，或输入场所编号。",
    "scan.placard_unsupported": (
        "这是一块签名标牌，但本机还不能核验签名标牌。请输入标牌上的场所编号。"
    ),
    "scan.refused": "{message}",
    # presence
    "presence.title": "手工选择场所：{venue}",
    "presence.hint": "没有扫码时，请说明原因（会随检查记录一起上报）。",
    "presence.note": "备注（可选；选“其他原因”时必填）",
    "presence.note_needed": (
        "选择“其他原因”时，请在备注中用文字写明原因\n"
        "（至少两个字或四个字母，如“标牌被遮挡”），标点和空格不算。"
    ),
    "presence.ok": "开始检查",
    "form.discard.title": "放弃已填写的内容？",
    "form.discard.body": "这张表还没有保存；放弃后填写的内容不会留下。",
    "form.discard.yes": "放弃",
    "form.discard.no": "继续填写",
    "form.saving": "正在保存，请稍候：保存好后这张表会自己关闭。",
    "presence.cancel": "取消",
    # resume
    "resume.title": "继续未完成的检查？",
    "resume.body": "{venue}（{code}）\n开始于 {started}，停在检查项 {item}。\n将从这一项继续，已填的内容都在。",
    "resume.yes": "继续检查",
    "resume.no": "稍后",
    # confirm
    "confirm.yes": "确定",
    "confirm.no": "取消",
    # quit (ctrl+q) while work is open
    "quit.title": "退出程序？",
    "quit.inspection": "这次检查还没有提交。已作答的内容都已保存，下次在首页可以继续检查。",
    "quit.typed_kept": "{code} 输入框里还没回车的 {value} 退出前会保存为它的答案。",
    "quit.typed_lost": "{code} 输入框里的“{value}”不是有效的答案，退出后不会保留。",
    "quit.typed_hazard": (
        "{code} 输入框里的 {value} 会删除已登记的隐患，退出后不会保存；"
        "要改答案，回到这一项输入后按回车。"
    ),
    "quit.typed_fails": (
        "{code} 输入框里的 {value} 不合格、要登记隐患，退出后不会保存；"
        "要保存，回到这一项输入后按回车，再填写隐患。"
    ),
    "quit.saving": "这张表正在保存；选“退出”会等它保存好再退出。",
    "quit.after_save": "正在保存，保存好后就退出。",
    "quit.yes": "退出",
    "quit.no": "不退出",
    # notifications
    "notify.error": "出错了：{error}。数据没有丢失，请重试；如果一再出现，请联系管理员。",
    "notify.language": "界面语言：中文",
    "notify.presence_recorded": "已扫码，本次检查记为到场扫码。",
    "status.line": "{name} · {role} · {date} · {sync}",
}

EN: dict[str, str] = {
    "app.title": "Grid inspection",
    "venue.label": "{name} ({code})",
    "app.date_placeholder": "YYYY-MM-DD",
    "app.aside": "{text} ({aside})",
    **{f"kind.{k}": v for k, v in venue_kinds.EN.items()},
    **{f"kind_short.{k}": v for k, v in venue_kinds.SHORT_EN.items()},
    "grid_level.town": "Town grid",
    "grid_level.village": "Village grid",
    "grid_level.area": "Area grid",
    "role.inspector": "Inspector",
    "role.supervisor": "Grid head",
    "role.admin": "Administrator",
    "bucket.overdue": "Overdue",
    "bucket.today": "Due today",
    "bucket.week": "This week",
    "bucket.later": "Later",
    "finding_state.open": "To rectify",
    "finding_state.rectification_reported": "To re-check (reported fixed)",
    "finding_state.handed_over": "Handed over",
    "finding_state.outcome_recorded": "To close (outcome recorded)",
    "finding_state.closed": "Closed",
    "finding_state.short.open": "To rectify",
    "finding_state.short.rectification_reported": "To re-check",
    "finding_state.short.handed_over": "Handed over",
    "finding_state.short.outcome_recorded": "To close",
    "finding_state.short.closed": "Closed",
    "severity.general": "General",
    "severity.major": "Major",
    "presence_reason.placard_missing": "Placard missing",
    "presence_reason.placard_damaged": "Placard damaged or unreadable",
    "presence_reason.scanner_broken": "Scanner not working",
    "presence_reason.venue_closed": "Venue closed, placard out of reach",
    "presence_reason.other": "Other (explain in the note)",
    "presence_reason.other_short": "Other",
    "binding.app.find_venue": "Find venue",
    "binding.app.find_venue.tip": "Find a venue by name, code or address",
    "binding.app.scan": "Scan",
    "binding.app.scan.tip": "Scan a venue's placard QR code (scanner or typed code)",
    "binding.app.language": "中文",
    "binding.app.language.tip": "Switch the interface to Chinese (saved as a setting)",
    "binding.app.help": "Keys",
    "binding.app.help.tip": "Show or hide the keys of this screen",
    "binding.app.close_keys": "Hide keys",
    "binding.app.close_keys.tip": "While the keys are shown, Esc hides them first",
    "binding.app.quit": "Quit",
    "binding.app.quit.tip": "Quit (asks first while an inspection or a form is open)",
    "binding.home.open": "Open",
    "binding.home.open.tip": "Inspect the venue, resume the draft or re-inspect the hazard",
    "binding.home.refresh": "Refresh",
    "binding.home.refresh.tip": "Read the home data again",
    "binding.home.next_page": "Next",
    "binding.home.next_page.tip": "Next page of venues due",
    "binding.home.prev_page": "Prev",
    "binding.home.prev_page.tip": "Previous page of venues due",
    "binding.find.down_to_results": "To results",
    "binding.find.down_to_results.tip": "Down from the search field to the results",
    "binding.find.next_page": "Next page",
    "binding.find.next_page.tip": "Next page of results",
    "binding.find.prev_page": "Prev page",
    "binding.find.prev_page.tip": "Previous page of results",
    "binding.find.back": "Back",
    "binding.find.back.tip": "Close the search and go back",
    "binding.dialog.cancel": "Cancel",
    "binding.dialog.cancel.tip": "Close the dialog without doing anything",
    "binding.dialog.yes": "Yes",
    "binding.dialog.no": "No",
    "home.subtitle": "Home",
    "home.loading": "Loading…",
    "home.me": "{name} ({role})",
    "home.my_grids": "My grids: {grids}",
    "home.no_grids": "My grids: (none assigned)",
    "home.today": "Today {date}",
    "home.unsynced": "Not yet synced: {count}",
    "home.all_synced": "All synced",
    "home.bucket": "{label} {count}",
    "home.due.title": "Venues due ({total}; showing {first}–{last})",
    "home.due.title_empty": "Venues due: none this week",
    "home.drafts.title": "Unfinished inspections ({count})",
    "home.drafts.empty": "No unfinished inspections",
    "home.findings.title": "Hazards I own ({count}, {overdue} overdue)",
    "home.findings.empty": "No open hazards",
    "home.col.bucket": "Status",
    "home.col.due": "Due",
    "home.col.code": "Code",
    "home.col.name": "Venue",
    "home.col.kind": "Kind",
    "home.col.grid": "Grid",
    "home.col.started": "Started",
    "home.col.item": "At item",
    "home.col.deadline": "Deadline",
    "home.col.severity": "Severity",
    "home.col.state": "State",
    "home.col.item_code": "Item",
    "home.col.venue_code": "Venue",
    "home.col.venue_name": "Venue name",
    "home.never": "first visit",
    "home.overdue_mark": "⚠",
    "home.not_available": "The {what} screen is not installed; update the program.",
    "home.what.inspect": "inspection",
    "home.what.reinspect": "re-inspection",
    "enroll.title": "This device is not enrolled",
    "enroll.body": (
        "This device is not enrolled for any inspector yet, so no round can start.\n\n"
        "To try it: run  fieldapp demo  to build demo data and open the program.\n"
        "For real use: ask the administrator for an enrolment code and run\n"
        "  fieldapp enroll SERVER_URL CODE .\n\n"
        "Press q to quit."
    ),
    "find.subtitle": "Find venue",
    "find.placeholder": "Venue name, code or address (e.g. 东门, DM-0042, 人民路)",
    "find.kind.prompt": "All kinds",
    "find.grid.prompt": "All grids",
    "find.col.code": "Code",
    "find.col.name": "Name",
    "find.col.kind": "Kind",
    "find.col.grid": "Grid",
    "find.col.address": "Address",
    "find.status": "Page {page} · {count} on this page{more}",
    "find.status.more": " · PgDn or n for the next page",
    "find.status.none": "No venue matches. Try other words, or clear the kind and grid filters.",
    "find.searching": "Searching…",
    "scan.title": "Scan",
    "scan.hint": (
        "Scan the QR code on the venue's placard, or type the venue code or the path of a "
        "photo of the placard, and press Enter."
    ),
    "scan.placeholder": "QR content or venue code",
    "scan.unknown": (
        "No venue has the code '{code}'. Check the code on the placard and scan again, "
        "or press / to find the venue by name."
    ),
    "scan.unknown_in_dialog": (
        "No venue has the code '{code}'. Check the code on the placard and scan again, "
        "or press Esc, then / to find the venue by name."
    ),
    "scan.empty": "Nothing was read. Aim at the QR code and scan again, or type the venue code.",
    "scan.placard_unsupported": (
        "This is a signed placard, but this device cannot check signed placards yet. "
        "Type the venue code printed on it."
    ),
    "scan.refused": "{message}",
    "presence.title": "Venue chosen by hand: {venue}",
    "presence.hint": "Without a scan, say why (it is reported with the inspection).",
    "presence.note": "Note (optional; required for 'Other')",
    "presence.note_needed": "For 'Other', write the reason in the note in words (at least four letters or two Chinese characters, e.g. 'placard covered'); punctuation and spaces do not count.",
    "presence.ok": "Start inspection",
    "form.discard.title": "Discard what you typed?",
    "form.discard.body": "This form is not saved; what was typed will not be kept.",
    "form.discard.yes": "Discard",
    "form.discard.no": "Keep editing",
    "form.saving": "Saving, please wait: the form closes by itself once it is saved.",
    "presence.cancel": "Cancel",
    "resume.title": "Resume the unfinished inspection?",
    "resume.body": (
        "{venue} ({code})\nStarted {started}, stopped at item {item}.\n"
        "It picks up at that item with every answer kept."
    ),
    "resume.yes": "Resume",
    "resume.no": "Later",
    "confirm.yes": "OK",
    "confirm.no": "Cancel",
    "quit.title": "Quit?",
    "quit.inspection": (
        "The inspection is not submitted. Your answers are saved; it can be resumed from Home."
    ),
    "quit.typed_kept": "{value}, typed on {code} and not yet entered, is saved as its answer.",
    "quit.typed_lost": "'{value}', typed on {code}, is not a valid answer and is not kept.",
    "quit.typed_hazard": (
        "{value}, typed on {code}, would delete the hazard recorded there and is not kept; "
        "to change the answer, type it there and press Enter."
    ),
    "quit.typed_fails": (
        "{value}, typed on {code}, fails the item and would record a hazard, so it is not kept; "
        "to save it, type it there, press Enter and fill in the hazard."
    ),
    "quit.saving": "This form is being saved; Quit waits until it is saved, then quits.",
    "quit.after_save": "Saving; the app quits once it is saved.",
    "quit.yes": "Quit",
    "quit.no": "Stay",
    "notify.error": (
        "Something went wrong: {error}. Nothing was lost; try again, and call the "
        "administrator if it keeps happening."
    ),
    "notify.language": "Language: English",
    "notify.presence_recorded": "Scanned: this inspection now records the placard scan.",
    "status.line": "{name} · {role} · {date} · {sync}",
}
