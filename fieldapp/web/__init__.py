"""`fieldapp web`: the office's program in a browser, through textual-serve.

Each browser session signs in (`sessions`: user name and password checked by the central
server, which answers an enrolment code) and gets an office store of its own, enrolled and
synced like a device; the page (`server`) then runs the same TUI for it with its own
FIELDAPP_HOME, so the review, rounds, dashboard and export screens work as on a laptop and
nothing reads the server's database behind the protocol's back. Uses fieldapp's CLI as a
subprocess (enrol, sync, the TUI), never the store in-process: sessions are isolated.
"""
