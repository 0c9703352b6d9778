"""The summary's list of items answered pass today whose earlier hazards stay open until
the supervisor re-checks them."""

ZH = {
    "passed_open.heading": "今天合格、但仍有未销号隐患的检查项（{count}）",
    "passed_open.col.state": "状态",
    "passed_open.hint": (
        "今天合格不会关闭这些隐患：要等{role}复查后才销号（{role}在 F5 审核里复查）。"
        "业主已整改的，选中一行按 Ctrl+B 或回车，记录“已报整改”，{role}据此复查。"
    ),
    "passed_open.none": "没有今天合格但仍未销号的隐患",
    "passed_open.already_reported": "{item} 的隐患已记录过已报整改，现为“{state}”，不必再记录",
    "binding.summary.report_fixed": "记录已报整改",
    "binding.summary.report_fixed.tip": "为选中的隐患记录业主已整改，复查后销号",
}

EN = {
    "passed_open.heading": "Passed today, hazards still open from before ({count})",
    "passed_open.col.state": "State",
    "passed_open.hint": (
        "Passing today does not close out these hazards: they stay open until the {role} "
        "re-checks them (in F5 review). If the owner fixed one, choose its row and press "
        "Ctrl+B or Enter to record it reported fixed, for the {role} to re-check."
    ),
    "passed_open.none": "No hazard passed today is still open",
    "passed_open.already_reported": (
        "The hazard on {item} is already recorded as reported fixed and is now '{state}'; "
        "no need to record it again"
    ),
    "binding.summary.report_fixed": "Reported fixed",
    "binding.summary.report_fixed.tip": (
        "Record that the owner fixed the chosen hazard; it is closed out once re-checked"
    ),
}
