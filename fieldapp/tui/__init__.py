"""The terminal UI (Textual only). `app.py` assembles FieldApp from its parts
(`parts/`: scanning, venues, syncing, rounds, preferences); `startup.py` opens the store
before Textual is imported; `commands.py` is the palette; `screens/`, `dialogs/` and
`widgets/` hold the rest, each `.tcss` beside what it styles. Screens call
`fieldapp.services`; widgets post messages and never touch the store or the network."""
