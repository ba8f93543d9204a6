"""Plain text from schedules and Hugo pages as Markdown that stays text, and the title line.

Titles and abstracts come from files the note-taker downloaded: escaped, they
cannot become links, roles, raw HTML or structure that breaks the page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .frontmatter import split_page
from .plaintext import clean_line, clean_text

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["escape_block", "escape_inline", "first_heading", "set_title"]

_INLINE_SPECIALS = re.compile(r"([\\`*\[\]<{}])")
_LONE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_BLOCK_SPECIALS = re.compile(r"([\\`\[\]<{}])")
# Line starts that would turn abstract text into structure inside the dropdown: a
# heading or setext underline (a section, which a directive cannot hold), a MyST
# comment (%), directive options (:), fences, block breaks, targets, thematic breaks.
_BLOCK_LINE_START = re.compile(
    r"#|%|:|\+\+\+|~~~|\(|=+$|-+$|(?:-\s*){3,}$|(?:\*\s*){3,}$|(?:_\s*){3,}$"
)
# What opens a container whose content starts a line of its own: a block quote, a
# list item. The content after it is checked like a line.
_CONTAINER = re.compile(r">\s*|[-*+]\s+|\d{1,9}[.)]\s+")
_FENCE = re.compile(r"\s{0,3}(`{3,}|~{3,}|:{3,})")
_HEADING = re.compile(r"#\s")


def escape_inline(text: str) -> str:
    """Plain text (a title from a schedule) as Markdown that shows it literally.

    Brackets, braces, angle brackets and backticks would otherwise become links,
    MyST roles, raw HTML or code; a trailing `` #`` would be eaten as a closing sequence.
    """
    text = clean_line(text)
    text = _LONE_UNDERSCORE.sub(r"\\_", _INLINE_SPECIALS.sub(r"\\\1", text))
    return re.sub(r"(?<=\s)#", r"\\#", text) if re.search(r"\s#+$", text) else text


def escape_block(text: str) -> str:
    """Plain text (an abstract) as Markdown paragraphs that cannot break the page.

    Keeps emphasis and lists, which are harmless, but nothing that could become raw
    HTML, a link to a missing page, a role, a heading inside the dropdown or the end
    of the dropdown itself.
    """
    lines = [_escape_line(line) for line in clean_text(text).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _escape_line(line: str) -> str:
    """One line of an abstract, and the start of what each quote or list marker opens."""
    rest = _BLOCK_SPECIALS.sub(r"\\\1", line.strip())
    done = ""
    while rest and not _BLOCK_LINE_START.match(rest):
        marker = _CONTAINER.match(rest)
        if marker is None:
            return done + rest
        done, rest = done + marker[0], rest[marker.end() :]
    return done + ("\\" + rest if rest else "")


def first_heading(lines: Iterable[str]) -> tuple[int, str] | None:
    """The index and text of the first ``# heading`` outside code fences."""
    fence = None
    for index, line in enumerate(lines):
        marker = _FENCE.match(line)
        if marker:
            token = marker[1]
            if fence is None:
                fence = token
            elif (
                token[0] == fence[0] and len(token) >= len(fence) and not line.strip()[len(token) :]
            ):
                fence = None
            continue
        if fence is None and _HEADING.match(line):
            return index, line[1:].strip()
    return None


def set_title(text: str, title_markdown: str) -> str:
    """Replace the page's first heading (the title) with ``title_markdown``."""
    front, body = split_page(text)
    found = first_heading(body)
    if found is None:
        body = ["", f"# {title_markdown}", *body]
    else:
        body[found[0]] = f"# {title_markdown}"
    head = ["---", *front, "---"] if front else []
    return "\n".join([*head, *body]) + "\n"
