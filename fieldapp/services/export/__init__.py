"""The ledger (台账) export: inspections with one column per item code, findings and
their events, streamed in keyset pages to XLSX or CSV. May use: services.common and
fieldapp.reports.ledger (the writers)."""
