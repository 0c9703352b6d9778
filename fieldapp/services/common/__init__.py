"""What every capability shares: who this device acts for (identity), the store's
settings, the outbox, local days against UTC (periods), the grid tree, photos and the
checklists in the store. May use: fieldapp.store, fieldapp.domain, fieldapp.i18n,
fieldapp.paths — never another capability."""
