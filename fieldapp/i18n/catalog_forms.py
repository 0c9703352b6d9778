"""Messages for the forms the office shapes: conditional items, choices with outcomes,
thresholds and campaigns."""

from __future__ import annotations

ZH: dict[str, str] = {
    "inspect.answer_type.choice_multiple": "多选：{choices}（序号用逗号分隔），回车保存",
    "inspect.option_outcome": "{choice}（{severity}）",
    "inspect.answer_type.number_rule": "填数字（{rule} 判不合格），回车保存",
    "inspect.answer_type.date_rule": "填日期 YYYY-MM-DD（{rule} 判不合格），回车保存",
    "inspect.days_since": "距今天数",
    "campaign.admin.published": "已发布专项行动 {code} 第 {version} 版",
    "campaign.admin.published_same": "专项行动 {code} 第 {version} 版已发布过，内容相同，未改动",
    "campaign.admin.on": "{name}（{code}）：进行中 · 阶段 {phase} · {dates} · 范围 {grids}",
    "campaign.admin.off": "{name}（{code}）：未开启",
    "campaign.admin.everywhere": "全部网格",
    "campaign.admin.none": "尚未发布专项行动",
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
    "campaign.admin.published": "Published campaign {code} version {version}",
    "campaign.admin.published_same": (
        "Campaign {code} version {version} was already published with the same content"
    ),
    "campaign.admin.on": "{name} ({code}): on · phase {phase} · {dates} · grids {grids}",
    "campaign.admin.off": "{name} ({code}): off",
    "campaign.admin.everywhere": "all grids",
    "campaign.admin.none": "No campaign is published yet",
    "campaign.home.active": "Campaigns: {campaigns}",
    "campaign.with_phase": "{name} ({phase})",
    "inspect.campaigns": "Campaigns: {campaigns}",
}
