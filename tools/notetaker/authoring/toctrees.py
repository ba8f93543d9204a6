"""The toctrees in a page, read the way Sphinx reads them, so a command knows what a page lists."""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field

from talknotes.rules.layout import SUFFIX

__all__ = ["Toctree", "toctree_block", "toctrees"]

_TOCTREE_OPEN = re.compile(r"\s{0,3}(?P<fence>`{3,}|:{3,})\{toctree\}")


@dataclass
class Toctree:
    """One toctree in a page: where its entries are and whether it globs."""

    glob: bool = False
    entries: list[str] = field(default_factory=list)
    entry_lines: list[int] = field(default_factory=list)
    close_line: int = 0

    def includes(self, docname: str) -> bool:
        for entry in self.entries:
            name = entry.removesuffix(SUFFIX)
            if name == docname or (self.glob and fnmatch.fnmatchcase(docname, name)):
                return True
        return False


def toctrees(lines: list[str]) -> list[Toctree]:
    found = []
    index = 0
    while index < len(lines):
        opening = _TOCTREE_OPEN.match(lines[index])
        index += 1
        if not opening:
            continue
        fence, tree = opening["fence"], Toctree()
        while index < len(lines):
            line = lines[index].strip()
            if line.startswith(fence[0] * len(fence)) and not line.lstrip(fence[0]):
                tree.close_line = index
                break
            if line == ":glob:":
                tree.glob = True
            elif line and not line.startswith(":"):
                tree.entries.append(line)
                tree.entry_lines.append(index)
            index += 1
        found.append(tree)
        index += 1
    return found


def toctree_block(entries: list[str], *, caption: str | None = None) -> str:
    """A toctree listing ``entries`` (nothing without entries: an empty one is a warning)."""
    if not entries:
        return ""
    options = [":maxdepth: 1", *([f":caption: {caption}"] if caption else [])]
    return "\n".join(["```{toctree}", *options, "", *entries, "```"])
