"""Messages for sync in the TUI (status bar, sync screen), the demo server and placard keys."""

from __future__ import annotations

ZH = {
    "binding.app.sync": "同步",
    "binding.app.sync.tip": "立即与服务器同步：上传照片、上报记录、下载更新",
    "binding.app.sync_screen": "同步情况",
    "binding.app.sync_screen.tip": "查看同步进度、被拒收的记录和最近的错误",
    "binding.sync.close": "返回",
    "binding.sync.close.tip": "关闭同步情况（同步在后台继续）",
    "sync_ui.status.online": "在线",
    "sync_ui.status.offline": "离线",
    "sync_ui.status.syncing": "正在同步…",
    "sync_ui.status.checking": "正在检查同步状态…",
    "sync_ui.status.not_enrolled": "需重新注册",
    "sync_ui.status.not_configured": "未注册",
    "sync_ui.status.sync_failed": "同步失败",
    "sync_ui.status.last": "上次同步 {at}",
    "sync_ui.status.patrol_open": "巡逻进行中，尚未结束",
    "sync_ui.title": "同步",
    "sync_ui.server": "服务器：{url}",
    "sync_ui.server.none": "本设备尚未注册到服务器。",
    "sync_ui.running": "正在同步…界面可以继续使用，同步在后台进行。",
    "sync_ui.idle": "按 F12 立即同步。",
    "sync_ui.done": "同步完成：上报 {pushed} 条，下载 {pulled} 条，上传照片 {count} 张。",
    "sync_ui.offline": "离线：{error}。所有记录都保存在本机，联网后会自动上报。",
    "sync_ui.failed": "同步失败：{error}。所有记录都保存在本机，改正后按 F12 重新同步。",
    "sync_ui.crashed": "同步意外中断，所有记录都保存在本机：请按 F12 重新同步。",
    "sync_ui.not_enrolled": (
        "本设备需要重新注册：服务器不再接受它的凭据（{error}）。"
        "请向管理员索取注册码，然后运行 `fieldapp enroll 服务器地址 注册码`。记录仍保存在本机。"
    ),
    "sync_ui.not_configured": (
        "本设备尚未注册到服务器。请向管理员索取注册码，然后运行 "
        "`fieldapp enroll 服务器地址 注册码`。"
    ),
    "sync_ui.waiting": "等待上报：{count} 条",
    "sync_ui.last": "上次成功同步：{at}",
    "sync_ui.never": "尚未成功同步过",
    "sync_ui.tried": "最近一次尝试：{at}",
    "sync_ui.rejected.title": "服务器拒收的记录（{count} 条）：",
    "sync_ui.rejected.none": "没有被拒收的记录。",
    "sync_ui.warnings.title": "提示：",
    "sync_ui.conflicts.title": "已记录的冲突：",
    "sync_ui.conflicts.about": "{about}：{conflict}",
    "sync_ui.notify.replaced": "“{person}”的{field}已被{by}改为“{theirs}”（本机原为“{mine}”）。",
    "people.conflict.kept": "“{record}”的{field}已被{by}改为{theirs}，本机改的{mine}未采用，如需要请重新修改。",
    "people.conflict.empty": "（空）",
    "people.conflict.quoted": "“{value}”",
    "people.conflict.someone": "他人",
    "people.conflict.office": "办公室导入",
    "people.conflict.field.name": "姓名",
    "people.conflict.field.sex": "性别",
    "people.conflict.field.birth_year": "出生年份",
    "people.conflict.field.id_number": "身份证号",
    "people.conflict.field.phone": "电话",
    "people.conflict.field.tags": "类别",
    "people.conflict.field.arrived_on": "到达日期",
    "people.conflict.field.left_on": "离开日期",
    "people.conflict.field.note": "备注",
    "people.conflict.field.code": "户号",
    "people.conflict.field.building": "楼栋",
    "people.conflict.field.venue_id": "所在出租房",
    "people.conflict.field.address": "地址",
    "people.conflict.field.grid": "网格",
    "people.conflict.field.vehicles": "车辆",
    "sync_ui.error.title": "最近的错误：{error}",
    "sync_ui.retry": "约 {seconds} 秒后可重试。",
    "sync_ui.notify.done": "同步完成：上报 {pushed} 条，下载 {pulled} 条。",
    "sync_ui.notify.rejected": "服务器拒收 {count} 条记录，按 Ctrl+F12 查看原因。",
    "sync_ui.notify.new_epoch": "服务器已从备份恢复：本机已重新上报并重新下载。",
    "sync_ui.notify.unverified": "{count} 次扫码未通过服务器核验，已按手工确认到场记录；按 Ctrl+F12 查看原因。",
    "sync_ui.verdicts.title": "服务器对您扫码到场的核验（{count} 条）：",
    "sync_ui.verdicts.unverified": "⚠ {venue}（提交 {at}）：未通过——{reason}；已按手工确认到场记录",
    "sync_ui.verdicts.verified": "✔ {venue}（提交 {at}）：标牌已核验",
    "demo.server.started": "示例服务器：{url}（数据库 {db}）",
    "demo.server.enrolled": "已注册设备 {device}（{name}，{role}），数据目录 {home}",
    "demo.server.colleague": "同事 {name} 的 {count} 条记录已由其设备上报到服务器。",
    "demo.server.failed": "示例服务器未能启动：{error}。界面照常打开，同步不可用。",
    "demo.server.stopping": "正在停止示例服务器…",
    "admin.placard_key.made": "已生成标牌密钥 {key_id}（私钥保存在服务器数据库中，仅所有者可读）。",
    "admin.placard_key.kept": "标牌密钥 {key_id} 已存在，未改动。",
    "admin.placard_key.none": "尚无标牌密钥；运行 `fieldapp admin init`。",
    "admin.placard_key.rotated": "新的当前标牌密钥 {key_id}；旧标牌仍然有效。各设备同步后生效。",
    "admin.placard_key.revoked": "标牌密钥 {key_id} 已吊销：各设备同步后将拒绝它签发的标牌。",
    "admin.placard_key.revoked_current": (
        "这是当前签发密钥：运行 `fieldapp admin placard-key rotate` 生成新密钥后才能打印标牌。"
    ),
    "admin.placard_key.unknown": "没有标牌密钥 {key_id}。",
}

