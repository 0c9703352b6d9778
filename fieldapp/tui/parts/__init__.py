"""The app's concerns, one base class each, that FieldApp derives from: scanning (wedge
bursts and the scan dialog), venues (opening an inspection), syncing (probe and sync runs),
rounds (rounds, daily report, dashboard, export keys) and preferences (language, keymap)."""
