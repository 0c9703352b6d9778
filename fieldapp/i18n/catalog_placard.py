"""Messages for placards: scan verdicts, printing, kind labels and fire precautions."""

from __future__ import annotations

from fieldapp.i18n import venue_kinds

# Fire precautions per venue kind, our own short wording of domain.md section 2.
_TIPS_ZH = {
    "market": (
        "疏散通道、楼梯保持畅通，不堆放货物\n"
        "灭火器放在明处，压力保持在绿区\n"
        "电线穿管敷设，严禁私拉乱接\n"
        "电动车不在室内停放、充电\n"
        "消火栓、消防车道不得遮挡占用"
    ),
    "hotel": (
        "营业期间安全出口不得锁闭\n"
        "喷淋、火灾报警设施保持有效\n"
        "客房门后贴疏散图，配手电和防烟面罩\n"
        "夜间每2小时巡查一次"
    ),
    "supermarket": (
        "货架不得遮挡消火栓和灭火器\n"
        "安全出口数量和宽度不得被挤占\n"
        "易燃商品限量存放，仓库不住人\n"
        "闭店前断电，检查遗留火种"
    ),
    "small_shop": (
        "安装独立式感烟报警器\n"
        "夜间留守值班不超过1人\n"
        "通往屋顶的门不得上锁\n"
        "不用可燃材料吊顶和装修\n"
        "疏散通道、安全出口保持畅通"
    ),
    "small_school": (
        "儿童用房不设在地下或四层及以上\n"
        "每日防火巡查，寄宿学校夜间每2小时一次\n"
        "厨房安装燃气报警器\n"
        "每学期组织疏散演练"
    ),
    "small_restaurant": (
        "安装可燃气体报警器并保持有效\n"
        "燃气软管定期检查，老化松脱及时更换\n"
        "地下、半地下不得使用瓶装液化气\n"
        "烟罩、烟道定期清洗\n"
        "钢瓶空瓶、实瓶分开存放"
    ),
    "small_hotel": (
        "每间客房安装感烟报警器\n"
        "配备手电、防烟面罩，张贴疏散图\n"
        "严禁明火取暖和使用违规电器\n"
        "住宿与经营部分有效分隔"
    ),
    "internet_cafe": (
        "场所内严禁吸烟\n营业期间每2小时巡查一次\n不使用易燃材料装修\n安全出口、疏散通道保持畅通"
    ),
    "small_workshop": (
        "车间、仓库内不得设置宿舍\n动火作业须审批并有人监护\n易燃原料限量、分区存放\n下班后切断电源"
    ),
    "rental_housing": (
        "厨房、卫生间、阳台、地下室不得住人\n"
        "居室内不用瓶装气和煤油炉\n"
        "安装独立式感烟报警器\n"
        "配备逃生绳、防烟面罩和手电\n"
        "电动车不在楼道、门厅停放充电"
    ),
    "three_in_one": (
        "住宿与生产、经营、储存部分防火分隔\n"
        "住宿部分的疏散路线不穿越生产区\n"
        "外窗、阳台不设栅栏，或能从内部打开\n"
        "严禁存放易燃易爆危险品\n"
        "住宿部分不得设在地下"
    ),
}

