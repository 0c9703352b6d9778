"""Placards on the device: what to print for a grid or a venue (printing), checking a
scanned payload offline against the pulled keys, and reading a placard's QR from a photo
(photo_scan). May use: services.common and fieldapp.reports.placards."""
