"""Terminal output of user data through Rich: names, paths, titles and error messages may contain text that
looks like Rich markup ("[/bold]", "[red]"), which would be interpreted (or crash the print: "closing tag
'[/bold]' has nothing to close"). ``esc`` makes such a string print as itself."""

from __future__ import annotations

from rich.markup import escape


def esc(value) -> str:
    """``value`` as text that Rich prints literally (None becomes the empty string)."""
    return "" if value is None else escape(str(value))
