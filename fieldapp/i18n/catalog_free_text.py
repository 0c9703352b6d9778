"""Refusals of free text that must say something (`fieldapp.domain.free_text`): what the
field must hold, and that emoji, punctuation and spaces do not count."""

# One example of a hand-over's reference number (文号) by language: the hand-over form's
# placeholder (catalog_review_ui) and its refusal here give the same one.
REFERENCE_EXAMPLE = {"zh": "公移〔2026〕12号", "en": "GY-2026-12"}

ZH = {
    "free_text.representative": (
        "请写场所负责人的姓名（至少两个字或两个字母，如“王建国”“Li”），"
        "只用文字，名字各部分之间可用“·”、空格或连字符；表情符号和其他符号都不行。"
    ),
    "free_text.representative.too_long": "场所负责人的姓名最多 {most} 个字，现在有 {length} 个字。",
    "free_text.reject_reason": (
        "复查不通过须在备注中用文字写明仍未整改到位的问题"
        "（至少两个字或四个字母，如“灭火器仍过期”），"
        "表情符号、标点和空格不算。"
    ),
    "free_text.reject_reason.too_long": "备注最多 {most} 个字，现在有 {length} 个字。",
    "free_text.incident_address": (
        "请用文字写明事发地址（至少两个字或四个字母，如“幸福路12号”），表情符号、标点和空格不算。"
    ),
    "free_text.incident_address.too_long": (
        "事发地址最多 {most} 个字，现在有 {length} 个字；请只写到门牌和房号。"
    ),
    "free_text.incident_description": (
        "请用文字写明发生了什么（至少两个字或四个字母），表情符号、标点和空格不算。"
    ),
    "free_text.incident_description.too_long": (
        "事件经过最多 {most} 个字，现在有 {length} 个字；请写要点，细节可附文件。"
    ),
    "free_text.note": "请用文字写明备注（至少两个字或四个字母），表情符号、标点和空格不算。",
    "free_text.note.too_long": "备注最多 {most} 个字，现在有 {length} 个字；请写要点。",
    "free_text.hazard_description": "请写隐患描述。",
    "free_text.hazard_description.too_long": (
        "隐患描述最多 {most} 个字，现在有 {length} 个字；请写要点，细节可拍照附上。"
    ),
    "free_text.hand_over_reference": (
        f"请填写移交文号（至少两个字母、数字或汉字，如“{REFERENCE_EXAMPLE['zh']}”），"
        "表情符号和标点不算。"
    ),
    "free_text.hand_over_reference.too_long": "移交文号最多 {most} 个字，现在有 {length} 个字。",
    "free_text.person_name": (
        "请写人员的姓名（至少两个字或两个字母，如“王五”“Li”），"
        "只用文字，名字各部分之间可用“·”、空格或连字符；"
        "单个字、表情符号和其他符号都不行。"
    ),
    "free_text.person_name.too_long": "姓名最多 {most} 个字，现在有 {length} 个字。",
    "free_text.person_note": "请写备注。",
    "free_text.person_note.too_long": "备注最多 {most} 个字，现在有 {length} 个字。",
    "free_text.household_code": "户号只能写文字、数字和标点，不能有表情符号或控制字符。",
    "free_text.household_code.too_long": "户号最多 {most} 个字，现在有 {length} 个字。",
    "free_text.household_building": "楼栋/屯只能写文字、数字和标点，不能有表情符号或控制字符。",
    "free_text.household_building.too_long": "楼栋最多 {most} 个字，现在有 {length} 个字。",
    "free_text.household_address": (
        "请用文字写明住址（至少两个字或四个字母，如“幸福路12号”），不能有表情符号或控制字符，标点和空格不算。"
    ),
    "free_text.household_address.too_long": (
        "住址最多 {most} 个字，现在有 {length} 个字；请只写到门牌和房号。"
    ),
    "free_text.close_reason": (
        "请用文字写明关闭这次巡逻的原因（至少两个字或四个字母，如“设备丢失”），表情符号、标点和空格不算。"
    ),
    "free_text.close_reason.too_long": "原因最多 {most} 个字，现在有 {length} 个字。",
    "free_text.return_reason": (
        "退回检查记录须用文字写明原因，检查员要据此补正"
        "（至少两个字或四个字母，如“照片不清楚”），表情符号、标点和空格不算。"
    ),
    "free_text.closed_unreported_reason": (
        "未报整改的隐患销号须在备注中用文字写明为何无需复查"
        "（至少两个字或四个字母，如“已当场整改”），表情符号、标点和空格不算。"
    ),
    "free_text.extended_major_reason": (
        "重大隐患延期须在备注中用文字写明理由"
        "（至少两个字或四个字母，如“等待设备到货”），表情符号、标点和空格不算。"
    ),
    "free_text.outcome_other_reason": (
        "处理结果为“其他处理”时须在备注中用文字写明接收单位做了什么处理"
        "（至少两个字或四个字母，如“责令停业”），表情符号、标点和空格不算。"
    ),
    "free_text.case_close_note": (
        "办结异常事项须写明办结情况（至少两个字或四个字母，如“已解除隔离，体温正常”），"
        "表情符号、标点和空格不算。"
    ),
    "free_text.case_close_note.too_long": "办结情况最多 {most} 个字，现在有 {length} 个字；请写要点。",
    "free_text.plan_end_reason": (
        "提前结束随访计划须用文字写明原因（至少两个字或四个字母，如“转市人民医院”），"
        "表情符号、标点和空格不算。"
    ),
    "free_text.plan_end_reason.too_long": "结束原因最多 {most} 个字，现在有 {length} 个字；请写要点。",
    # The server refused a text that says nothing: the field's own refusal above.
    "refusal.free_text": "{text_rule}",
    # The server refused a text longer than its form takes: the form's own refusal above.
    "refusal.text_too_long": "{text_rule}",
    "refusal.person_field.name": "姓名",
}

