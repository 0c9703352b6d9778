"""`fieldapp --help` and the help of its commands outside `admin` (fieldapp.cli.help_texts:
`cli.help.<path>`, `cli.option.<path>.<parameter>`), and click's own words in a help
(`cli.click.*`: Usage:, Options, Commands, "Show this message and exit.")."""

from __future__ import annotations

ZH = {
    "cli.click.usage": "用法：",
    "cli.click.options": "选项",
    "cli.click.commands": "命令",
    "cli.click.options_metavar": "[选项]",
    "cli.click.commands_metavar": "命令 [参数]...",
    "cli.click.help_option": "显示本说明并退出。",
    "cli.click.default": "默认：{value}",
    "cli.click.required": "必填",
    "cli.click.notes_joined": "；",
    "cli.click.range.at_least": "至少 {min}",
    "cli.click.range.above": "大于 {min}",
    "cli.click.range.at_most": "至多 {max}",
    "cli.click.range.below": "小于 {max}",
    "cli.click.range.between": "{min} 至 {max}",
    "cli.click.range.both": "{low}，{high}",
    "cli.help.fieldapp": "网格化巡查。不带命令时打开终端界面。",
    "cli.option.fieldapp.lang": "界面语言（默认 zh，中文）。",
    "cli.option.fieldapp.version": "显示版本号并退出。",
    "cli.help.checklist": "检查表文件。",
    "cli.help.checklist.validate": "校验检查表文件 FILES；每个错误占一行，格式为 file:line: code: message。",
    "cli.option.checklist.validate.kinds": "办公室自行添加的场所类型（import-kinds），在自带类型之外也认可。",
    "cli.help.demo": (
        "建立演示工作区（示例数据），在本机启动它的中心服务器，注册设备并打开终端界面；按 F12 同步。\n\n"
        "\b\n工作区有两台设备和一台服务器：\n"
        "  HOME/fieldapp.sqlite3             网格员的设备\n"
        "  HOME/supervisor/fieldapp.sqlite3  网格长的设备（--as supervisor）\n"
        "  HOME/server/server.sqlite3        服务器（最后一个演示窗口关闭时停止）\n\n"
        "\b\n网格员和网格长通过同一台服务器同步，在两个终端中：\n"
        "  fieldapp demo --home ~/fielddemo                  # F12：待上报的记录上传\n"
        "  fieldapp demo --home ~/fielddemo --as supervisor  # F12：他们的隐患下载\n"
        "先打开的启动服务器，后打开的使用它；哪个先关闭都不影响另一个同步。\n"
        "用服务器的密钥打印演示的标牌：\n"
        "  fieldapp admin --db HOME/server/server.sqlite3 placards --grid T01-DM --out p.pdf\n"
        "然后在任一台设备上扫描（F2）。"
    ),
    "cli.option.demo.venues": "演示的场所数量。",
    "cli.option.demo.answers": "加上已提交的检查记录，约有这么多条检查项答案。",
    "cli.option.demo.home": "工作区文件夹（默认：新建一个临时文件夹）。已有的演示会继续使用。",
    "cli.option.demo.seed": "生成示例数据的随机数种子。",
    "cli.option.demo.build_only": "只建立工作区，然后退出。",
    "cli.option.demo.as_role": "设备代表谁。",
    "cli.option.demo.lang": "界面语言。",
    "cli.option.demo.no_server": "不启动本机服务器：只有一台设备，不同步。",
    "cli.help.device-info": "显示本设备的编号、人员和服务器（不显示令牌）。",
    "cli.help.enroll": "用一次性注册码 CODE 把本设备注册到地址为 URL 的服务器。",
    "cli.option.enroll.device_name": "本设备的名称（默认：主机名）。",
    "cli.option.enroll.insecure_http": "允许用普通 http 连接不在本机的服务器。",
    "cli.option.enroll.ca_bundle": "用来验证服务器的 CA 证书。",
    "cli.help.export": (
        "把检查记录、隐患、隐患处理记录和巡逻导出为办公室台账；网格有人口登记时，"
        "还导出人员表和随访表（敏感信息已遮盖），有事件或定期工作时也导出。\n\n"
        "--from 和 --to 按提交日期选检查记录，按发生日期选隐患处理记录，按发现日期"
        "或在这段日期内有处理记录选隐患（每条处理记录的隐患都在隐患表中），"
        "按随访进行的日期选随访记录。"
        "人员表是名册：列出导出时的全部人员，不按日期（标题写明日期）。"
    ),
    "cli.option.export.fmt": "xlsx：一个工作簿；csv：每张表一个文件：OUT（检查记录）、OUT_findings.csv、OUT_finding_events.csv、OUT_patrols.csv，有记录时还有 OUT_people.csv、OUT_followups.csv、OUT_incidents.csv、OUT_activities.csv。",
    "cli.option.export.out": "要写入的文件（没有扩展名时补上所选格式的）；文件名已被占用时不覆盖，另存为 名称-2。",
    "cli.option.export.first": "第一天（本地日期）。",
    "cli.option.export.last": "最后一天（本地日期）。",
    "cli.option.export.grid": "网格编码；包括它下面的网格。",
    "cli.option.export.kind": "一种场所类型：market、hotel、supermarket、small_shop、small_school、small_restaurant、small_hotel、internet_cafe、small_workshop、rental_housing、three_in_one，或办公室添加的类型；写编码或名称（如 小商场、足浴店）均可。",
    "cli.option.export.full_personal_data": "完整写出身份证号和电话（仅限网格长；记入审计日志）。CSV 中号码前加制表符，Excel 打开时作为文本，18 位号码不被改动。",
    "cli.help.handover-letter": "为一起移交的隐患打印移交抄告单。\n\n在本设备的数据目录上运行：环境变量 FIELDAPP_HOME 所指的目录，未设时为本用户的应用数据目录（fieldapp device-info 显示所用的目录）。",
    "cli.option.handover-letter.finding_ids": "移交的隐患：复查页（F5）所示的场所编号和检查项，如 --finding 'DM-0006 CAT-08'，或隐患编号；同一次移交的多条可重复写。",
    "cli.option.handover-letter.out": "要写入的 PDF 文件（没有 .pdf 时补上）；文件名已被占用时不覆盖，另存为 名称-2。",
    "cli.help.idle-lock": "显示或设置多少分钟不按键后锁定程序（1–60）。",
    "cli.help.monthly-report": "生成一个网格的月报：下面各网格的完成情况、报告、隐患、活动、巡逻、事件和考核得分。\n\n在本设备的数据目录上运行：环境变量 FIELDAPP_HOME 所指的目录，未设时为本用户的应用数据目录（fieldapp device-info 显示所用的目录）。",
    "cli.option.monthly-report.grid_code": "默认：我的第一个网格。",
    "cli.option.monthly-report.month": "年-月；默认：本月。",
    "cli.option.monthly-report.xlsx": "要写入的 XLSX 文件（没有 .xlsx 时补上）；文件名已被占用时不覆盖，另存为 名称-2。",
    "cli.option.monthly-report.pdf": "要写入的 PDF 文件（没有 .pdf 时补上）；文件名已被占用时不覆盖，另存为 名称-2。",
    "cli.help.notice": "打印一个场所的整改通知书。\n\n在本设备的数据目录上运行：环境变量 FIELDAPP_HOME 所指的目录，未设时为本用户的应用数据目录（fieldapp device-info 显示所用的目录）。",
    "cli.option.notice.venue_code": "场所编号，如 DM-0042。",
    "cli.option.notice.out": "要写入的 PDF 文件（没有 .pdf 时补上）；文件名已被占用时不覆盖，另存为 名称-2。",
    "cli.help.placards": (
        "把未签名的场所标牌打印成 PDF。\n\n"
        "设备从不签发标牌：二维码里是场所编号，能找到场所，但不能证明到过现场，每张标牌上都写明了这一点。"
        "签名标牌由服务器打印（`fieldapp admin placards`）。"
    ),
    "cli.option.placards.grid_code": "网格编码：打印它和下面各网格的场所。",
    "cli.option.placards.venue_code": "一个场所编号。",
    "cli.option.placards.out": "要写入的 PDF 文件（每页一张标牌）；只要 PNG 时可以不给。",
    "cli.option.placards.png_dir": "把每个场所的标牌存为 PNG，放进这个文件夹（不给 --out 时只写 PNG）。",
    "cli.option.placards.size": "纸张大小。",
    "cli.help.report": "填报一个网格的每日报告；加 --zero 为零报告。",
    "cli.option.report.grid_code": "报告所属的网格。",
    "cli.option.report.zero": "零报告：没有需要报告的情况。",
    "cli.option.report.remarks": "报告的备注。",
    "cli.option.report.day": "默认：今天。",
    "cli.help.scan": "读取标牌照片中的二维码并离线核验。\n\n照片中是本设备上某个场所的真实标牌时退出状态为 0，否则为 1。",
    "cli.help.serve": "运行中心同步服务器（uvicorn，JSON 行格式的日志写到标准错误）。",
    "cli.option.serve.db_url": "服务器数据库：SQLite 文件路径、sqlite:///文件 或 postgresql://…（默认：$FIELDAPP_SERVER_DB，或数据目录中的 server/server.sqlite3）。",
    "cli.option.serve.host": "监听的地址。",
    "cli.option.serve.port": "监听的端口。",
    "cli.option.serve.blob_dir": "照片以文件形式存放在这里（SQLite 时的默认：数据库文件旁边）。",
    "cli.option.serve.blob_store": "照片和视频存放在哪里，各服务器共用：files:DIR（DIR 为文件夹）、database（PostgreSQL 时的默认）或 s3://存储桶[/前缀]?endpoint=地址。",
    "cli.option.serve.blob_limit": "接受的最大照片，单位为字节。",
    "cli.option.serve.workers": "共用端口的服务器进程数（所有状态都在数据库中）。",
    "cli.help.sync": "立即同步，不打开界面。全部同步成功时退出状态才为 0。",
    "cli.option.sync.insecure_http": "允许用普通 http 连接不在本机的服务器。",
    "cli.help.web": "在浏览器中使用本程序：每个会话登录后有自己的办公室数据。",
    "cli.option.web.server_url": "各会话注册和同步所用的中心服务器。",
    "cli.option.web.host": "监听的地址。",
    "cli.option.web.port": "监听的端口。",
    "cli.option.web.home": "各会话的办公室数据存放处（默认：数据目录中的 web/）。",
    "cli.option.web.tls_cert": "TLS 证书文件。",
    "cli.option.web.tls_key": "TLS 私钥文件。",
    "cli.option.web.public_url": "大家打开的地址，如在 nginx 后面时的 https://grid.example.gov.cn。",
    "cli.option.web.behind_tls_proxy": "在网络地址上不用 TLS 监听，因为前面的代理会加上 TLS。",
    "cli.option.web.idle_minutes": "会话多少分钟无操作后结束。",
    "cli.option.web.insecure_http": "允许用普通 http 连接不在本机的服务器。",
    "cli.option.web.ca_bundle": "用来验证中心服务器的 CA 证书（私有 CA）。",
}

