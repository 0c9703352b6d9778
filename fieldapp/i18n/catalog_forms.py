"""Messages for the forms the office shapes: conditional items, choices with outcomes,
thresholds and campaigns."""

from __future__ import annotations

ZH: dict[str, str] = {
    "inspect.answer_type.choice_multiple": "多选：{choices}（序号用逗号分隔），回车保存",
    "inspect.option_outcome": "{choice}（{severity}）",
    "inspect.answer_type.number_rule": "填数字（{rule} 判不合格），回车保存",
    "inspect.answer_type.date_rule": "填日期，按 年-月-日 填写（{rule} 判不合格），回车保存",
    "inspect.days_since": "距今天数",
    "binding.app.campaigns": "专项行动",
    "binding.campaigns.toggle": "开/关",
    "binding.campaigns.phase": "下一阶段",
    "binding.campaigns.refresh": "刷新",
    "binding.campaigns.back": "返回",
    "nav.place.campaigns": "专项行动",
    "campaigns.subtitle": "专项行动",
    "campaigns.title": "专项行动（空格开/关，p 切换阶段；下次同步后生效）",
    "campaigns.title_view": "专项行动：哪些正在进行、处于哪个阶段",
    "campaigns.none": "本机还没有专项行动：同步后显示办公室发布的专项行动",
    "campaigns.not_mine": "只有网格长和管理员可以开关专项行动、切换阶段；网格员在这里查看哪些正在进行。",
    "campaigns.col.name": "名称",
    "campaigns.col.state": "状态",
    "campaigns.col.phase": "阶段",
    "campaigns.col.dates": "日期",
    "campaigns.dates.any": "不限日期",
    "campaigns.dates.from": "{day} 起",
    "campaigns.dates.until": "至 {day}",
    "campaigns.col.grids": "范围",
    "campaigns.state.on": "进行中",
    "campaigns.state.off": "未开启",
    "campaigns.state.ended": "已结束",
    "campaigns.state.waiting": "{state} → {wanted}（待同步）",
    "campaigns.state.refused": "{state}（切换被拒）",
    "campaigns.phases": "{name}的阶段：{phases}",
    "campaigns.refused": "服务器拒绝了上次切换：{reason}",
    "campaigns.left_out": "{name}第 {number} 项（{code}）与检查表中一项编码相同，检查时已略去：请联系办公室。",
    "campaigns.supervisors_only": "只有网格长可以开关专项行动；网格员可查看哪些正在进行。",
    "campaigns.no_phases": "这个专项行动没有阶段",
    "campaigns.phase_when_off": "专项行动“{name}”未开启，p 只切换进行中行动的阶段：要开启它，按空格。",
    "campaigns.scope.grids": "{count} 个网格（{names}）",
    "campaigns.scope.town": "{name}全镇",
    "campaigns.sent.on": "已记下开启“{name}”{phase}，同步到服务器后生效。",
    "campaigns.sent.phase": "已记下把“{name}”切换到阶段“{phase}”，同步到服务器后生效。",
    "campaigns.sent.off": "已记下关闭“{name}”，同步到服务器后生效。",
    "campaigns.sent.phase_part": "（阶段：{phase}）",
    "campaigns.confirm.on": "开启专项行动“{name}”（阶段：{phase}）？",
    "campaigns.confirm.phase": "把专项行动“{name}”切换到阶段“{phase}”？",
    "campaigns.confirm.off": "关闭专项行动“{name}”？",
    "campaigns.confirm.scope": "范围：{grids}。同步后在此范围生效。",
    "campaign.admin.published": "已发布专项行动 {code} 第 {version} 版。",
    "campaign.admin.published_same": "专项行动 {code} 第 {version} 版已发布过，内容相同，未改动。",
    "campaign.admin.on": "{name}（{code}）：进行中 · 阶段 {phase} · {dates} · {where}",
    "campaign.admin.off": "{name}（{code}）：未开启",
    "campaign.admin.already_off": "{name}（{code}）本来就未开启，未改动。",
    "campaign.admin.already_on": "{name}（{code}）本来就在进行中，未改动（要改阶段、日期或网格，请用 --phase、--from、--to、--grid）。",
    "campaign.admin.phase_while_off": "{name}（{code}）：未开启；阶段已设为{phase}，开启后按此阶段检查（用 campaign start 开启）。",
    "campaign.admin.ended": "{name}（{code}）：已结束（结束日期已过）· 阶段 {phase} · {dates} · {where}",
    "campaign.admin.ends_past": "结束日期 {ends} 已过（今天是 {today}），专项行动不会在设备上开展：请用 --to 给出今天或以后的日期。",
    "campaign.admin.everywhere": "全部网格",
    "campaign.admin.none": "尚未发布专项行动。",
    "campaign.admin.changed": "专项行动 {code} 第 {version} 版已发布过，内容与 {file} 不同，未发布：要发布改动，请把文件中的 version 改为 {next}。",
    "campaign.admin.unknown": "没有已发布的专项行动 {code}（已发布：{known}）：请检查编码，或先用 fieldapp admin campaign publish 发布它的文件。",
    "campaign.admin.unknown_none": "没有已发布的专项行动 {code}，尚未发布任何专项行动：请先用 fieldapp admin campaign publish 发布它的文件。",
    "campaign.admin.no_phase": "专项行动 {code} 没有阶段“{phase}”：请使用其中之一：{phases}。",
    "campaign.admin.phase_dropped": "专项行动 {code} 正在阶段“{phase}”进行，而 {file} 的第 {version} 版没有这个阶段，未发布：请在文件的 phases 中保留“{phase}”，或先用 fieldapp admin campaign phase {code} 切换到新版本也有的阶段（{shared}），再发布。",
    "campaign.admin.phase_dropped_keep": "专项行动 {code} 正在阶段“{phase}”进行，而 {file} 的第 {version} 版没有这个阶段，未发布：请在文件的 phases 中保留“{phase}”后再发布。",
    "campaign.admin.not_a_date": "{option} 的值“{value}”不是日期：请按 年-月-日 写，如 2026-03-01。",
    "campaign.admin.ends_before_start": "专项行动会在开始（{starts}）之前结束（{ends}）：请检查 --from 和 --to 的日期。",
    "campaign.admin.item_clash": "{file} 中的检查项 {item} 与场所类型 {kind} 的检查表 {checklist} 中的检查项编码相同，未发布：设备上会把两项当作一项，答案会混在一起；请给专项行动的这一项换一个该检查表没有的编码后再发布。",
    "admin.published.campaign_item_clash": "{file} 中的检查项 {item} 与专项行动 {campaign} 在场所类型 {kind} 下的检查项编码相同，未发布：设备上会把两项当作一项，答案会混在一起；请给检查表的这一项换一个专项行动 {campaign} 没有用的编码后再发布。",
    "campaign.admin.unknown_grids": "不认识的网格编码：{grids}：请使用已用 fieldapp admin import-grids 导入的网格编码。",
    "campaign.home.active": "专项行动：{campaigns}",
    "campaign.with_phase": "{name}（{phase}）",
    "inspect.campaigns": "专项：{campaigns}",
}

