"""The ``{video}``, ``{slides}`` and ``{demo}`` blocks of a page, found and filled in its text.

The build reads these blocks from the parsed page; a command that fills in a URL
must find them in the text the note-taker wrote, and change that one line only.
Fences are followed as MyST reads them: a block inside a code fence is an
example, not a resource; one inside an admonition or a dropdown counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .frontmatter import page_lines, split_page
from .markdown import first_heading

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["ResourceBlock", "add_resource", "resource_blocks", "set_resource_url"]

RESOURCE_KINDS = frozenset({"video", "slides", "demo"})
_OPENING = re.compile(r"(?P<indent> {0,3})(?P<fence>`{3,}|~{3,}|:{3,})[ \t]*(?P<info>[^\r]*)\r?")
_DIRECTIVE = re.compile(r"\{(?P<name>[\w:.-]+)\}[ \t]*(?P<argument>.*?)[ \t]*")
# Directives whose content is code or data, never Markdown that could hold a resource.
_LITERAL = frozenset(
    {"code", "code-block", "sourcecode", "code-cell", "mermaid", "math", "raw", "eval-rst"}
    | {"csv-table", "literalinclude", "graphviz"}
)


@dataclass(frozen=True)
class ResourceBlock:
    """A resource directive: its kind, its URL as written (None: pending) and its line index."""

    kind: str
    url: str | None
    line: int


def resource_blocks(lines: Sequence[str]) -> list[ResourceBlock]:
    """The resource directives among a page's lines, in page order."""
    found: list[ResourceBlock] = []
    fences: list[tuple[str, int, bool]] = []  # (character, length, literal content)
    for index, line in enumerate(lines):
        if fences:
            character, length, literal = fences[-1]
            closing = re.escape(character) + "{" + str(length) + ",}"
            if re.fullmatch(rf" {{0,3}}{closing}[ \t\r]*", line):
                fences.pop()
                continue
            if literal:
                continue
        opening = _OPENING.fullmatch(line)
        if opening is None:
            continue
        directive = _DIRECTIVE.fullmatch(opening["info"])
        name = directive["name"] if directive else None
        if directive and name in RESOURCE_KINDS:
            found.append(ResourceBlock(directive["name"], directive["argument"] or None, index))
        fences.append(
            (opening["fence"][0], len(opening["fence"]), name is None or name in _LITERAL)
        )
    return found


def set_resource_url(text: str, block: ResourceBlock, url: str) -> str:
    """The page with ``block``'s argument replaced by ``url``; every other byte stays."""
    lines = page_lines(text)
    line = lines[block.line]
    opening = _OPENING.fullmatch(line)
    if opening is None:  # the caller found the block in this text
        raise ValueError(f"line {block.line + 1} opens no directive")
    end = "\r" if line.endswith("\r") else ""
    lines[block.line] = f"{opening['indent']}{opening['fence']}{{{block.kind}}} {url}{end}"
    return _joined(lines, text)


def add_resource(text: str, kind: str, url: str) -> str:
    """The page with a new ``kind`` block after its title (at the top of a page without one)."""
    lines = page_lines(text)
    _, body = split_page(text)
    start = len(lines) - len(body)
    heading = first_heading(body)
    at = start + (heading[0] + 1 if heading else 0)
    end = "\r" if lines and lines[max(at - 1, 0)].endswith("\r") else ""
    block = [f"```{{{kind}}} {url}{end}", f"```{end}"]
    before = [end] if at > start else []
    after = [] if at < len(lines) and not lines[at].strip() else [end]
    lines[at:at] = [*before, *block, *after]
    return _joined(lines, text)


def _joined(lines: list[str], original: str) -> str:
    return "\n".join(lines) + ("\n" if original.endswith("\n") or not original else "")
