"""Messages for sync: enrolment, the headless `fieldapp sync`, the server's admin commands."""

from __future__ import annotations

ZH = {
    "sync.phase.photos": "上传照片",
    "sync.phase.push": "上报记录",
    "sync.phase.pull": "下载更新",
    "sync.phase.media": "上传音视频、下载照片",
    "sync.done": "同步完成：上报 {pushed} 条，下载 {pulled} 条，上传照片 {count} 张。",
    "sync.pending": "还有 {count} 条记录等待上报。",
    "sync.rejected.title": "服务器拒收 {count} 条记录：",
    "sync.rejected.item": "  #{seq} {type}：{reason}",
    "sync.error": "同步未完成：{error}。",
    "sync.retry": "请在约 {seconds} 秒后重试。",
    "sync.warning": "提示：{warning}",
    "sync.conflict": "冲突已记录：{reason}",
    "sync.new_epoch": "服务器已从备份恢复：本机重新上报未被拒收的记录并重新下载。",
    "sync.not_enrolled": "本设备需要重新注册：{error}",
    "sync.enrolled": "已注册：设备 {device}，人员 {name}（{role}），网格 {grids}。",
    "sync.enroll.failed": "注册失败：{error}。本机的记录没有改动。",
    "sync.enroll.next": "运行 `fieldapp sync` 下载场所和检查表。",
    "sync.problem.unreachable": "无法连接服务器 {url}：请检查网络，或稍后再试",
    "sync.problem.not_fieldapp": "{url} 有应答，但这不是 fieldapp 服务器（HTTP {status}），请检查服务器地址",
    "sync.problem.unreadable": (
        "服务器 {url} 的应答不是 fieldapp 的应答：请检查服务器地址，或请管理员核对服务器版本"
    ),
    "sync.problem.server_failing": "服务器 {url} 暂时出错（HTTP {status}）：请稍后再试",
    "sync.problem.not_fieldapp_enrolled": (
        "{url} 有应答，但这不是 fieldapp 服务器（HTTP {status}）：本机注册的服务器地址已不对，"
        "请向办公室要新的注册码，用 fieldapp enroll 重新注册本机"
    ),
    "sync.problem.unreadable_enrolled": (
        "服务器 {url} 的应答不是 fieldapp 的应答：可能地址已换成别的服务，或服务器版本不符；"
        "请告知办公室，必要时用 fieldapp enroll 重新注册本机"
    ),
    "sync.problem.broke_off": "{url} 有应答，但应答中断或不是 fieldapp 服务器的应答：请检查服务器地址，或稍后再试",
    "sync.problem.broke_off_enrolled": (
        "{url} 有应答，但应答中断或不是 fieldapp 服务器的应答：请稍后再试；"
        "如一直如此，请告知办公室，必要时用 fieldapp enroll 重新注册本机"
    ),
    "sync.problem.silent": "服务器 {url} 接受了连接，但 {seconds} 秒内没有应答：请稍后再试；如一直如此，请告知办公室",
    "admin.init": "服务器数据库已就绪，纪元 {epoch}。",
    "admin.new_epoch": "新纪元 {epoch}：各设备下次同步时将重新上报并重新下载。",
    "admin.imported": "已导入 {count} 行（{what}）。",
    "admin.imported.grids_moved": "以下服务器原有的网格换了上级或层级，请核对；不对的，请改正文件后再导入。",
    "admin.imported.grid_moved": "  {code} {name}：上级 {parent_before} → {parent}，层级 {level_before} → {level}。",
    "admin.imported.grid_moved_hazards": "    其下未销号的隐患 {count} 条随之移动。",
    "admin.imported.top_level": "无（顶层）",
    "admin.imported.venues": "已导入 {count} 行（场所）：新增 {new} 个场所，更新了 {updated} 个已有场所。",
    "admin.imported.venues_unchanged": "其中 {count} 行与服务器上的场所相同，未改动。",
    "admin.import_venues.checked": "已检查 {count} 行，没有问题，正在写入……",
    "admin.import_venues.written": "已写入 {done}/{total} 个场所……",
    "admin.kinds_without_checklist": (
        "注意：场所类型 {kinds} 还没有发布检查表，这些场所暂时无法检查；"
        "请用 fieldapp admin publish-checklist 发布检查表。"
    ),
    "admin.setting.published": "已发布设置 {name} = {value}，各终端下次同步后生效。",
    "admin.setting.not_json": (
        "不是有效的 JSON（第 {line} 行第 {column} 个字符附近）：名称加双引号，"
        "如 '{{\"hotel\": 14}}'；数直接写，如 45"
    ),
    "admin.setting.none": "尚未发布任何设置、场所类型或网格层级。",
    "admin.checklist.exported": "已导出检查表 {id} 第 {version} 版（{count} 项）到 {path}；修改后提高版本号，再用 publish-checklist 发布。",
    "admin.kind.line": "场所类型 {code}：{name}，每 {count} 天检查一次",
    "admin.level.line": "网格层级 {code}：{name}（第 {depth} 级）",
    "admin.published": "已发布检查表 {id} 第 {version} 版。",
    "admin.published.same": "检查表 {id} 第 {version} 版已发布过，内容相同，未改动。",
    "admin.published.changed": "检查表 {id} 第 {version} 版已发布过，内容与这个文件不同，未发布：要发布改动，请把版本号改为 {next}",
    "admin.code": "{person}的注册码（{expires} 前有效，仅可使用一次）：",
    "admin.code.person_and_id": "{name}（{id}）",
    "admin.devices.none": "尚无设备。",
    "admin.revoked": "设备 {device} 已吊销，它的下一次请求将被拒绝。",
    "admin.revoke.unknown": "没有设备 {device}。",
    "admin.audit.none": "审计记录中没有符合条件的条目。",
    "admin.audit.subject_named": "{subject}（{name}）",
    # A `personal_data.edited` entry: the fields an edit changed, never their values
    # (named as `people.conflict.field.*`).
    "admin.audit.edited": "修改了{fields}（设备上的时间 {device_time}）",
    "admin.audit.registered": "登记了{fields}（设备上的时间 {device_time}）",
    "device_info.not_enrolled": "本设备尚未注册（查看的数据目录：{home}）：运行 `fieldapp enroll URL CODE`；设备数据在别的目录时，用环境变量 FIELDAPP_HOME 指向它。",
    "device_info.data_home": "数据目录",
    "device_info.device": "设备",
    "device_info.person": "人员",
    "device_info.person.named": "{name}（{id}，{role}）",
    "device_info.server": "服务器",
    "device_info.ca_bundle": "CA 证书",
    "device_info.token": "令牌",
    "device_info.token.held": "已保存（不显示）",
    "device_info.token.none": "无（需要重新注册）",
    "device_info.epoch": "服务器纪元",
    "device_info.last_sync": "上次同步",
    "device_info.outbox": "待上报",
    "device_info.outbox.counts": "{pending} 条等待，{rejected} 条被拒收",
    "device_info.none": "—",
    "device_info.line": "{label}：{value}",
}

