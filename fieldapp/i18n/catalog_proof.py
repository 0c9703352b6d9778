"""Messages about the proof of a visit: the server's verdict on a scan, scan and photo
metadata, the supervisor's proof filter."""

ZH = {
    "binding.inspections.proof": "证据强度",
    "binding.inspections.proof.tip": "依次只看：扫码已核验、扫码未通过核验、手工确认、照片存疑、全部",
    "proof.strength.verified": "扫码已核验",
    "proof.strength.unverified": "扫码未通过核验",
    "proof.strength.manual": "手工确认到场",
    "proof.strength.photo_flags": "照片存疑",
    "proof.strength.any": "全部证据",
    "proof.filter": "证据：{strength}",
    "proof.verified": "✔ 扫码到场，服务器已核验标牌签名",
    "proof.unverified": "⚠ 声称扫码，但服务器核验未通过（{reason}），按手工确认到场记录",
    "proof.scan": "扫码 {n}：{source}，设备时间 {at}，{offset}",
    "proof.scan.offset": "距开始 {seconds} 秒",
    "proof.scan.no_offset": "距开始时间未知（设备重启过）",
    "proof.source.wedge": "扫码枪",
    "proof.source.camera": "照片识别",
    "proof.source.typed": "手工输入",
    "proof.photo.taken_before_start": "⚠ 照片 {sha} 拍摄于 {taken_at}，早于检查开始 {started_at}",
    "proof.photo.far_from_venue": "⚠ 照片 {sha} 拍摄地点距场所约 {metres} 米",
    "proof.photos_ok": "照片 {count} 张带拍摄信息，时间和地点无异常",
    "proof.reason.not_fieldapp": "不是本系统的标牌",
    "proof.reason.damaged": "标牌内容不完整",
    "proof.reason.forged": "签名不符，标牌被改动或伪造",
    "proof.reason.revoked": "签名密钥已作废",
    "proof.reason.unknown_key": "服务器不认识的签名密钥",
    "proof.reason.unknown_venue": "标牌上的场所不存在",
    "proof.reason.unsupported_version": "不支持的标牌版本",
    "proof.reason.no_payload": "没有附上标牌内容",
    "proof.reason.wrong_venue": "标牌属于另一个场所",
    "proof.reason.revoked_before_scan": "扫码时该标牌密钥已作废",
    "proof.reason.scan_time_unreadable": "扫码时间无法识别，密钥已作废",
}

EN = {
    "binding.inspections.proof": "Proof",
    "binding.inspections.proof.tip": (
        "Show only: verified scan, scan unverified, manual, photo flags, all, in turn"
    ),
    "proof.strength.verified": "verified scan",
    "proof.strength.unverified": "scan unverified",
    "proof.strength.manual": "manual with reason",
    "proof.strength.photo_flags": "photo flags",
    "proof.strength.any": "any proof",
    "proof.filter": "proof: {strength}",
    "proof.verified": "✔ Scanned; the server verified the placard's signature",
    "proof.unverified": (
        "⚠ A scan was claimed but the server could not verify it ({reason}); "
        "recorded as manual presence"
    ),
    "proof.scan": "Scan {n}: {source}, device time {at}, {offset}",
    "proof.scan.offset": "{seconds} s from the start",
    "proof.scan.no_offset": "offset from the start unknown (the device restarted)",
    "proof.source.wedge": "scanner",
    "proof.source.camera": "camera photo",
    "proof.source.typed": "typed",
    "proof.photo.taken_before_start": (
        "⚠ Photo {sha} was taken at {taken_at}, before the inspection started at {started_at}"
    ),
    "proof.photo.far_from_venue": "⚠ Photo {sha} was taken about {metres} m from the venue",
    "proof.photos_ok": "{count} photos with capture data; time and place look right",
    "proof.photos_ok_one": "1 photo with capture data; time and place look right",
    "proof.reason.not_fieldapp": "not one of our placards",
    "proof.reason.damaged": "the placard text is incomplete",
    "proof.reason.forged": "the signature does not match: altered or forged",
    "proof.reason.revoked": "the signing key is revoked",
    "proof.reason.unknown_key": "a signing key the server does not know",
    "proof.reason.unknown_venue": "the placard's venue does not exist",
    "proof.reason.unsupported_version": "an unsupported placard version",
    "proof.reason.no_payload": "no placard text was sent",
    "proof.reason.wrong_venue": "the placard belongs to another venue",
    "proof.reason.revoked_before_scan": "its key was revoked before the scan",
    "proof.reason.scan_time_unreadable": "the scan time is unreadable and the key is revoked",
}
