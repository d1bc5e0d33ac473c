"""The command-line layer: the typer app and the one output writer. No logic."""