EN = {
    "sync.phase.photos": "Uploading photos",
    "sync.phase.push": "Sending records",
    "sync.phase.pull": "Receiving updates",
    "sync.phase.media": "Sending video and audio, receiving photos",
    "sync.done": "Sync done: {pushed} sent, {pulled} received, {count} photos uploaded.",
    "sync.done_one": "Sync done: {pushed} sent, {pulled} received, 1 photo uploaded.",
    "sync.pending": "{count} records are still waiting to be sent.",
    "sync.pending_one": "1 record is still waiting to be sent.",
    "sync.rejected.title": "The server refused {count} records:",
    "sync.rejected.title_one": "The server refused 1 record:",
    "sync.rejected.item": "  #{seq} {type}: {reason}",
    "sync.error": "Sync did not finish: {error}.",
    "sync.retry": "Try again in about {seconds} s.",
    "sync.warning": "Note: {warning}",
    "sync.conflict": "Conflict recorded: {reason}",
    "sync.new_epoch": (
        "The server was restored from a backup: this device sends again every record not "
        "refused and receives everything again."
    ),
    "sync.not_enrolled": "This device must be enrolled again: {error}",
    "sync.enrolled": "Enrolled: device {device}, person {name} ({role}), grids {grids}.",
    "sync.enroll.failed": "Enrolment failed: {error}. Nothing on this device was changed.",
    "sync.enroll.next": "Run `fieldapp sync` to receive venues and checklists.",
    "sync.problem.unreachable": "cannot reach the server {url}: check the network, or try again later",
    "sync.problem.not_fieldapp": (
        "{url} answers, but it is not a fieldapp server (HTTP {status}): check the server address"
    ),
    "sync.problem.unreadable": (
        "the server at {url} answered something that is not a fieldapp answer: check the "
        "server address, or ask the administrator about the server's version"
    ),
    "sync.problem.server_failing": "the server {url} is failing (HTTP {status}): try again later",
    "sync.problem.not_fieldapp_enrolled": (
        "{url} answers, but it is not a fieldapp server (HTTP {status}): the address this "
        "device was enrolled with is no longer right; ask the office for a new enrolment "
        "code and enrol again with fieldapp enroll"
    ),
    "sync.problem.unreadable_enrolled": (
        "the server at {url} answered something that is not a fieldapp answer: another "
        "service may now be at that address, or the server is of another version; tell the "
        "office, and enrol again with fieldapp enroll if they give a new address"
    ),
    "sync.problem.broke_off": (
        "{url} answers, but its answer broke off or is not a fieldapp server's: check the "
        "server address, or try again later"
    ),
    "sync.problem.broke_off_enrolled": (
        "{url} answers, but its answer broke off or is not a fieldapp server's: try again "
        "later; if it keeps happening, tell the office, and enrol again with fieldapp enroll "
        "if they give a new address"
    ),
    "sync.problem.silent": (
        "the server {url} took the connection but did not answer in {seconds} seconds: try "
        "again later; if it keeps happening, tell the office"
    ),
    "admin.init": "Server database ready, epoch {epoch}.",
    "admin.new_epoch": "New epoch {epoch}: devices re-send and re-receive on their next sync.",
    "admin.imported": "Imported {count} rows ({what}).",
    "admin.imported.grids_moved": "These grids the server held now have another parent or level; check them, and where one is wrong, correct the file and import it again.",
    "admin.imported.grid_moved": "  {code} {name}: parent {parent_before} → {parent}, level {level_before} → {level}.",
    "admin.imported.grid_moved_hazards": "    {count} open hazards (not yet closed) under it move with it.",
    "admin.imported.grid_moved_hazards_one": "    1 open hazard (not yet closed) under it moves with it.",
    "admin.imported.top_level": "none (top level)",
    "admin.imported_one": "Imported 1 row ({what}).",
    "admin.imported.venues": (
        "Imported {count} rows (venues): {new} new, {updated} already on the server updated."
    ),
    "admin.imported.venues_one": (
        "Imported 1 row (venues): {new} new, {updated} already on the server updated."
    ),
    "admin.import_venues.checked": "Rows checked: {count}, no problems; writing…",
    "admin.import_venues.written": "Venues written: {done} of {total}…",
    "admin.imported.venues_unchanged": (
        "Of these, {count} rows matched the venues on the server and were left unchanged."
    ),
    "admin.imported.venues_unchanged_one": (
        "Of these, 1 row matched its venue on the server and was left unchanged."
    ),
    "admin.kinds_without_checklist": (
        "Warning: no checklist is published yet for these venue kinds: {kinds}. Their "
        "venues cannot be inspected yet: publish a checklist with fieldapp admin "
        "publish-checklist."
    ),
    "admin.setting.published": "Published setting {name} = {value}; devices use it after their next sync.",
    "admin.setting.not_json": (
        "not valid JSON (near line {line}, character {column}): put names in double "
        "quotes, e.g. '{{\"hotel\": 14}}'; write a number as it is, e.g. 45"
    ),
    "admin.setting.none": "No settings, venue kinds or grid levels are published yet.",
    "admin.checklist.exported": "Exported checklist {id} version {version} ({count} items) to {path}; edit it, raise the version, publish it with publish-checklist.",
    "admin.checklist.exported_one": "Exported checklist {id} version {version} (1 item) to {path}; edit it, raise the version, publish it with publish-checklist.",
    "admin.kind.line": "venue kind {code}: {name}, inspected every {count} days",
    "admin.kind.line_one": "venue kind {code}: {name}, inspected every day",
    "admin.level.line": "grid level {code}: {name} (level {depth})",
    "admin.published": "Published checklist {id} version {version}.",
    "admin.published.same": "Checklist {id} version {version} was already published as is.",
    "admin.published.changed": (
        "Checklist {id} version {version} is already published with other content; nothing "
        "was published: to publish a change, set the version to {next}"
    ),
    "admin.code": "Enrolment code for {person} (single use, valid until {expires}):",
    "admin.code.person_and_id": "{name} ({id})",
    "admin.devices.none": "No devices yet.",
    "admin.revoked": "Device {device} revoked; its next call will be refused.",
    "admin.revoke.unknown": "No device {device}.",
    "admin.audit.none": "No audit entries match.",
    "admin.audit.subject_named": "{subject} ({name})",
    "admin.audit.edited": "changed the {fields} (device time {device_time})",
    "admin.audit.registered": "registered the {fields} (device time {device_time})",
    "device_info.not_enrolled": "This device is not enrolled (data directory looked in: {home}): run `fieldapp enroll URL CODE`; when the device's data is in another directory, point FIELDAPP_HOME at it.",
    "device_info.data_home": "Data directory",
    "device_info.device": "Device",
    "device_info.person": "Person",
    "device_info.person.named": "{name} ({id}, {role})",
    "device_info.server": "Server",
    "device_info.ca_bundle": "CA certificates",
    "device_info.token": "Token",
    "device_info.token.held": "held (not shown)",
    "device_info.token.none": "none (enrol again)",
    "device_info.epoch": "Server epoch",
    "device_info.last_sync": "Last sync",
    "device_info.outbox": "Outbox",
    "device_info.outbox.counts": "{pending} waiting, {rejected} refused",
    "device_info.none": "-",
    "device_info.line": "{label}: {value}",
}
