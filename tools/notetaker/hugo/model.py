"""What a Hugo conversion works on: the pages read, the plan of files, the findings.

Shared by the reading (``tree``), the naming (``targets``), the body conversion
(``bodies``), the plan (``plan``) and the report (``report``), so none of them
needs another's module for its types.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import UserError

if TYPE_CHECKING:
    from pathlib import Path

    from talknotes.rules.frontmatter import Conference

__all__ = ["Finding", "HugoPage", "HugoTree", "Plan", "Report"]


@dataclass(frozen=True)
class Finding:
    """Something the conversion left for the note-taker, at a line of a Hugo file."""

    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


@dataclass
class Report:
    """Counts of what was converted and written, the findings, and which page went where."""

    converted: Counter[str] = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)
    mapping: list[tuple[str, str]] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)


@dataclass
class HugoPage:
    """One Hugo page: its front matter as read and as written, and its body's lines."""

    source: Path
    rel: str  # posix, relative to the content folder
    kind: str  # home, day, talk or page
    front: dict[str, Any]
    kept_front: list[str]  # front-matter lines with no equivalent, verbatim
    front_start: int
    front_lines: list[str]
    body: list[str]
    body_start: int
    title: str = ""
    weight: int | None = None
    target: str = ""  # posix, relative to the conference folder

    def front_line(self, text: str) -> int | None:
        """The line of the Hugo file whose front matter mentions ``text`` first."""
        for offset, line in enumerate(self.front_lines):
            if text in line:
                return self.front_start + offset
        return None


@dataclass
class HugoTree:
    """The pages of the tree, in Hugo's order once named, and where its files go."""

    home: HugoPage | None = None
    days: list[tuple[HugoPage, list[HugoPage]]] = field(default_factory=list)
    others: list[HugoPage] = field(default_factory=list)
    assets: dict[str, str] = field(default_factory=dict)  # rel -> path in the conference
    by_key: dict[str, HugoPage] = field(default_factory=dict)

    def pages(self) -> list[HugoPage]:
        found = [self.home] if self.home else []
        for index, talks in self.days:
            found += [index, *talks]
        return found + self.others


@dataclass
class Plan:
    """What the conversion writes (target -> text) and copies (target -> source)."""

    content: Path
    folder: Path
    conference: Conference
    writes: dict[Path, str] = field(default_factory=dict)
    copies: dict[Path, Path] = field(default_factory=dict)
    report: Report = field(default_factory=Report)
    claimed: dict[str, str] = field(default_factory=dict)  # target, ignoring case -> source

    def write(self, target: Path, text: str, source: str) -> None:
        """Plan to write ``text`` made from the Hugo file ``source`` to ``target``."""
        self._claim(target, source)
        self.writes[target] = text

    def copy(self, target: Path, source: Path, rel: str) -> None:
        """Plan to copy the Hugo file ``source`` (``rel`` in the tree) to ``target``."""
        self._claim(target, rel)
        self.copies[target] = source

    def _claim(self, target: Path, source: str) -> None:
        """Two Hugo files for one target (``Day 1/`` and ``day-1/``) would lose one: an error.

        Targets are compared ignoring case, as a checkout on macOS or Windows would.
        """
        other = self.claimed.setdefault(target.as_posix().casefold(), source)
        if other != source:
            raise UserError(
                f"{other} and {source} would both become {target}; rename one of them in "
                "the Hugo tree (nothing was written)",
                self.content,
            )
