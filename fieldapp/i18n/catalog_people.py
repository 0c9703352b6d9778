"""Messages of the people registry (households, members, reveals, imports)."""

ZH: dict[str, str] = {
    "people.bad_date": "日期 {value} 无效，请按 年-月-日 填写（如 2026-12-02）。",
    "people.name_empty": "请填写姓名。",
    "people.number_in_text": "{field}里有一长串数字（像身份证号或电话）：请删去，身份证号和电话填在各自一栏（会遮盖显示）。",
    "people.bad_sex": "性别请选 男 或 女。",
    "people.bad_birth_year": "出生年份无效，请填写四位年份（如 1985）。",
    "people.bad_id_number.shape": "身份证号无效：应为18位（17位数字加末位数字或X），请核对。",
    "people.bad_id_number.birth_date": "身份证号无效：第7至14位的出生日期不是有效日期，请核对。",
    "people.bad_id_number.check_digit": "身份证号校验位不符：末位与前17位对不上，可能有一位输错了，请逐位核对。",
    "people.bad_id_number.sex": "性别与身份证号不符：第17位奇数为男、偶数为女，请核对性别或身份证号。",
    "people.bad_id_number.birth_year": "出生年份与身份证号不符：第7至10位是出生年份，请核对出生年份或身份证号。",
    # The number held, not typed here: shown masked, its digits are not named (`_held_id_fault`).
    "people.held_id_number.sex.head": "性别与已登记的身份证号不符：请核对性别；性别无误时，请网格长核对身份证号。",
    "people.held_id_number.sex.reveal": "性别与已登记的身份证号不符：请核对性别；性别无误时，请在人员台账用“查看身份证号”看过后核对身份证号。",
    "people.held_id_number.birth_year.head": "出生年份与已登记的身份证号不符：请核对出生年份；年份无误时，请网格长核对身份证号。",
    "people.held_id_number.birth_year.reveal": "出生年份与已登记的身份证号不符：请核对出生年份；年份无误时，请在人员台账用“查看身份证号”看过后核对身份证号。",
    "people.bad_phone": "电话号码无效：应为以1开头的11位手机号，或带区号的固定电话（如 0591-1234567 或 05911234567）。",
    "people.bad_tags": "未知的人员类别：{tags}。",
    "people.left_before_arrived": "离开日期早于到达日期，请核对。",
    "people.birth_year_range": "出生年份 {year} 太早：出生年份应在 {earliest} 年到 {latest} 年之间，请核对。",
    "people.birth_year_future": "出生年份 {year} 还没到：请填写出生的年份（四位，如 1985）。",
    "people.arrived_on_future": "到达日期 {value} 还没到：请填写已经到达的日期（今天或更早）。",
    "people.left_on_future": "离开日期 {value} 还没到：请填写已经离开的日期（今天或更早）；尚未离开的请留空。",
    "people.grid_not_mine": "网格 {grid} 不在您的网格范围内。",
    "people.plate_empty": "请填写车牌号。",
    "people.grid_empty": "请选择网格。",
    "people.household_unfindable": "请填写地址或户号（至少一项），下次才能找到这一户。",
    "people.number_of_other_grid": (
        "户号 {code} 带的是{named_name}（{named}）的代码，这一户选的网格却是{grid_name}（{grid}）："
        "请改正户号或网格；确实无误的，再按 F10 保存。"
    ),
    "people.locked": "本设备尚未取得个人信息密钥：请先同步一次。",
    "people.reveal_refused": "您的角色不能查看完整的身份证号或电话。",
    "admin.retention.done": (
        "已按保存期限删除：{counts}（{kept}）。已记入审计日志，设备下次同步时同样删除。"
    ),
    "admin.retention.count.plans": "随访计划 {count} 个",
    "admin.retention.count.readings": "读数 {count} 条",
    "admin.retention.count.people": "已离开人员 {count} 人",
    "admin.retention.count.households": "空户 {count} 户",
    "admin.retention.kept": "保留 {count} 天",
    "admin.responsibilities.imported": "已导入包保关系 {count} 条。",
    "admin.responsibilities.none": "还没有包保关系。",
    "admin.responsibilities.ended": "{name}（{id}）不再包保 {grid} 的 {household} 户。",
    "admin.responsibilities.cadre": "{name}（{id}）包保 {count} 户：",
}

