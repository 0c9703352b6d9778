"""The office's command line (`fieldapp admin …`, `fieldapp demo`): refusals, column
headers and confirmations its commands print."""

from __future__ import annotations

ZH: dict[str, str] = {
    "patrol.attendance.col.grid": "网格",
    "patrol.attendance.col.late": "迟到点位",
    "admin.devices.col.device": "设备",
    "admin.devices.col.state": "状态",
    "admin.devices.col.person": "人员编号",
    "admin.devices.col.name": "姓名",
    "admin.devices.col.role": "角色",
    "admin.devices.col.device_name": "设备名称",
    "admin.devices.col.enrolled": "注册时间",
    "admin.devices.col.last_seen": "最近联系",
    "admin.devices.state.active": "使用中",
    "admin.devices.state.revoked": "已吊销",
    "admin.devices.state.signed_out": "已退出",
    "admin.devices.state.replaced": "已重新注册",
    "admin.no_person": "没有编号为 {person} 的人员：请检查编号，或先用 fieldapp admin import-people 导入人员",
    "campaign.admin.dates": "{starts} 至 {ends}",
    "campaign.admin.dates_from": "{starts} 起，不设结束日期",
    "campaign.admin.dates_until": "至 {ends}，不设开始日期",
    "campaign.admin.dates_none": "不限日期",
    "campaign.admin.in_grids": "范围 {grids}",
    "campaign.admin.in_all_grids": "范围 全部网格",
    "admin.retention.would": "将按保存期限删除：{counts}（{kept}）。服务器和各设备都会删除，无法恢复。",
    "admin.retention.confirm": "确定删除吗？",
    "admin.retention.not_deleted": "未删除任何记录。",
    "admin.retention.nothing": "没有超过保存期限的记录（{kept}），未删除任何记录。",
    "demo.workspace.reused": "示例工作区：{home}（沿用已有的示例数据，以{role}身份使用）",
    "demo.workspace.built": "示例工作区：{home}\n  {counts}（逾期 {overdue} 处）；用时 {seconds} 秒，以{role}身份使用",
    "demo.workspace.count.venues": "场所 {count} 家",
    "demo.workspace.count.inspections": "检查记录 {count} 条",
    "demo.workspace.count.answers": "答题 {count} 条",
    "demo.workspace.count.open_findings": "未整改隐患 {count} 处",
    "demo.refused.role": "身份须为以下之一：{roles}",
    "demo.refused.has_venues": "{store} 里已有场所，示例要用新的设备库：请给 --home 一个新的文件夹",
    "demo.refused.checklists": "随附的检查表未能载入：{problems}",
    "demo.refused.not_a_demo": "{store} 不是 fieldapp demo 建的设备库，不能用来演示：请给 --home 一个新的文件夹",
    "admin.no_grid": "服务器上没有网格 {grid}：请检查网格编码，或先用 fieldapp admin import-grids 导入",
    "admin.no_place.venue": "服务器上没有场所 {code}：请检查场所编码",
    "admin.no_place.checkpoint": "服务器上没有巡逻点位 {code}：请检查点位编码",
    "admin.web_user.bad_name": "“{username}”不能用作用户名：用户名须为 1 到 64 个字母（可用汉字）、数字或 . _ -，以字母或数字开头，不能有空格或表情符号",
    "admin.web_user.short_password": "密码至少要有 {count} 个字符",
    "admin.reader_key.no_name": "请给密钥起一个说明谁使用它的名称，如 --name 市大数据局",
    "admin.reader_key.no_grid": "请至少写一个该密钥可以读取的网格（--grid 编码）",
    "admin.alerts.not_a_url": "{url} 不是网址（http:// 或 https://）：请填写机器人的 Webhook 地址",
    "admin.placard_key.current_revoked": "当前的标牌密钥 {key_id} 已吊销：请运行 fieldapp admin placard-key rotate 生成新密钥",
    "admin.placard_key.no_private_half": "标牌密钥 {key_id} 的私钥不在这台服务器上：请在保存私钥的服务器上打印标牌，或运行 fieldapp admin placard-key rotate 生成新密钥",
}

