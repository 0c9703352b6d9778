"""Messages for the command palette (Textual's own commands and prompts) and F1's keys."""

ZH = {
    "palette.key": "命令",
    "palette.key.tip": "按名称查找并执行命令",
    "palette.placeholder": "输入命令名称查找（如 检查、同步、扫码）…",
    "palette.no_matches": "没有找到这个命令",
    "palette.keys": "按键说明",
    "palette.keys_show": "显示当前界面的全部按键",
    "palette.keys_hide": "隐藏按键说明",
    "palette.quit": "退出",
    "palette.quit.tip": "退出程序（检查未提交或表未保存时先问一下）",
    "keys.title": "按键 · F1 下一页，到底后关闭",
    "keys.more": "更多",
    "keys.back": "返回",
    "keys.out_of_field": "{action}（光标不在输入框时）",
}

EN = {
    "palette.key": "Commands",
    "palette.key.tip": "Find a command by name and run it",
    "palette.placeholder": "Type a command's name (inspect, sync, scan…)",
    "palette.no_matches": "No command by that name",
    "palette.keys": "Keys",
    "palette.keys_show": "Show every key of this screen",
    "palette.keys_hide": "Hide the keys",
    "palette.quit": "Quit",
    "palette.quit.tip": "Quit (asks first while an inspection or a form is open)",
    "keys.title": "Keys · F1 next page, then closes",
    "keys.more": "More",
    "keys.back": "Back",
    "keys.out_of_field": "{action} (when not in a text field)",
}