EN = {
    "binding.app.sync": "Sync",
    "binding.app.sync.tip": "Sync with the server now: upload photos, send records, receive updates",
    "binding.app.sync_screen": "Sync status",
    "binding.app.sync_screen.tip": "Show sync progress, refused records and the last error",
    "binding.sync.close": "Back",
    "binding.sync.close.tip": "Close the sync status (a sync keeps running in the background)",
    "sync_ui.status.online": "Online",
    "sync_ui.status.offline": "Offline",
    "sync_ui.status.syncing": "Syncing…",
    "sync_ui.status.checking": "Checking what is synced…",
    "sync_ui.status.not_enrolled": "Enrol again",
    "sync_ui.status.not_configured": "Not enrolled",
    "sync_ui.status.sync_failed": "Sync failed",
    "sync_ui.status.last": "last sync {at}",
    "sync_ui.status.patrol_open": "patrol not finished yet",
    "sync_ui.title": "Sync",
    "sync_ui.server": "Server: {url}",
    "sync_ui.server.none": "This device is not enrolled with a server.",
    "sync_ui.running": "Syncing… You can keep working; the sync runs in the background.",
    "sync_ui.idle": "Press F12 to sync now.",
    "sync_ui.done": "Sync done: {pushed} sent, {pulled} received, {count} photos uploaded.",
    "sync_ui.done_one": "Sync done: {pushed} sent, {pulled} received, 1 photo uploaded.",
    "sync_ui.offline": (
        "Offline: {error}. Every record is kept on this device and will be sent when the "
        "connection is back."
    ),
    "sync_ui.failed": (
        "Sync failed: {error}. Every record is kept on this device; once that is put right, "
        "press F12 to sync again."
    ),
    "sync_ui.crashed": (
        "The sync stopped unexpectedly; every record is kept on this device. Press F12 to "
        "sync again."
    ),
    "sync_ui.not_enrolled": (
        "This device must be enrolled again: the server no longer accepts its credentials "
        "({error}). Ask the administrator for an enrolment code, then run "
        "`fieldapp enroll SERVER-URL CODE`. Your records are kept on this device."
    ),
    "sync_ui.not_configured": (
        "This device is not enrolled with a server. Ask the administrator for an enrolment "
        "code, then run `fieldapp enroll SERVER-URL CODE`."
    ),
    "sync_ui.waiting": "Waiting to be sent: {count}",
    "sync_ui.last": "Last successful sync: {at}",
    "sync_ui.never": "Never synced successfully yet",
    "sync_ui.tried": "Last tried: {at}",
    "sync_ui.rejected.title": "Records the server refused ({count}):",
    "sync_ui.rejected.none": "No refused records.",
    "sync_ui.warnings.title": "Notes:",
    "sync_ui.conflicts.title": "Conflicts recorded:",
    "sync_ui.conflicts.about": "{about}: {conflict}",
    "sync_ui.notify.replaced": "{person}, {field}: {by} changed it to '{theirs}' (this device had '{mine}').",
    "people.conflict.kept": "{record}: {by} changed the {field} to {theirs} meanwhile, so this device's {mine} was not applied; edit it again if it is still needed.",
    "people.conflict.empty": "(empty)",
    "people.conflict.quoted": "'{value}'",
    "people.conflict.someone": "someone else",
    "people.conflict.office": "an office import",
    "people.conflict.field.name": "name",
    "people.conflict.field.sex": "sex",
    "people.conflict.field.birth_year": "birth year",
    "people.conflict.field.id_number": "ID number",
    "people.conflict.field.phone": "phone",
    "people.conflict.field.tags": "groups",
    "people.conflict.field.arrived_on": "arrival date",
    "people.conflict.field.left_on": "departure date",
    "people.conflict.field.note": "note",
    "people.conflict.field.code": "household number",
    "people.conflict.field.building": "building",
    "people.conflict.field.venue_id": "rental housing",
    "people.conflict.field.address": "address",
    "people.conflict.field.grid": "grid",
    "people.conflict.field.vehicles": "vehicles",
    "sync_ui.error.title": "Last error: {error}",
    "sync_ui.retry": "Try again in about {seconds} s.",
    "sync_ui.notify.done": "Sync done: {pushed} sent, {pulled} received.",
    "sync_ui.notify.rejected": "The server refused {count} records; Ctrl+F12 shows why.",
    "sync_ui.notify.rejected_one": "The server refused 1 record; Ctrl+F12 shows why.",
    "sync_ui.notify.new_epoch": "The server was restored from a backup: re-sent and re-received.",
    "sync_ui.notify.unverified": (
        "{count} scans did not verify at the server and count as presence by hand; "
        "Ctrl+F12 shows why."
    ),
    "sync_ui.notify.unverified_one": (
        "1 scan did not verify at the server and counts as presence by hand; Ctrl+F12 shows why."
    ),
    "sync_ui.verdicts.title": "The server's check of your scans ({count}):",
    "sync_ui.verdicts.unverified": "⚠ {venue} (submitted {at}): not verified, {reason}; recorded as by hand",
    "sync_ui.verdicts.verified": "✔ {venue} (submitted {at}): placard verified",
    "demo.server.started": "Demo server: {url} (database {db})",
    "demo.server.enrolled": "Enrolled device {device} ({name}, {role}), data in {home}",
    "demo.server.colleague": "{count} records of colleague {name} were sent by their device.",
    "demo.server.colleague_one": "1 record of colleague {name} was sent by their device.",
    "demo.server.failed": "The demo server did not start: {error}. The TUI opens without sync.",
    "demo.server.stopping": "Stopping the demo server…",
    "admin.placard_key.made": "Made placard key {key_id} (private half kept in the server "
    "database, owner-only).",
    "admin.placard_key.kept": "Placard key {key_id} exists; unchanged.",
    "admin.placard_key.none": "No placard key yet; run `fieldapp admin init`.",
    "admin.placard_key.rotated": "New current placard key {key_id}; older placards stay valid. "
    "Devices pick it up at their next sync.",
    "admin.placard_key.revoked": "Placard key {key_id} revoked: devices refuse its placards "
    "after their next sync.",
    "admin.placard_key.revoked_current": "That was the current signing key: run "
    "`fieldapp admin placard-key rotate` before printing placards again.",
    "admin.placard_key.unknown": "No placard key {key_id}.",
}