EN: dict[str, str] = {
    "patrol.attendance.col.grid": "Grid",
    "patrol.attendance.col.late": "Late checkpoints",
    "admin.devices.col.device": "Device",
    "admin.devices.col.state": "State",
    "admin.devices.col.person": "Person",
    "admin.devices.col.name": "Name",
    "admin.devices.col.role": "Role",
    "admin.devices.col.device_name": "Device name",
    "admin.devices.col.enrolled": "Enrolled",
    "admin.devices.col.last_seen": "Last seen",
    "admin.devices.state.active": "Active",
    "admin.devices.state.revoked": "Revoked",
    "admin.devices.state.signed_out": "Signed out",
    "admin.devices.state.replaced": "Enrolled again",
    "admin.no_person": "There is no person with id {person}: check the id, or import people first with fieldapp admin import-people",
    "campaign.admin.dates": "{starts} to {ends}",
    "campaign.admin.dates_from": "from {starts}, no end date",
    "campaign.admin.dates_until": "until {ends}, no start date",
    "campaign.admin.dates_none": "no dates set",
    "campaign.admin.in_grids": "grids {grids}",
    "campaign.admin.in_all_grids": "all grids",
    "admin.retention.would": (
        "Past retention and to be deleted: {counts} ({kept}). The server and every device "
        "delete them; they cannot be brought back."
    ),
    "admin.retention.confirm": "Delete them?",
    "admin.retention.not_deleted": "Nothing was deleted.",
    "admin.retention.nothing": "Nothing is past retention ({kept}); nothing was deleted.",
    "demo.workspace.reused": "Demo workspace: {home} (reused, acting as {role})",
    "demo.workspace.built": (
        "Demo workspace: {home}\n  {counts} ({overdue} overdue); built in {seconds} s, "
        "acting as {role}"
    ),
    "demo.workspace.count.venues": "{count} venues",
    "demo.workspace.count.venues_one": "1 venue",
    "demo.workspace.count.inspections": "{count} inspections",
    "demo.workspace.count.inspections_one": "1 inspection",
    "demo.workspace.count.answers": "{count} answers",
    "demo.workspace.count.answers_one": "1 answer",
    "demo.workspace.count.open_findings": "{count} open hazards",
    "demo.workspace.count.open_findings_one": "1 open hazard",
    "demo.refused.role": "The role must be one of: {roles}",
    "demo.refused.has_venues": (
        "{store} already holds venues and the demo needs a fresh store: give --home a new directory"
    ),
    "demo.refused.checklists": "The shipped checklists could not be loaded: {problems}",
    "demo.refused.not_a_demo": (
        "{store} was not made by fieldapp demo and cannot be used for the demo: give --home "
        "a new directory"
    ),
    "admin.no_grid": (
        "There is no grid {grid} on the server: check the grid code, or import it first "
        "with fieldapp admin import-grids"
    ),
    "admin.no_place.venue": "There is no venue {code} on the server: check the venue code",
    "admin.no_place.checkpoint": (
        "There is no checkpoint {code} on the server: check the checkpoint code"
    ),
    "admin.web_user.bad_name": "'{username}' cannot be a user name: use 1 to 64 letters (Chinese characters too), digits or . _ -, starting with a letter or a digit, with no spaces or emoji",
    "admin.web_user.short_password": "The password must have at least {count} characters",
    "admin.web_user.short_password_one": "The password must have at least 1 character",
    "admin.reader_key.no_name": "Give the key a name that says who uses it, e.g. --name 'City Data Bureau'",
    "admin.reader_key.no_grid": "Name at least one grid the key may read (--grid CODE)",
    "admin.alerts.not_a_url": "{url} is not a web address (http:// or https://): give the robot's webhook address",
    "admin.placard_key.current_revoked": (
        "The current placard key {key_id} is revoked: run fieldapp admin placard-key rotate "
        "to make a new one"
    ),
    "admin.placard_key.no_private_half": (
        "The private half of placard key {key_id} is not on this server: print placards on "
        "the server that holds it, or run fieldapp admin placard-key rotate to make a new one"
    ),
}
