"""Small text rules shared by every page and tool, so the wording is the same everywhere."""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

__all__ = [
    "date_range",
    "decode_error_line",
    "did_you_mean",
    "one_line",
    "plural",
    "shorten",
    "suggestion",
    "talk_context",
    "xml_safe",
    "xml_unsafe",
]

# XML 1.0 allows tab, line feed, carriage return and everything from U+0020 but
# surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_RANGE = "\u2013"  # an en dash between the first and the last day
_ELLIPSIS = "\u2026"


def plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    """``1 talk``, ``2 talks``; ``plural_noun`` for the irregular ones (``1 page waits``)."""
    return f"{count} {noun if count == 1 else plural_noun or noun + 's'}"


def one_line(text: str) -> str:
    """Runs of white space (line breaks, U+2028, tabs) as single spaces, trimmed."""
    return " ".join(text.split())


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut + _ELLIPSIS


def did_you_mean(name: str, known: Iterable[str], limit: int = 3) -> list[str]:
    """The known names closest to ``name`` (ignoring case), best first."""
    by_folded: dict[str, str] = {}
    for candidate in known:
        by_folded.setdefault(candidate.casefold(), candidate)
    close = difflib.get_close_matches(name.casefold(), by_folded, n=limit)
    return [by_folded[folded] for folded in close]


def suggestion(names: Iterable[str]) -> str:
    """``did you mean 'a' or 'b'?``, or an empty string when there is nothing to suggest."""
    quoted = [repr(name) for name in names]
    if not quoted:
        return ""
    listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
    return f"did you mean {listed}?"


def date_range(start: date, end: date | None) -> str:
    """``1-4 April 2025``, ``30 March-1 April 2025`` or ``19 March 2024`` (en dashes)."""
    last = f"{end.day} {end:%B %Y}" if end else ""
    if end is None or end == start:
        return f"{start.day} {start:%B %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}{_RANGE}{last}"
    if start.year == end.year:
        return f"{start.day} {start:%B}{_RANGE}{last}"
    return f"{start.day} {start:%B %Y}{_RANGE}{last}"


def xml_unsafe(text: str) -> list[str]:
    """The characters of ``text`` that XML cannot carry (control characters, U+FFFE), as U+XXXX."""
    return [f"U+{ord(character):04X}" for character in dict.fromkeys(_NOT_XML.findall(text))]


def xml_safe(text: str) -> str:
    """``text`` without the characters XML cannot carry, for feeds and sitemaps."""
    return _NOT_XML.sub("", text)


def talk_context(conference: str | None, day: str | None) -> str:
    """Where a talk was given, as listings, feeds and link previews say it ("" if nowhere)."""
    return ", ".join(part for part in (conference, day) if part)


def decode_error_line(error: UnicodeDecodeError) -> int:
    """The line (1-based) of the first bytes that did not decode."""
    return error.object[: error.start].count(b"\n") + 1
