"""The catalogue's management commands, one per file; each calls a module that does the work."""
