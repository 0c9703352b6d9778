"""Patrols (巡逻): checkpoints with signed placards, routes with a schedule, runs, attendance.

- `runs`: start (or resume) a run, scan or visit checkpoints by hand with a reason, notes,
  photos, the short form, an incident raised there; finish with one op;
- `due`: the patrols due now (home) and a run's checkpoints and time left;
- `mine`: whether any patrol concerns me (asked first at start-up) and my open run;
- `attendance`: on time, late, partly done, not done per route, day and window, missed
  posts first; `patrol_counts` for the reports; per person or team.

May use: services.common and services.placards (the one scan check), and store, domain,
i18n below them.
"""