_TIPS_EN = {
    "market": (
        "Keep escape routes and stairs clear of goods\n"
        "Extinguishers in sight, gauge in the green\n"
        "Wiring in conduit, no makeshift leads\n"
        "No e-bike parking or charging indoors\n"
        "Keep hydrants and fire lanes free"
    ),
    "hotel": (
        "Exits never locked while open\n"
        "Sprinklers and fire alarm kept working\n"
        "Escape map, torch and smoke hood in each room\n"
        "Night patrol every 2 hours"
    ),
    "supermarket": (
        "Shelves never hide hydrants or extinguishers\n"
        "Exits kept to their full number and width\n"
        "Flammable goods in small amounts; nobody sleeps in the stockroom\n"
        "At closing: power off, check for embers"
    ),
    "small_shop": (
        "Fit a standalone smoke alarm\n"
        "At most one person stays overnight\n"
        "Never lock the door to the roof\n"
        "No combustible ceilings or wall finishes\n"
        "Keep escape routes and exits clear"
    ),
    "small_school": (
        "No children's rooms below ground or on floor 4+\n"
        "Daily fire patrol; boarding schools every 2 h at night\n"
        "Gas alarm in the kitchen\n"
        "An evacuation drill every term"
    ),
    "small_restaurant": (
        "Gas-leak detector fitted and working\n"
        "Check gas hoses; replace worn or loose ones\n"
        "No bottled LPG below ground\n"
        "Clean the hood and flue regularly\n"
        "Keep empty and full cylinders apart"
    ),
    "small_hotel": (
        "A smoke alarm in every room\n"
        "Torch, smoke hood and escape map provided\n"
        "No open-flame heaters or banned appliances\n"
        "Lodging separated from the business"
    ),
    "internet_cafe": (
        "No smoking anywhere inside\n"
        "Patrol every 2 hours while open\n"
        "No flammable finishes\n"
        "Keep exits and escape routes clear"
    ),
    "small_workshop": (
        "No dormitory inside the workshop or warehouse\n"
        "Hot work only with a permit and a watcher\n"
        "Flammable stock limited and kept in its own zone\n"
        "Power off after the shift"
    ),
    "rental_housing": (
        "Nobody sleeps in kitchens, bathrooms, balconies or basements\n"
        "No LPG or kerosene stoves in rooms\n"
        "Fit standalone smoke alarms\n"
        "Escape rope, smoke hood and torch provided\n"
        "No e-bike parking or charging in halls"
    ),
    "three_in_one": (
        "Fire separation between the dwelling and work, trade or storage\n"
        "Escape from the dwelling avoids the work area\n"
        "No window or balcony bars, or openable from inside\n"
        "No flammable or explosive goods\n"
        "Nobody sleeps below ground"
    ),
}


# A checkpoint's placard (a patrol point, not a venue): what differs from a venue's.
_CHECKPOINT_ZH: dict[str, str] = {
    "placard.checkpoint.title": "巡逻点位标牌",
    "placard.checkpoint.code": "点位编号",
    "placard.checkpoint.kind": "点位类型",
    "placard.checkpoint.contact": "责任人",
    "placard.checkpoint.scan_hint": "巡逻人员到点请扫描二维码签到",
    "placard.checkpoint.kind.village_entrance": "村（屯）出入口",
    "placard.checkpoint.kind.road_section": "路段",
    "placard.checkpoint.kind.fireworks_point": "烟花爆竹销售点",
    "placard.checkpoint.kind.hydrant": "消火栓",
    "placard.checkpoint.kind.fire_room": "消防室",
    "placard.checkpoint.kind.other": "其他点位",
    "placard.checkpoint.tips.village_entrance": "出入口保持畅通\n发现可疑情况及时报告",
    "placard.checkpoint.tips.road_section": "消防车道不得占用\n发现火情立即报告",
    "placard.checkpoint.tips.fireworks_point": "禁止违规销售、储存烟花爆竹\n发现违规立即上报",
    "placard.checkpoint.tips.hydrant": "消火栓周围不得遮挡、占用\n发现损坏及时报修",
    "placard.checkpoint.tips.fire_room": "器材完好、通道畅通\n值班记录按日填写",
    "placard.checkpoint.tips.other": "按时巡逻，到点签到",
}
_CHECKPOINT_EN: dict[str, str] = {
    "placard.checkpoint.title": "Patrol checkpoint",
    "placard.checkpoint.code": "Checkpoint",
    "placard.checkpoint.kind": "Type",
    "placard.checkpoint.contact": "Responsible",
    "placard.checkpoint.scan_hint": "Patrollers: scan the QR code on arrival",
    "placard.checkpoint.kind.village_entrance": "Village entrance",
    "placard.checkpoint.kind.road_section": "Road section",
    "placard.checkpoint.kind.fireworks_point": "Fireworks sale point",
    "placard.checkpoint.kind.hydrant": "Fire hydrant",
    "placard.checkpoint.kind.fire_room": "Village fire room",
    "placard.checkpoint.kind.other": "Checkpoint",
    "placard.checkpoint.tips.village_entrance": "Keep the entrance clear\nReport anything suspicious",
    "placard.checkpoint.tips.road_section": "Keep fire lanes clear\nReport any fire at once",
    "placard.checkpoint.tips.fireworks_point": "No unlicensed fireworks sale or storage\nReport any at once",
    "placard.checkpoint.tips.hydrant": "Keep the hydrant unobstructed\nReport damage for repair",
    "placard.checkpoint.tips.fire_room": "Equipment complete, way clear\nDuty log kept daily",
    "placard.checkpoint.tips.other": "Patrol on time; scan on arrival",
}

