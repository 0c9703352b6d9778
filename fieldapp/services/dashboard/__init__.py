"""Figures for the supervisor's dashboard (SQL aggregates over the local store), campaign
targets per grid and the monthly report (月报) with its assessment (考核).
May use: services.common, services.daily_report, services.rounds, services.activities."""
