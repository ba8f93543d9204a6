"""Session formats: what kind of session a talk was, apart from what it was about.

A keynote or a lightning talk is not a topic: tagging it so would put "keynote"
beside "security" in the topic lists. ``format:`` says it instead, with one
word from a short list, and ``sponsored: true`` marks a vendor's slot.
"""

from __future__ import annotations

from .text import did_you_mean, suggestion

__all__ = ["DEFAULT_FORMAT", "FORMAT_TITLES", "FormatError", "read_format"]

DEFAULT_FORMAT = "talk"
#: every format, with what a reader sees
FORMAT_TITLES = {
    "talk": "Talk",
    "keynote": "Keynote",
    "lightning": "Lightning talk",
    "panel": "Panel",
    "workshop": "Workshop",
    "tutorial": "Tutorial",
    "bof": "Birds of a feather",
}
# Other ways to say the same, as schedules and people write them.
_ALIASES = {
    "lightning talk": "lightning",
    "lightning-talk": "lightning",
    "birds of a feather": "bof",
    "session": "talk",
}


class FormatError(ValueError):
    """A ``format:`` value outside the list; the message suggests the closest."""


def read_format(text: str) -> str:
    """The format ``text`` names (any case, or a common alias like ``lightning-talk``)."""
    wanted = " ".join(text.casefold().split())
    found = wanted if wanted in FORMAT_TITLES else _ALIASES.get(wanted)
    if found is None:
        hint = suggestion(did_you_mean(wanted, [*FORMAT_TITLES, *_ALIASES], limit=2))
        known = ", ".join(FORMAT_TITLES)
        raise FormatError(f"{text!r} is not a format ({known})" + (f"; {hint}" if hint else ""))
    return found