# Other names an office's ledger gives a checkpoint kind, read on import besides the
# placard's names above (as venue_kinds.LEDGER_ZH for venues).
CHECKPOINT_LEDGER_ZH: dict[str, tuple[str, ...]] = {
    "village_entrance": ("村口", "村屯出入口", "出入口"),
    "fireworks_point": ("烟花爆竹点", "烟花爆竹经营点"),
    "hydrant": ("消防栓",),
    "other": ("其他",),
}

ZH: dict[str, str] = {
    # Scan verdicts (PlacardCheck.message_key).
    "placard.check.ok": "标牌核验通过：场所 {code}（密钥 {key_id}）",
    "placard.check.ok_checkpoint": "标牌核验通过：点位 {code}（密钥 {key_id}）",
    "placard.check.plain_code": "手动输入的场所编号 {code}：已找到场所，但未扫描标牌，不能证明到场。",
    "placard.check.unsigned_placard": (
        "未签名的标牌 {code}：能找到场所，但不能证明到场（请用办公室签发的标牌）。"
    ),
    "placard.check.typed_placard": (
        "标牌内容是粘贴或手动输入的（{code}），不是现场扫码，不能证明到场；"
        "请在现场用扫码枪扫描标牌，或说明未扫码的原因。"
    ),
    "placard.check.not_fieldapp": "这不是本系统的场所二维码，请扫描场所墙上的消防安全标牌。",
    "placard.check.damaged": "二维码不完整或已损坏，请重新扫描或手动查找场所。",
    "placard.check.forged": "标牌内容被改动或伪造，不能使用；请手动查找场所，并向网格长报告。",
    "placard.check.revoked": "该标牌的签名密钥已作废，不能使用；请手动查找场所，并请网格长更换标牌。",
    "placard.check.unknown_key": "本机还没有这块标牌的密钥（{key_id}），请联网同步后再扫描。",
    "placard.check.unknown_key_synced": (
        "本机 {at} 已同步，服务器也没有这块标牌的密钥（{key_id}）：标牌可能属于其他单位的系统，"
        "或是伪造的，不能使用。请手动查找场所，并向网格长报告。"
    ),
    "placard.check.unknown_venue": "场所 {code} 不在本设备上，请同步后再试；仍找不到请联系网格长。",
    "placard.check.unsupported_version": "这是新版本的标牌，请更新本程序后再扫描。",
    # Photos.
    "placard.photo.missing": "找不到文件：{path}",
    "placard.photo.no_qr": "照片中没有找到二维码：{path}。请靠近、对准、保持二维码完整清晰后重拍。",
    "placard.photo.several_placards": (
        "照片中有几块不同的标牌（{codes}），不知道要检查哪一个。请只对准一块标牌重拍。"
    ),
    "placard.photo.sep": "、",
    "placard.scan.venue": "场所：{name}（{code}）",
    "placard.scan.checkpoint": "巡逻点位：{name}（{code}）",
    "placard.scan.several": "照片中有 {count} 个二维码：",
    "placard.scan.nth": "第 {n} 个二维码（标牌 {code}）：{said}",
    "placard.scan.nth_other": "第 {n} 个二维码：{said}",
    # The placard itself.
    "placard.title": "消防安全标牌",
    "placard.code": "场所编号",
    "placard.kind": "场所类型",
    "placard.grid": "所属网格",
    "placard.address": "地址",
    "placard.contact": "消防安全责任人",
    "placard.phone": "电话",
    "placard.tips": "消防安全提示",
    "placard.scan_hint": "巡查人员请扫描二维码登记",
    "placard.signed_note": "二维码带数字签名，改动即失效",
    "placard.emergency": "发现火情，立即拨打 119",
    # Printing.
    "placard.render.font_missing": (
        "找不到中文字体，无法生成标牌。请安装 Debian 的 fonts-wqy-microhei 字体包"
        "（apt-get install fonts-wqy-microhei），或设置 FIELDAPP_CJK_FONT 指向 TTF/TTC 字体文件。"
    ),
    # Printed where an emoji stood that the font cannot draw (every PDF).
    "pdf.emoji_marker": "[表情]",
    "placard.print.written": "已生成 {count} 张标牌：{path}",
    "placard.print.png_written": "已生成 {count} 张 PNG 图片：{path}",
    "placard.print.nothing": "没有可打印的场所：{what}。",
    "placard.print.grid_unknown": "网格 {code} 不在本设备上，请先同步。",
    "placard.print.venue_unknown": "场所 {code} 不在本设备上，请先同步。",
    "placard.print.unsigned": (
        "本机不签名标牌：已生成的是未签名标牌（标明“未签名”），扫描它只能找到场所，不能证明到场。"
        "正式标牌请由管理员在服务器上打印（fieldapp admin placards）。"
    ),
    "placard.unsigned_title": "未签名标牌 · 不能证明到场",
    "placard.unsigned_note": "未签名：仅供查找场所，请向管理员领取正式标牌",
    "placard.print.one_source": "请指定 --grid 或 --venue 其中之一。",
    "placard.print.no_output": "请用 --out 指定 PDF 文件，或用 --png 指定存放 PNG 的文件夹（也可以两个都给）。",
    "placard.print.code_and_name": "{code}（{name}）",
    "placard.print.bad_codes": (
        "以下 {count} 个编号不能印在标牌上，没有打印它们的标牌：{codes}。请在导入表中改正编号（只用英文字母、"
        "数字、“-”和“.”，最多 24 个字符；id 列填写原来的 id），再重新导入。"
    ),
    **{f"placard.kind.{k}": v for k, v in venue_kinds.ZH.items()},
    **{f"placard.tips.{k}": v for k, v in _TIPS_ZH.items()},
    **_CHECKPOINT_ZH,
}

