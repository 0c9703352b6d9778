"""Use-cases the screens call. No Textual here."""