EN: dict[str, str] = {
    "inspect.answer_type.choice_multiple": (
        "Choose one or more: {choices} (numbers separated by commas), Enter saves"
    ),
    "inspect.option_outcome": "{choice} ({severity})",
    "inspect.answer_type.number_rule": "Enter a number (fails when {rule}), Enter saves",
    "inspect.answer_type.date_rule": "Enter a date YYYY-MM-DD (fails when {rule}), Enter saves",
    "inspect.days_since": "days since",
    "binding.app.campaigns": "Campaigns",
    "binding.campaigns.toggle": "On/off",
    "binding.campaigns.phase": "Next phase",
    "binding.campaigns.refresh": "Refresh",
    "binding.campaigns.back": "Back",
    "nav.place.campaigns": "Campaigns",
    "campaigns.subtitle": "Campaigns",
    "campaigns.title": "Campaigns (space: on/off, p: next phase; in force after the next sync)",
    "campaigns.title_view": "Campaigns: which are on, and in what phase",
    "campaigns.none": "No campaigns on this device yet: sync to get those the office published",
    "campaigns.not_mine": "Only grid heads and administrators switch campaigns and their phases; this lists those running.",
    "campaigns.col.name": "Name",
    "campaigns.col.state": "State",
    "campaigns.col.phase": "Phase",
    "campaigns.col.dates": "Dates",
    "campaigns.dates.any": "No dates",
    "campaigns.dates.from": "from {day}",
    "campaigns.dates.until": "until {day}",
    "campaigns.col.grids": "Grids",
    "campaigns.state.on": "on",
    "campaigns.state.off": "off",
    "campaigns.state.ended": "ended",
    "campaigns.state.waiting": "{state} → {wanted} (waiting to sync)",
    "campaigns.state.refused": "{state} (switch refused)",
    "campaigns.phases": "Phases of {name}: {phases}",
    "campaigns.refused": "The server refused the last switch: {reason}",
    "campaigns.left_out": (
        "Item {number} ({code}) of {name} has the code of a checklist item, so inspections "
        "leave it out: ask the office."
    ),
    "campaigns.supervisors_only": "Only a supervisor switches campaigns; inspectors see which are on.",
    "campaigns.no_phases": "This campaign has no phases",
    "campaigns.phase_when_off": (
        "The campaign '{name}' is off, and p only moves a running campaign to its next "
        "phase: to switch it on, press space."
    ),
    "campaigns.scope.grids": "{count} grids ({names})",
    "campaigns.scope.grids_one": "1 grid ({names})",
    "campaigns.scope.town": "all of {name}",
    "campaigns.sent.on": "Switching on '{name}'{phase} is recorded, in force once synced to the server.",
    "campaigns.sent.phase": "Moving '{name}' to the phase '{phase}' is recorded, in force once synced to the server.",
    "campaigns.sent.off": "Switching off '{name}' is recorded, in force once synced to the server.",
    "campaigns.sent.phase_part": " (phase: {phase})",
    "campaigns.confirm.on": "Switch on the campaign '{name}' (phase: {phase})?",
    "campaigns.confirm.phase": "Move the campaign '{name}' to the phase '{phase}'?",
    "campaigns.confirm.off": "Switch off the campaign '{name}'?",
    "campaigns.confirm.scope": "Where: {grids}. In force there after the next sync.",
    "campaign.admin.published": "Published campaign {code} version {version}.",
    "campaign.admin.published_same": (
        "Campaign {code} version {version} was already published with the same content."
    ),
    "campaign.admin.on": "{name} ({code}): on · phase {phase} · {dates} · {where}",
    "campaign.admin.off": "{name} ({code}): off",
    "campaign.admin.already_off": "{name} ({code}) is already off; nothing changed.",
    "campaign.admin.already_on": (
        "{name} ({code}) is already running; nothing changed (to change its phase, dates or "
        "grids, give --phase, --from, --to or --grid)."
    ),
    "campaign.admin.phase_while_off": (
        "{name} ({code}): off; phase set to {phase}, used once it is started (campaign start)."
    ),
    "campaign.admin.ended": "{name} ({code}): ended (its end date has passed) · phase {phase} · {dates} · {where}",
    "campaign.admin.ends_past": (
        "The end date {ends} has passed (today is {today}), so devices would not run the "
        "campaign: give --to today or a later date."
    ),
    "campaign.admin.everywhere": "all grids",
    "campaign.admin.none": "No campaign is published yet.",
    "campaign.admin.changed": (
        "Campaign {code} version {version} is already published with other content than "
        "{file}; nothing was published: to publish a change, set version to {next} in the file."
    ),
    "campaign.admin.unknown": (
        "No campaign {code} is published (published: {known}): check the code, or publish "
        "its file first with fieldapp admin campaign publish."
    ),
    "campaign.admin.unknown_none": (
        "No campaign {code} is published, nor any other: publish its file first with "
        "fieldapp admin campaign publish."
    ),
    "campaign.admin.no_phase": "Campaign {code} has no phase '{phase}': use one of {phases}.",
    "campaign.admin.phase_dropped": (
        "Campaign {code} is running in the phase {phase}, which version {version} in {file} "
        "does not have; nothing was published: keep {phase} in the file's phases, or first "
        "move the campaign to a phase the new version has too ({shared}) with "
        "fieldapp admin campaign phase {code}, then publish again."
    ),
    "campaign.admin.phase_dropped_keep": (
        "Campaign {code} is running in the phase {phase}, which version {version} in {file} "
        "does not have; nothing was published: keep {phase} in the file's phases and publish "
        "again."
    ),
    "campaign.admin.not_a_date": (
        "{option} '{value}' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-01."
    ),
    "campaign.admin.ends_before_start": (
        "The campaign would end ({ends}) before it starts ({starts}): check the dates of "
        "--from and --to."
    ),
    "campaign.admin.item_clash": (
        "The item {item} in {file} has the code of an item of the checklist {checklist} "
        "of the kind {kind}; nothing was published: a device would take the two for one "
        "and mix their answers. Give the campaign's item a code that checklist does not use "
        "and publish again."
    ),
    "admin.published.campaign_item_clash": (
        "The item {item} in {file} has the code of an item of the campaign {campaign} "
        "for the kind {kind}; nothing was published: a device would take the two for one "
        "and mix their answers. Give the checklist's item a code the campaign {campaign} "
        "does not use and publish again."
    ),
    "campaign.admin.unknown_grids": (
        "Unknown grid codes: {grids}: use the codes of grids imported with "
        "fieldapp admin import-grids."
    ),
    "campaign.home.active": "Campaigns: {campaigns}",
    "campaign.with_phase": "{name} ({phase})",
    "inspect.campaigns": "Campaigns: {campaigns}",
}