EN = {
    "free_text.representative": (
        "Write the venue representative's name (at least two letters or Chinese"
        " characters, e.g. 'Li') in letters, with a middle dot, space or hyphen between"
        " its parts if need be; a name cannot hold emoji or other symbols."
    ),
    "free_text.representative.too_long": (
        "The representative's name takes at most {most} characters; it has {length}."
    ),
    "free_text.reject_reason": (
        "A rejected re-check needs a note in words saying what is still wrong (at least"
        " four letters or two Chinese characters); emoji, punctuation and spaces do not count."
    ),
    "free_text.reject_reason.too_long": "The note takes at most {most} characters; it has {length}.",
    "free_text.incident_address": (
        "Write the address in words (at least four letters or two Chinese characters,"
        " e.g. '12 Xingfu Road'), with no emoji or control characters; punctuation and spaces do not count."
    ),
    "free_text.incident_address.too_long": (
        "The address takes at most {most} characters; it has {length}. Write it down to"
        " the door and room number."
    ),
    "free_text.incident_description": (
        "Write what happened in words (at least four letters or two Chinese characters);"
        " emoji, punctuation and spaces do not count."
    ),
    "free_text.incident_description.too_long": (
        "What happened takes at most {most} characters; it has {length}. Write the main"
        " points and attach details as files."
    ),
    "free_text.note": (
        "Write the note in words (at least four letters or two Chinese characters);"
        " emoji, punctuation and spaces do not count."
    ),
    "free_text.note.too_long": (
        "A note takes at most {most} characters; it has {length}. Write the main points."
    ),
    "free_text.hazard_description": "Write the hazard's description.",
    "free_text.hazard_description.too_long": (
        "A hazard's description takes at most {most} characters; it has {length}. Write"
        " the main points and attach a photo for the details."
    ),
    "free_text.hand_over_reference": (
        "Enter the hand-over reference number (at least two letters, digits or Chinese"
        f" characters, e.g. '{REFERENCE_EXAMPLE['en']}'); emoji and punctuation do not count."
    ),
    "free_text.hand_over_reference.too_long": (
        "The reference number takes at most {most} characters; it has {length}."
    ),
    "free_text.person_name": (
        "Write the person's name (at least two letters or Chinese characters, e.g. 'Li')"
        " in letters, with a middle dot, space or hyphen between its parts if need be;"
        " a single character is not a name, and a name cannot hold emoji or other symbols."
    ),
    "free_text.person_name.too_long": "A name takes at most {most} characters; it has {length}.",
    "free_text.person_note": "Write the note.",
    "free_text.person_note.too_long": "A note takes at most {most} characters; it has {length}.",
    "free_text.household_code": "A household number holds only letters, digits and punctuation: no emoji or control characters.",
    "free_text.household_code.too_long": "A household number takes at most {most} characters; it has {length}.",
    "free_text.household_building": "A building or hamlet holds only letters, digits and punctuation: no emoji or control characters.",
    "free_text.household_building.too_long": "A building takes at most {most} characters; it has {length}.",
    "free_text.household_address": (
        "Write the address in words (at least four letters or two Chinese characters,"
        " e.g. '12 Xingfu Road'), with no emoji or control characters; punctuation and spaces do not count."
    ),
    "free_text.household_address.too_long": (
        "The address takes at most {most} characters; it has {length}. Write it down to"
        " the door and room number."
    ),
    "free_text.close_reason": (
        "Write why the run is closed, in words (at least four letters or two Chinese"
        " characters, e.g. 'phone lost'); emoji, punctuation and spaces do not count."
    ),
    "free_text.close_reason.too_long": "The reason takes at most {most} characters; it has {length}.",
    "free_text.return_reason": (
        "Returning an inspection needs the reason in words, so the inspector knows what to"
        " correct (at least four letters or two Chinese characters, e.g. 'photo unclear');"
        " emoji, punctuation and spaces do not count."
    ),
    "free_text.closed_unreported_reason": (
        "Closing a hazard never reported fixed needs a note in words saying why it needs no"
        " re-check (at least four letters or two Chinese characters, e.g. 'fixed on the"
        " spot'); emoji, punctuation and spaces do not count."
    ),
    "free_text.extended_major_reason": (
        "Extending a major hazard's deadline needs a note in words saying why (at least four"
        " letters or two Chinese characters, e.g. 'waiting for the equipment'); emoji,"
        " punctuation and spaces do not count."
    ),
    "free_text.outcome_other_reason": (
        "An outcome of 'Other action' needs a note in words saying what the receiving unit"
        " did (at least four letters or two Chinese characters, e.g. 'ordered closed');"
        " emoji, punctuation and spaces do not count."
    ),
    "free_text.case_close_note": (
        "Closing an abnormal case needs a note in words saying how it ended (at least four"
        " letters or two Chinese characters, e.g. 'isolation lifted, no fever'); emoji,"
        " punctuation and spaces do not count."
    ),
    "free_text.case_close_note.too_long": (
        "The closing note takes at most {most} characters; it has {length}. Write the main points."
    ),
    "free_text.plan_end_reason": (
        "Ending a follow-up plan early needs the reason in words (at least four letters or"
        " two Chinese characters, e.g. 'moved to hospital'); emoji, punctuation and spaces"
        " do not count."
    ),
    "free_text.plan_end_reason.too_long": (
        "The reason takes at most {most} characters; it has {length}. Write the main points."
    ),
    "refusal.free_text": "{text_rule}",
    "refusal.text_too_long": "{text_rule}",
    "refusal.person_field.name": "name",
}
