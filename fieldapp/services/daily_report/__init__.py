"""The daily report (每日报告) and the zero report (零报告) of a grid: counts from the
store, filing with its outbox op, reminders and lateness. May use: services.common."""