EN: dict[str, str] = {
    "people.bad_date": "The date {value} is not valid; write it as year-month-day (e.g. 2026-12-02).",
    "people.name_empty": "Enter the name.",
    "people.number_in_text": (
        "{field} holds a long run of digits (an ID number or phone?): remove it; ID numbers "
        "and phones go in their own fields, where they are masked."
    ),
    "people.bad_sex": "Choose male or female.",
    "people.bad_birth_year": "The birth year is not valid; enter four digits (e.g. 1985).",
    "people.bad_id_number.shape": "The ID number is not valid: 18 characters (17 digits, then a digit or X); check it.",
    "people.bad_id_number.birth_date": "The ID number is not valid: its 7th to 14th characters are no birth date; check it.",
    "people.bad_id_number.check_digit": "The ID number's check digit does not match: the last character does not fit the first 17, so one of them is mistyped; check each.",
    "people.bad_id_number.sex": "The sex does not match the ID number: an odd 17th digit is male, an even one female; check the sex or the ID number.",
    "people.bad_id_number.birth_year": "The birth year does not match the ID number: its 7th to 10th digits are the birth year; check the birth year or the ID number.",
    "people.held_id_number.sex.head": "The sex does not match the ID number on record: check the sex; if it is right, ask the grid head to check the ID number.",
    "people.held_id_number.sex.reveal": "The sex does not match the ID number on record: check the sex; if it is right, open the number with Show ID no. on the people screen and check it.",
    "people.held_id_number.birth_year.head": "The birth year does not match the ID number on record: check the year; if it is right, ask the grid head to check the ID number.",
    "people.held_id_number.birth_year.reveal": "The birth year does not match the ID number on record: check the year; if it is right, open the number with Show ID no. on the people screen and check it.",
    "people.bad_phone": "The phone number is not valid: an 11-digit mobile starting with 1, or a landline with its area code (e.g. 0591-1234567 or 05911234567).",
    "people.bad_tags": "Not among the known groups: {tags}.",
    "people.left_before_arrived": "The departure date is before the arrival date; check them.",
    "people.birth_year_range": "The birth year {year} is too early: it must be between {earliest} and {latest}; check it.",
    "people.birth_year_future": "The birth year {year} has not come yet: enter the year the person was born (four digits, e.g. 1985).",
    "people.arrived_on_future": "The arrival date {value} has not come yet: enter the day the person arrived (today or earlier).",
    "people.left_on_future": "The departure date {value} has not come yet: enter the day the person left (today or earlier), or leave it empty if they have not left.",
    "people.grid_not_mine": "Grid {grid} is not one of your grids.",
    "people.plate_empty": "Enter the number plate.",
    "people.grid_empty": "Choose the grid.",
    "people.number_of_other_grid": (
        "Household no. {code} carries the code of {named_name} ({named}), but the grid chosen "
        "is {grid_name} ({grid}): correct the number or the grid; if both are right, press F10 "
        "again to save."
    ),
    "people.household_unfindable": (
        "Enter the address or the household number (at least one), so the household can be "
        "found on the next visit."
    ),
    "people.locked": "This device has no key for personal data yet: sync once first.",
    "people.reveal_refused": "Your role may not see full ID numbers or phones.",
    "admin.retention.done": (
        "Deleted past retention: {counts} ({kept}). Recorded in the audit trail; devices "
        "delete them at their next sync."
    ),
    "admin.retention.count.plans": "{count} follow-up plans",
    "admin.retention.count.plans_one": "1 follow-up plan",
    "admin.retention.count.readings": "{count} readings",
    "admin.retention.count.readings_one": "1 reading",
    "admin.retention.count.people": "{count} people who left",
    "admin.retention.count.people_one": "1 person who left",
    "admin.retention.count.households": "{count} empty households",
    "admin.retention.count.households_one": "1 empty household",
    "admin.retention.kept": "kept {count} days",
    "admin.retention.kept_one": "kept 1 day",
    "admin.responsibilities.imported": "Imported {count} cadre assignments.",
    "admin.responsibilities.imported_one": "Imported 1 cadre assignment.",
    "admin.responsibilities.none": "No cadre assignments yet.",
    "admin.responsibilities.ended": (
        "{name} ({id}) is no longer responsible for household {household} of {grid}."
    ),
    "admin.responsibilities.cadre": "{name} ({id}) is responsible for {count} households:",
    "admin.responsibilities.cadre_one": "{name} ({id}) is responsible for 1 household:",
}
