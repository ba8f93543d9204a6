"""Text from files the note-taker did not write, cleaned before it reaches YAML or Markdown.

Schedules and Hugo trees carry whatever their authors typed or pasted: line and
paragraph separators (U+2028, U+2029), control characters, DEL, lone surrogates
from JSON escapes. YAML refuses some of them, Python refuses to write others, and
the rest split a line where nobody sees a break. Every value from such a file
passes through here, so what is written is text a page can hold, in one form
(NFC), and reading the same file again gives the same bytes.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_line", "clean_text"]

# Line breaks as Python's str.splitlines() and YAML see them, besides "\n".
_BREAK = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028]")
_PARAGRAPH = "\u2029"
# What neither YAML nor a UTF-8 file can hold, or what no reader sees: C0 and C1
# controls, DEL, surrogates and the two non-characters at the end of the BMP.
_UNWANTED = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Paragraphs: every kind of line break as ``\\n``, no control characters, NFC.

    A paragraph separator (U+2029) becomes a blank line; tabs stay (code needs them).
    """
    text = _UNWANTED.sub("", _BREAK.sub("\n", text).replace(_PARAGRAPH, "\n\n"))
    return unicodedata.normalize("NFC", text)


def clean_line(text: str) -> str:
    """One line: breaks and runs of white space as one space, trimmed, no controls, NFC."""
    return " ".join(clean_text(text).split())
