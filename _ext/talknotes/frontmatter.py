"""Read the front matter of talk and conference pages into typed records.

myst-parser hands Sphinx every non-string front-matter value JSON-encoded
(``tags: [a, B]`` arrives as the string ``'["a", "B"]'``), and it forgets the line
of each key. This module is the one place that decodes those values, checks them
against the authoring format and finds a key's line for warnings.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from .diagnostics import warn
from .urls import ResourceURLError, check_resource_url

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "Conference",
    "PageFacts",
    "Speaker",
    "date_range",
    "frontmatter_line",
    "read_page_facts",
]

_SPEAKER_WITH_COMPANY = re.compile(r"(?P<name>.*?)\s*\((?P<company>[^()]*)\)")
_SOURCE_ID = re.compile(r"(?:sched|pretalx):\S+")
_TALK_KEYS = frozenset({"tags", "speakers", "time", "room", "source"})
# Keys that myst-parser, Sphinx or a theme read from front matter themselves.
_FOREIGN_KEYS = frozenset(
    {
        "html_meta",
        "myst",
        "orphan",
        "nocomments",
        "nosearch",
        "tocdepth",
        "substitutions",
        "title",
        "wordcount",
        "hide-toc",
        "hide-navigation",
        "hide-outline",
    }
)


@dataclass(frozen=True)
class Speaker:
    """A speaker as written in front matter: ``Jane Doe (Acme)``."""

    name: str
    company: str | None = None

    @classmethod
    def parse(cls, text: str) -> Speaker:
        match = _SPEAKER_WITH_COMPANY.fullmatch(text.strip())
        if match and match["name"]:
            return cls(match["name"], match["company"].strip() or None)
        return cls(text.strip())

    def __str__(self) -> str:
        return f"{self.name} ({self.company})" if self.company else self.name


@dataclass(frozen=True)
class Conference:
    """The ``conference:`` mapping of a conference's index page."""

    name: str
    start: date
    end: date | None = None
    location: str | None = None
    website: str | None = None

    def dates(self) -> str:
        return date_range(self.start, self.end)


_RANGE = "\u2013"  # an en dash between the first and the last day


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


@dataclass(frozen=True)
class PageFacts:
    """What the build keeps of one page's front matter (empty for most non-talk pages)."""

    tags: tuple[str, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    time: datetime | None = None
    room: str | None = None
    source: str | None = None
    conference: Conference | None = None


def frontmatter_line(path: Path, key: str) -> int:
    """The line of ``key:`` in the page's front matter, or 1 if it is not found.

    myst-parser drops key positions, so a warning about a value reads the file
    again; this only happens when there is something to report.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    if not lines or lines[0].strip() != "---":
        return 1
    pattern = re.compile(rf"{re.escape(key)}\s*:")
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            break
        if pattern.match(line):
            return number
    return 1


def read_page_facts(metadata: dict[str, Any], docname: str, path: Path) -> PageFacts:
    """Decode and check the front matter of ``docname``; warn about what is wrong."""
    reader = _FrontMatterReader(metadata, docname, path)
    return reader.read()


class _FrontMatterReader:
    """Decodes one page's front matter, warning at the line of each bad key."""

    def __init__(self, metadata: dict[str, Any], docname: str, path: Path) -> None:
        self.metadata = metadata
        self.docname = docname
        self.path = path

    def read(self) -> PageFacts:
        unknown = sorted(
            key
            for key in set(self.metadata) - _TALK_KEYS - _FOREIGN_KEYS - {"conference"}
            if not key.startswith(("myst", "_"))  # myst-parser's own bookkeeping
        )
        for key in unknown:
            self.warn(
                key,
                f"unknown front-matter key {key!r}; "
                f"talk pages know: {', '.join(sorted(_TALK_KEYS))}",
            )
        return PageFacts(
            tags=self.strings("tags"),
            speakers=tuple(Speaker.parse(text) for text in self.strings("speakers")),
            time=self.time(),
            room=self.text("room"),
            source=self.source(),
            conference=self.conference(),
        )

    def warn(self, key: str, message: str) -> None:
        line = frontmatter_line(self.path, key)
        warn(message, location=(self.docname, line), subtype="frontmatter")

    def decoded(self, key: str) -> Any:
        """The value of ``key`` as YAML gave it, undoing myst-parser's JSON encoding."""
        value = self.metadata.get(key)
        if not isinstance(value, str):
            return value
        try:
            return json.loads(value)
        except ValueError:
            return value

    def text(self, key: str) -> str | None:
        value = self.decoded(key)
        if value is None:
            return None
        if isinstance(value, (list, dict)):  # a string that merely looked like JSON
            value = self.metadata[key]
        value = str(value).strip()
        return value or None

    def strings(self, key: str) -> tuple[str, ...]:
        """A list of strings; a plain string is read as a comma-separated list."""
        value = self.decoded(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = value.split(",")
        if not isinstance(value, list) or not all(
            isinstance(item, str) and item.strip() for item in value
        ):
            self.warn(key, f"{key!r} must be a list of non-empty names, like [a, b]")
            return ()
        return tuple(item.strip() for item in value)

    def time(self) -> datetime | None:
        text = self.text("time")
        if text is None:
            return None
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            self.warn(
                "time",
                f"'time' {text!r} must be a local date and time with its UTC offset, "
                "like 2025-04-01T11:00+01:00",
            )
            return None
        return moment

    def source(self) -> str | None:
        text = self.text("source")
        if text is not None and not _SOURCE_ID.fullmatch(text):
            self.warn("source", f"'source' {text!r} must look like sched:UID or pretalx:CODE")
            return None
        return text

    def conference(self) -> Conference | None:
        value = self.decoded("conference")
        if value is None:
            return None
        if not isinstance(value, dict):
            self.warn("conference", "'conference' must be a mapping with name and start")
            return None
        problems = []
        unknown = sorted(set(value) - {"name", "start", "end", "location", "website"})
        if unknown:
            problems.append(f"unknown keys {', '.join(unknown)}")
        name = str(value.get("name") or "").strip()
        if not name:
            problems.append("'name' is required")
        start = _iso_date(value.get("start"))
        if start is None:
            problems.append("'start' is required, as an ISO date like 2025-04-01")
        end = _iso_date(value.get("end"))
        if value.get("end") is not None and end is None:
            problems.append("'end' must be an ISO date like 2025-04-04")
        elif end and start and end < start:
            problems.append("'end' is before 'start'")
        website = value.get("website")
        if website is not None:
            try:
                website = check_resource_url(str(website))
            except ResourceURLError as error:
                problems.append(f"'website': {error}")
                website = None
        if problems:
            self.warn("conference", f"conference front matter: {'; '.join(problems)}")
        if not name or start is None:
            return None
        location = str(value.get("location") or "").strip() or None
        return Conference(name, start, end, location, website)


def _iso_date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None
