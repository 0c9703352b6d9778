"""Printed documents built from the store: the rectification notice (整改通知书) and the
hand-over letter (移交抄告单), rendered by fieldapp.reports.notices. May use:
services.common, services.inspection and services.review (event wording)."""
