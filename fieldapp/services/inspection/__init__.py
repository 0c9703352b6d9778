"""Inspecting a venue: find it (venues), start or resume a draft, answer item by item
(each answer committed at once), submit with its findings and outbox op (inspections),
append hazard events after submit (findings), and what the home screen shows (home).
May use: services.common."""
