"""Texts of the device lock: the PIN screen, setting a PIN, the idle lock."""

ZH: dict[str, str] = {
    "binding.app.lock": "锁定",
    "binding.app.lock.tip": "立即锁定本机（人员信息需输入设备密码才能再看）",
    "binding.lock.escape": "",
    "binding.lock.escape.tip": "锁定时 Esc 无效：请输入设备密码",
    "binding.lock.language": "English",
    "binding.lock.language.tip": "界面语言切换为英文（保存为设置）",
    "binding.lock.quit": "退出",
    "binding.lock.quit.tip": "退出程序（下次启动仍需设备密码）",
    "lock.title": "本机已锁定",
    "lock.body": "本机保存有人员信息（身份证号、电话）。\n请输入设备密码后继续。",
    "lock.pin": "设备密码（6–12位数字）",
    "lock.pin_again": "再输入一遍",
    "lock.digits_only": "设备密码只能是数字（0–9），请用数字键输入。",
    "lock.empty": "请输入设备密码，然后按回车。",
    "lock.checking": "正在核对……",
    "lock.wrong": "密码不对，请重新输入。",
    "lock.wrong_wait": "密码不对。错误次数过多，请 {seconds} 秒后再试。",
    "lock.wait": "错误次数过多，请 {seconds} 秒后再试。",
    "lock.wait_over": "现在可以再输入密码了。",
    "lock.set.title": "设置设备密码",
    # One sentence a line: folded by width, a line began with "。" in the 80-column dialog.
    "lock.set.body": (
        "本机已收到人员信息，请设置设备密码（6至12位数字）。\n"
        "以后启动和闲置后都要输入它，没有它无法查看人员信息。\n"
        "请记牢：忘记后需要重新注册设备。"
    ),
    # The rule a line to itself, "6–12位数字" one run (no space in it: Textual breaks a line
    # only at a space), so the 80-column box does not cut it into "6–12" and "位数字".
    "lock.set.bad": "设备密码须为 6–12位数字。\n不能全是同一个数字，也不能是连续数字（如 123456）。",
    "lock.set.differ": "两次输入不一致，请重新输入。",
    "idle_lock.now": "闲置 {minutes} 分钟后自动锁定。",
    "cli.pin.prompt": "设备密码：",
    "cli.pin.wrong_wait": "密码不对。错误次数过多：请 {seconds} 秒后重新运行命令。",
    "cli.pin.wrong_rerun": "密码不对，请重新运行命令。",
    "cli.pin.no_input": "需要设备密码才能打开人员数据，但没有读到输入：请在终端里运行这条命令并输入设备密码；在脚本中可把设备密码作为第一行传给标准输入。",
    "cli.pin.waiting": "错误次数过多：{seconds} 秒后再请输入设备密码（Ctrl+C 可中止）……",
    "sync_ui.revoked": (
        "本设备已被管理员吊销，需要重新注册。按规定，本机保存的人员信息（住户、人员、随访）"
        "和人员信息密钥已全部删除；其他记录仍在本机。如需继续使用，请向管理员索取注册码，"
        "再运行 fieldapp enroll 重新注册。"
    ),
    "idle_lock.range": "闲置锁定时间须在 {low} 到 {high} 分钟之间。",
}

EN: dict[str, str] = {
    "binding.app.lock": "Lock",
    "binding.app.lock.tip": "Lock this device now (the device PIN opens people data again)",
    "binding.lock.escape": "",
    "binding.lock.escape.tip": "Esc does nothing while locked: enter the device PIN",
    "binding.lock.language": "中文",
    "binding.lock.language.tip": "Switch the interface to Chinese (saved as a setting)",
    "binding.lock.quit": "Quit",
    "binding.lock.quit.tip": "Quit the program (the device PIN is asked at the next start)",
    "lock.title": "This device is locked",
    "lock.body": (
        "This device holds people data (ID numbers, phones). Enter the device PIN to go on."
    ),
    "lock.pin": "Device PIN (6–12-digit number)",
    "lock.pin_again": "The same PIN again",
    "lock.digits_only": "The device PIN is digits only (0–9): type it with the number keys.",
    "lock.empty": "Type the device PIN, then press Enter.",
    "lock.checking": "Checking…",
    "lock.wrong": "Wrong PIN. Try again.",
    "lock.wrong_wait": "Wrong PIN. Too many wrong PINs: try again in {seconds} s.",
    "lock.wait": "Too many wrong PINs: try again in {seconds} s.",
    "lock.wait_over": "You can enter the PIN again now.",
    "lock.set.title": "Set the device PIN",
    "lock.set.body": (
        "This device has received people data. Set a 6–12-digit device PIN: it is asked "
        "at start-up and after idle time, and without it the people data on this device "
        "cannot be read. Remember it: a forgotten PIN means enrolling the device again."
    ),
    "lock.set.bad": (
        "A device PIN is a 6–12-digit number, not one repeated digit or a run (like 123456)."
    ),
    "lock.set.differ": "The two PINs differ. Type them again.",
    "idle_lock.now": "The app locks after {minutes} min without a key press.",
    "cli.pin.prompt": "Device PIN: ",
    "cli.pin.wrong_wait": "Wrong PIN. Too many wrong PINs: run the command again in {seconds} s.",
    "cli.pin.wrong_rerun": "Wrong PIN. Run the command again.",
    "cli.pin.no_input": "The device PIN is needed to open the people data, but no input came: run the command at a terminal and type the PIN; a script can give the PIN as the first line of its standard input.",
    "cli.pin.waiting": "Too many wrong PINs: the PIN is asked in {seconds} s (Ctrl+C stops)…",
    "sync_ui.revoked": (
        "This device was revoked by the administrator and must be enrolled again. As the "
        "rules require, the people data it held (households, people, follow-ups) and its key "
        "have been deleted; its other records stay. To use it again, ask the administrator "
        "for an enrolment code and run fieldapp enroll."
    ),
    "idle_lock.range": "The idle lock is {low} to {high} minutes.",
}
