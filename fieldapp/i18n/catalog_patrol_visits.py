"""Messages for a patrol window's checkpoint visits, as the office reads them (Patrols,
Ctrl+G: `v` on the attendance list)."""

from __future__ import annotations

ZH: dict[str, str] = {
    "binding.attendance.visits": "到点记录",
    "binding.attendance.visits.tip": "查看这个时段每个点位的到点时间、备注和照片",
    "patrol.visits.subtitle": "巡逻到点记录（只读）",
    "patrol.visits.col.at": "时间",
    "patrol.visits.col.checkpoint": "点位",
    "patrol.visits.col.note": "备注",
    "patrol.visits.col.photos": "照片",
    "patrol.visits.head": "{at} {checkpoint} · 巡逻人：{walker}",
    "patrol.visits.scanned": "扫码到点",
    "patrol.visits.manual": "手动到点",
    "patrol.visits.manual_why": "手动到点：{reason}",
    "patrol.visits.unverified": "扫码未通过核验，按手动到点计",
    "patrol.visits.replaced": "{how} · 已由 {at} 的扫码取代",
    "patrol.visits.note": "备注：{note}",
    "patrol.visits.answer": "表单 · {item} {answer}",
    "patrol.visits.no_photos": "这次到点没有照片",
    "patrol.visits.none": "这个时段没有到点记录",
}

EN: dict[str, str] = {
    "binding.attendance.visits": "Visits",
    "binding.attendance.visits.tip": "See each checkpoint visit of this window: its time, note and photos",
    "patrol.visits.subtitle": "Patrol visits (read-only)",
    "patrol.visits.col.at": "Time",
    "patrol.visits.col.checkpoint": "Checkpoint",
    "patrol.visits.col.note": "Note",
    "patrol.visits.col.photos": "Photos",
    "patrol.visits.head": "{at} {checkpoint} · by {walker}",
    "patrol.visits.scanned": "Placard scanned",
    "patrol.visits.manual": "Recorded by hand",
    "patrol.visits.manual_why": "Recorded by hand: {reason}",
    "patrol.visits.unverified": "Scan not verified; counted as recorded by hand",
    "patrol.visits.replaced": "{how} · replaced by the scan at {at}",
    "patrol.visits.note": "Note: {note}",
    "patrol.visits.answer": "Form · {item}: {answer}",
    "patrol.visits.no_photos": "No photos at this visit",
    "patrol.visits.none": "No checkpoint visit in this window",
}
