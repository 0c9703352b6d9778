"""Dates typed into a form: a date (or a time of day) written in the right form whose day
(hour, minute) does not exist, and
a date range whose start is after its end."""

from __future__ import annotations

ZH: dict[str, str] = {
    "date.no_such_day": "{year} 年 {month}没有 {day} 日，请检查日期。",
    "date.no_such_month": "没有 {month} 月：月份是 1 到 12，请检查日期。",
    "date.no_such_hour": "没有 {hour} 时：小时是 0 到 23，请检查时间。",
    "date.no_such_minute": "没有 {minute} 分：分钟是 0 到 59，请检查时间。",
    "date.no_such_day_option": "{option} {value}：{said}",
    "export.range_reversed": "开始日期晚于结束日期：{first} 在 {last} 之后，请对调两者，或把开始日期改为不晚于结束日期。",
    "date.month.1": "1 月",
    "date.month.2": "2 月",
    "date.month.3": "3 月",
    "date.month.4": "4 月",
    "date.month.5": "5 月",
    "date.month.6": "6 月",
    "date.month.7": "7 月",
    "date.month.8": "8 月",
    "date.month.9": "9 月",
    "date.month.10": "10 月",
    "date.month.11": "11 月",
    "date.month.12": "12 月",
}

EN: dict[str, str] = {
    "date.no_such_day": "{month} {year} has no day {day}; check the date.",
    "date.no_such_month": "There is no month {month}: months are 1 to 12; check the date.",
    "date.no_such_hour": "There is no hour {hour}: hours are 0 to 23; check the time.",
    "date.no_such_minute": "There is no minute {minute}: minutes are 0 to 59; check the time.",
    "date.no_such_day_option": "{option} {value}: {said}",
    "export.range_reversed": "The start date {first} is after the end date {last}: swap them, or make the start on or before the end.",
    "date.month.1": "January",
    "date.month.2": "February",
    "date.month.3": "March",
    "date.month.4": "April",
    "date.month.5": "May",
    "date.month.6": "June",
    "date.month.7": "July",
    "date.month.8": "August",
    "date.month.9": "September",
    "date.month.10": "October",
    "date.month.11": "November",
    "date.month.12": "December",
}
