"""Figures for the supervisor's dashboard: SQL aggregates over the local store.
May use: services.common, services.daily_report, services.rounds."""
