"""Pure rules: no Textual, no Peewee, no httpx."""
