"""Scheduled activities (定期工作): publicity days, brigade drills, joint meetings, public
fire facility checks.

- `types`: the activity types the office set (`activity_types`) or the shipped ones;
- `records`: an activity held, recorded with its form and photos and its op, offline;
- `due`: what is due in my grids now (like due venues) and, for reports, how the periods
  of a stretch of days were done: on time, late, missed.

May use: services.common only (and store, domain, i18n below it).
"""