EN: dict[str, str] = {
    "placard.check.ok": "Placard verified: venue {code} (key {key_id})",
    "placard.check.ok_checkpoint": "Placard verified: checkpoint {code} (key {key_id})",
    "placard.check.plain_code": (
        "Venue code {code} typed by hand: venue found, but no placard was scanned, "
        "so this does not prove a visit."
    ),
    "placard.check.unsigned_placard": (
        "Unsigned placard {code}: the venue is found, but this does not prove a visit "
        "(use a placard issued by the office)."
    ),
    "placard.check.typed_placard": (
        "The placard's text was pasted or typed ({code}), not scanned on site, so it "
        "does not prove a visit: scan the placard there, or say why it was not scanned."
    ),
    "placard.check.not_fieldapp": (
        "This is not a fieldapp venue code. Scan the fire-safety placard on the venue's wall."
    ),
    "placard.check.damaged": (
        "The QR code is incomplete or damaged. Scan it again, or find the venue by hand."
    ),
    "placard.check.forged": (
        "This placard has been altered or forged and cannot be used. "
        "Find the venue by hand and tell your grid head."
    ),
    "placard.check.revoked": (
        "This placard was signed with a revoked key and cannot be used. "
        "Find the venue by hand and ask your grid head for a new placard."
    ),
    "placard.check.unknown_key": (
        "This device does not have the placard's key ({key_id}) yet. Sync, then scan again."
    ),
    "placard.check.unknown_key_synced": (
        "This device synced at {at}, and the server does not know the placard's key "
        "({key_id}) either: the placard may belong to another office's server, or be forged, "
        "and cannot be used. Find the venue by hand and report it to your grid head."
    ),
    "placard.check.unknown_venue": (
        "Venue {code} is not on this device. Sync and try again; "
        "if it is still missing, ask your grid head."
    ),
    "placard.check.unsupported_version": (
        "This placard uses a newer format. Update fieldapp, then scan again."
    ),
    "placard.photo.missing": "No such file: {path}",
    "placard.photo.no_qr": (
        "No QR code found in {path}. Take the photo closer, straight on, "
        "with the whole code sharp, and try again."
    ),
    "placard.photo.several_placards": (
        "The photo shows different placards ({codes}), so which one is meant is unclear. "
        "Take a photo of one placard only."
    ),
    "placard.photo.sep": ", ",
    "placard.scan.venue": "Venue: {name} ({code})",
    "placard.scan.checkpoint": "Patrol checkpoint: {name} ({code})",
    "placard.scan.several": "{count} QR codes in the photo:",
    "placard.scan.nth": "QR code {n} (placard {code}): {said}",
    "placard.scan.nth_other": "QR code {n}: {said}",
    "placard.title": "Fire safety placard",
    "placard.code": "Venue code",
    "placard.kind": "Kind",
    "placard.grid": "Grid",
    "placard.address": "Address",
    "placard.contact": "Responsible person",
    "placard.phone": "Phone",
    "placard.tips": "Fire precautions",
    "placard.scan_hint": "Inspectors: scan this code",
    "placard.signed_note": "Digitally signed: any change invalidates it",
    "placard.emergency": "In case of fire call 119",
    "placard.render.font_missing": (
        "No Chinese (CJK) font found, so placards cannot be made. "
        "Install Debian's fonts-wqy-microhei (apt-get install fonts-wqy-microhei), "
        "or set FIELDAPP_CJK_FONT to a TTF/TTC font file."
    ),
    "pdf.emoji_marker": "[emoji]",
    "placard.print.written": "{count} placards written to {path}",
    "placard.print.written_one": "1 placard written to {path}",
    "placard.print.png_written": "{count} PNG images written to {path}",
    "placard.print.png_written_one": "1 PNG image written to {path}",
    "placard.print.nothing": "No venues to print: {what}.",
    "placard.print.grid_unknown": "Grid {code} is not on this device; sync first.",
    "placard.print.venue_unknown": "Venue {code} is not on this device; sync first.",
    "placard.print.unsigned": (
        "This device does not sign placards: these are UNSIGNED placards (marked so); "
        "scanning one finds the venue but does not prove presence. Print genuine placards "
        "on the server (fieldapp admin placards)."
    ),
    "placard.unsigned_title": "UNSIGNED placard · no proof of visit",
    "placard.unsigned_note": "Unsigned: finds the venue only; ask the office for a signed one",
    "placard.print.one_source": "Give exactly one of --grid or --venue.",
    "placard.print.no_output": "Give --out for a PDF, --png for a folder of PNG images, or both.",
    "placard.print.code_and_name": "{code} ({name})",
    "placard.print.bad_codes": (
        "These {count} codes cannot go on a placard, so their placards were not printed: {codes}. "
        "Correct the codes in the import sheet (letters A-Z, digits 0-9, '-' and '.', at most "
        "24 characters; the id column holding the old id) and import it again."
    ),
    "placard.print.bad_codes_one": (
        "This code cannot go on a placard, so its placard was not printed: {codes}. "
        "Correct the code in the import sheet (letters A-Z, digits 0-9, '-' and '.', at most "
        "24 characters; the id column holding the old id) and import it again."
    ),
    **{f"placard.kind.{k}": v for k, v in venue_kinds.PLACARD_EN.items()},
    **{f"placard.tips.{k}": v for k, v in _TIPS_EN.items()},
    **_CHECKPOINT_EN,
}
