"""Messages for sync: enrolment, the headless `fieldapp sync`, the server's admin commands."""

from __future__ import annotations

ZH = {
    "sync.phase.photos": "上传照片",
    "sync.phase.push": "上报记录",
    "sync.phase.pull": "下载更新",
    "sync.done": "同步完成：上报 {pushed} 条，下载 {pulled} 条，照片 {photos} 张。",
    "sync.pending": "还有 {count} 条记录等待上报。",
    "sync.rejected.title": "服务器拒收 {count} 条记录：",
    "sync.rejected.item": "  #{seq} {type}：{reason}",
    "sync.error": "同步未完成：{error}",
    "sync.retry": "请在约 {seconds} 秒后重试。",
    "sync.warning": "提示：{warning}",
    "sync.conflict": "冲突已记录：{reason}",
    "sync.new_epoch": "服务器已从备份恢复：本机重新上报未被拒收的记录并重新下载。",
    "sync.not_enrolled": "本设备需要重新注册：{error}",
    "sync.enrolled": "已注册：设备 {device}，人员 {name}（{role}），网格 {grids}。",
    "sync.enroll.failed": "注册失败：{error}",
    "sync.enroll.next": "运行 `fieldapp sync` 下载场所和检查表。",
    "admin.init": "服务器数据库已就绪，纪元 {epoch}。",
    "admin.new_epoch": "新纪元 {epoch}：各设备下次同步时将重新上报并重新下载。",
    "admin.imported": "已导入 {count} 行（{what}）。",
    "admin.published": "已发布检查表 {id} 第 {version} 版。",
    "admin.published.same": "检查表 {id} 第 {version} 版已发布过，内容相同，未改动。",
    "admin.code": "人员 {person} 的注册码（{expires} 前有效，仅可使用一次）：",
    "admin.devices.none": "尚无设备。",
    "admin.revoked": "设备 {device} 已吊销，它的下一次请求将被拒绝。",
    "admin.revoke.unknown": "没有设备 {device}。",
    "admin.failed": "未完成：{error}",
}

EN = {
    "sync.phase.photos": "Uploading photos",
    "sync.phase.push": "Sending records",
    "sync.phase.pull": "Receiving updates",
    "sync.done": "Sync done: {pushed} sent, {pulled} received, {photos} photo(s) uploaded.",
    "sync.pending": "{count} record(s) are still waiting to be sent.",
    "sync.rejected.title": "The server refused {count} record(s):",
    "sync.rejected.item": "  #{seq} {type}: {reason}",
    "sync.error": "Sync did not finish: {error}",
    "sync.retry": "Try again in about {seconds} s.",
    "sync.warning": "Note: {warning}",
    "sync.conflict": "Conflict recorded: {reason}",
    "sync.new_epoch": (
        "The server was restored from a backup: this device sends again every record not "
        "refused and receives everything again."
    ),
    "sync.not_enrolled": "This device must be enrolled again: {error}",
    "sync.enrolled": "Enrolled: device {device}, person {name} ({role}), grids {grids}.",
    "sync.enroll.failed": "Enrolment failed: {error}",
    "sync.enroll.next": "Run `fieldapp sync` to receive venues and checklists.",
    "admin.init": "Server database ready, epoch {epoch}.",
    "admin.new_epoch": "New epoch {epoch}: devices re-send and re-receive on their next sync.",
    "admin.imported": "Imported {count} row(s) ({what}).",
    "admin.published": "Published checklist {id} version {version}.",
    "admin.published.same": "Checklist {id} version {version} was already published as is.",
    "admin.code": "Enrolment code for {person} (single use, valid until {expires}):",
    "admin.devices.none": "No devices yet.",
    "admin.revoked": "Device {device} revoked; its next call will be refused.",
    "admin.revoke.unknown": "No device {device}.",
    "admin.failed": "Not done: {error}",
}
