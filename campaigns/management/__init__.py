"""Management commands (``commands/``)."""