EN = {
    "cli.click.usage": "Usage:",
    "cli.click.options": "Options",
    "cli.click.commands": "Commands",
    "cli.click.options_metavar": "[OPTIONS]",
    "cli.click.commands_metavar": "COMMAND [ARGS]...",
    "cli.click.help_option": "Show this message and exit.",
    "cli.click.default": "default: {value}",
    "cli.click.required": "required",
    "cli.click.notes_joined": "; ",
    "cli.click.range.at_least": "≥ {min}",
    "cli.click.range.above": "> {min}",
    "cli.click.range.at_most": "≤ {max}",
    "cli.click.range.below": "< {max}",
    "cli.click.range.between": "{min}–{max}",
    "cli.click.range.both": "{low}, {high}",
    "cli.help.fieldapp": "Grid inspection for the field. With no command, opens the TUI.",
    "cli.option.fieldapp.lang": "UI language (default zh).",
    "cli.option.fieldapp.version": "Show the version and exit.",
    "cli.help.checklist": "Checklist files.",
    "cli.help.checklist.validate": "Check checklist FILEs; print every error as file:line: code: message.",
    "cli.option.checklist.validate.kinds": "A venue kind the office adds (import-kinds), known besides the shipped ones.",
    "cli.help.demo": (
        "Build a demo workspace, start its central server on loopback, enrol the device and "
        "open the TUI on it; F12 syncs.\n\n"
        "\b\nThe workspace holds two devices and the server:\n"
        "  HOME/fieldapp.sqlite3             the inspector's device\n"
        "  HOME/supervisor/fieldapp.sqlite3  the supervisor's device (--as supervisor)\n"
        "  HOME/server/server.sqlite3        the server (stops with the last demo window)\n\n"
        "\b\nInspector and supervisor syncing through the one server, in two terminals:\n"
        "  fieldapp demo --home ~/fielddemo                  # F12: the outbox goes up\n"
        "  fieldapp demo --home ~/fielddemo --as supervisor  # F12: their hazards come down\n"
        "The first starts the server and the second uses it;\n"
        "either may be closed first, the other still syncs.\n"
        "Print the demo's placards with the server's key:\n"
        "  fieldapp admin --db HOME/server/server.sqlite3 placards --grid T01-DM --out p.pdf\n"
        "Then scan them on either device (F2)."
    ),
    "cli.option.demo.venues": "How many venues the demo has.",
    "cli.option.demo.answers": "Add a history of submitted inspections with about this many answers.",
    "cli.option.demo.home": "Workspace directory (default: a fresh temporary one). An existing demo is reused.",
    "cli.option.demo.seed": "The random seed the demo data is made with.",
    "cli.option.demo.build_only": "Build the workspace and exit.",
    "cli.option.demo.as_role": "Whom the device acts for.",
    "cli.option.demo.lang": "UI language.",
    "cli.option.demo.no_server": "No loopback server: one device, no sync.",
    "cli.help.device-info": "Show this device's id, person and server (never its token).",
    "cli.help.enroll": "Enrol this device with the server at URL using a one-time CODE.",
    "cli.option.enroll.device_name": "A name for this device (default: host name).",
    "cli.option.enroll.insecure_http": "Allow plain http to a non-loopback server.",
    "cli.option.enroll.ca_bundle": "CA certificates to verify the server with.",
    "cli.help.export": (
        "Export inspections, hazards, hazard events and patrols as the office ledger, the "
        "people and follow-up sheets (masked) where the grids keep a registry, and incidents "
        "and activities where there are any.\n\n"
        "--from and --to pick inspections by the day submitted, hazard events by the day they "
        "happened, hazards by the day found or by an event of theirs in the dates (so each "
        "event's hazard is on the hazards sheet) and follow-ups by the days they run. The "
        "people sheet is a register: "
        "everyone as of the export, whatever the dates (its title says the day)."
    ),
    "cli.option.export.fmt": (
        "xlsx: one workbook; csv: a file per sheet: OUT (inspections), OUT_findings.csv, "
        "OUT_finding_events.csv, OUT_patrols.csv, and where there are any, OUT_people.csv, "
        "OUT_followups.csv, OUT_incidents.csv, OUT_activities.csv."
    ),
    "cli.option.export.out": "The file to write (the format's extension added when it has none); a name taken is not overwritten: NAME-2 is written instead.",
    "cli.option.export.first": "First local date.",
    "cli.option.export.last": "Last local date.",
    "cli.option.export.grid": "A grid code; the grids under it are included.",
    "cli.option.export.kind": "One venue kind: market, hotel, supermarket, small_shop, small_school, small_restaurant, small_hotel, internet_cafe, small_workshop, rental_housing, three_in_one or one the office added, by its code or by its name in either language (Small shop).",
    "cli.option.export.full_personal_data": "Write ID numbers and phones in full (supervisors only; audited). In CSV each number starts with a tab, so Excel keeps it as text and an 18-digit ID number whole.",
    "cli.help.handover-letter": "Print the hand-over letter for findings handed over together.\n\nWorks on this device's data directory: the one FIELDAPP_HOME names, or when it is unset the user's application data directory (fieldapp device-info shows which).",
    "cli.option.handover-letter.finding_ids": "A hazard handed over: its venue code and check item as the review screen (F5) shows them, e.g. --finding 'DM-0006 CAT-08', or its id; repeat for several of the same hand-over.",
    "cli.option.handover-letter.out": "The PDF file to write (.pdf added when missing); a name taken is not overwritten: NAME-2 is written instead.",
    "cli.help.idle-lock": "Show or set the minutes without a key press after which the app locks (1–60).",
    "cli.help.monthly-report": "Write a grid's monthly report: completion, reports, hazards, activities, patrols, incidents and the assessment score per grid under it.\n\nWorks on this device's data directory: the one FIELDAPP_HOME names, or when it is unset the user's application data directory (fieldapp device-info shows which).",
    "cli.option.monthly-report.grid_code": "Default: my first grid.",
    "cli.option.monthly-report.month": "YYYY-MM; default: this month.",
    "cli.option.monthly-report.xlsx": "The XLSX file to write (.xlsx added when missing); a name taken is not overwritten: NAME-2 is written instead.",
    "cli.option.monthly-report.pdf": "The PDF file to write (.pdf added when missing); a name taken is not overwritten: NAME-2 is written instead.",
    "cli.help.notice": "Print the rectification notice of a venue.\n\nWorks on this device's data directory: the one FIELDAPP_HOME names, or when it is unset the user's application data directory (fieldapp device-info shows which).",
    "cli.option.notice.venue_code": "The venue code, e.g. DM-0042.",
    "cli.option.notice.out": "The PDF file to write (.pdf added when missing); a name taken is not overwritten: NAME-2 is written instead.",
    "cli.help.placards": (
        "Print UNSIGNED venue placards to a PDF.\n\n"
        "A device never signs placards: the QR holds the venue code, which finds the venue but "
        "does not prove a visit, and each placard says so. Signed placards come from the "
        "server (`fieldapp admin placards`)."
    ),
    "cli.option.placards.grid_code": "Grid code: its venues and those of the grids below.",
    "cli.option.placards.venue_code": "One venue code.",
    "cli.option.placards.out": "The PDF to write (one placard per page); not needed when only PNGs are wanted.",
    "cli.option.placards.png_dir": "Write one PNG per venue into this directory (without --out, only the PNGs).",
    "cli.option.placards.size": "The paper size.",
    "cli.help.report": "File the day's report for a grid, or a zero report with --zero.",
    "cli.option.report.grid_code": "The grid the report is for.",
    "cli.option.report.zero": "A zero report: nothing to report.",
    "cli.option.report.remarks": "Remarks for the report.",
    "cli.option.report.day": "Default: today.",
    "cli.help.scan": "Read the QR of a placard photo and verify it offline.\n\nExits 0 when the photo holds a genuine placard of a venue on this device, 1 otherwise.",
    "cli.help.serve": "Run the central sync server (uvicorn, JSON-lines logs on stderr).",
    "cli.option.serve.db_url": "Server database: a SQLite path, sqlite:///FILE or postgresql://… (default: $FIELDAPP_SERVER_DB or server/server.sqlite3 in the data directory).",
    "cli.option.serve.host": "The address to listen on.",
    "cli.option.serve.port": "The port to listen on.",
    "cli.option.serve.blob_dir": "Keep photos as files here (the default on SQLite: beside its file).",
    "cli.option.serve.blob_store": "Where photos and videos are kept, shared by every server: files:DIR, database (the default on PostgreSQL) or s3://BUCKET[/PREFIX]?endpoint=URL.",
    "cli.option.serve.blob_limit": "Largest photo accepted, in bytes.",
    "cli.option.serve.workers": "Server processes sharing the port (all state is in the database).",
    "cli.help.sync": "Sync now, headless. Exit status 0 only if everything went through.",
    "cli.option.sync.insecure_http": "Allow plain http to a non-loopback server.",
    "cli.help.web": "Serve the program to browsers: each session signs in and gets its own office store.",
    "cli.option.web.server_url": "The central server the sessions enrol with and sync to.",
    "cli.option.web.host": "The address to listen on.",
    "cli.option.web.port": "The port to listen on.",
    "cli.option.web.home": "Where the sessions' office stores live (default: web/ in the data directory).",
    "cli.option.web.tls_cert": "The TLS certificate file.",
    "cli.option.web.tls_key": "The TLS private key file.",
    "cli.option.web.public_url": "The address people open, e.g. https://grid.example.gov.cn behind nginx.",
    "cli.option.web.behind_tls_proxy": "Listen on a network address without TLS because a proxy in front adds it.",
    "cli.option.web.idle_minutes": "Minutes without use after which a session ends.",
    "cli.option.web.insecure_http": "Allow plain http to a non-loopback server.",
    "cli.option.web.ca_bundle": "CA certificates to verify the central server with (a private CA).",
}
