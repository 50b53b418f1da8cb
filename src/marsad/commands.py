"""Commands of the later stages (actors, events, analysis, server), registered on the main Typer app."""
