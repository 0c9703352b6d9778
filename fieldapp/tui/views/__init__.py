"""Plain values the screens show and the readers that build them from the services, in a
worker thread: home, review (the finding detail), rounds and the due list rows they share.
No widgets here: screens build views, widgets display them."""
