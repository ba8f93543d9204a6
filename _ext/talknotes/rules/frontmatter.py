"""The front-matter schema of talk and conference pages, and its checks.

The build and the tools read a page's front matter from its source text with
`parse_front_matter`, not from what myst-parser hands Sphinx (which JSON-encodes
every value that is not a string and forgets lines and duplicate keys), so a
value reaches the page as it was written and each problem is reported at its
key's line. A page the tools accept is a page the build accepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from .conference import CONFERENCE_KEYS, Conference, is_time_zone, read_conference
from .formats import FormatError, read_format
from .problems import Problem
from .speakers import Speaker, split_speakers
from .yamlfile import YamlMapping, load_mapping

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "CONFERENCE_KEYS",
    "TALK_KEYS",
    "Conference",
    "PageFacts",
    "TimeError",
    "format_time",
    "is_time_zone",
    "key_line",
    "parse_front_matter",
    "parse_time",
    "read_conference",
    "read_page_facts",
    "split_front_matter",
]

#: the keys of a talk page, in the order the tools write them
TALK_KEYS = ("tags", "speakers", "time", "room", "format", "sponsored", "related", "source")
_SOURCE_ID = re.compile(r"(?:sched|pretalx):\S+")
_FENCE = "---"
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
class PageFacts:
    """What the build keeps of one page's front matter (empty for most non-talk pages)."""

    tags: tuple[str, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    time: datetime | None = None
    room: str | None = None
    source: str | None = None
    conference: Conference | None = None
    #: the session format (``rules.formats``); None is a plain talk
    format: str | None = None
    sponsored: bool = False
    #: pages pinned as related, as written (resolved against the site when read)
    related: tuple[str, ...] = ()


class TimeError(ValueError):
    """A talk time that is not a local date and time with its UTC offset."""


def parse_time(text: str) -> datetime:
    """An ISO date and time with its UTC offset, as the authoring format requires."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise TimeError(
            f"{text!r} must be a local date and time with its UTC offset, "
            "like 2025-04-01T11:00+01:00"
        )
    try:
        moment.astimezone(UTC)  # feeds and ordering need it in UTC
    except OverflowError:
        raise TimeError(f"{text!r} is out of the range of dates this site can order") from None
    return moment


def format_time(moment: datetime) -> str:
    """``2025-04-01T11:00+01:00``: local time with its offset, seconds only if any."""
    offset = moment.strftime("%z") or "+0000"
    pattern = "%Y-%m-%dT%H:%M:%S" if moment.second else "%Y-%m-%dT%H:%M"
    return f"{moment.strftime(pattern)}{offset[:3]}:{offset[3:]}"


def split_front_matter(text: str) -> tuple[list[str], list[str]]:
    """The front matter's lines (without the ``---`` fences) and the body's lines."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != _FENCE:
        return [], lines
    for index in range(1, len(lines)):
        if lines[index].strip() == _FENCE:
            return lines[1:index], lines[index + 1 :]
    return [], lines


def key_line(text: str, key: str) -> int:
    """The line of ``key:`` in a page's front matter, or 1 if it is not found."""
    front, _ = split_front_matter(text)
    pattern = re.compile(rf"{re.escape(key)}\s*:")
    for number, line in enumerate(front, start=2):
        if pattern.match(line):
            return number
    return 1


def parse_front_matter(text: str) -> YamlMapping:
    """The front matter of a page's source text, each key with its line (empty without any)."""
    front, _ = split_front_matter(text)
    return load_mapping("\n".join(front), first_line=2, what="front matter")


def read_page_facts(front: YamlMapping) -> tuple[PageFacts, list[Problem]]:
    """Check a page's front matter against the schema; each problem (YAML's too) at its line."""
    reader = _Reader(front)
    for key in sorted(set(front.entries) - set(TALK_KEYS) - _FOREIGN_KEYS - {"conference"}):
        reader.problem(
            key,
            f"unknown front-matter key {key!r}; talk pages know: {', '.join(sorted(TALK_KEYS))}",
        )
    conference = None
    if "conference" in front.entries:
        conference, problems = read_conference(front.entries["conference"].value)
        for problem in problems:
            reader.problem("conference", problem.message)
    facts = PageFacts(
        tags=reader.names("tags", lambda text: text.split(",")),
        speakers=tuple(
            Speaker.parse(text)
            for text in reader.names("speakers", lambda text: list(map(str, split_speakers(text))))
        ),
        time=reader.time(),
        room=reader.text("room"),
        source=reader.source(),
        conference=conference,
        format=reader.format(),
        sponsored=reader.flag("sponsored"),
        related=reader.names("related", lambda text: text.split(",")),
    )
    problems = [*front.problems, *reader.problems]
    return facts, sorted(problems, key=lambda problem: problem.line or 0)


class _Reader:
    """Reads one page's front matter, collecting a problem per bad key at its line."""

    def __init__(self, front: YamlMapping) -> None:
        self.front = front
        self.problems: list[Problem] = []

    def problem(self, key: str, message: str) -> None:
        self.problems.append(Problem(message, self.front.line(key), key))

    def text(self, key: str) -> str | None:
        """A scalar exactly as written (``2.10`` stays ``2.10``); a list or mapping is a problem."""
        entry = self.front.entries.get(key)
        if entry is None or entry.value is None:
            return None
        if entry.text is None:
            self.problem(key, f"{key!r} must be text, not a list or mapping")
            return None
        return entry.text.strip() or None

    def names(self, key: str, split: Callable[[str], list[str]]) -> tuple[str, ...]:
        """A list of non-empty names; a plain string is split, with a warning."""
        entry = self.front.entries.get(key)
        value = entry.value if entry is not None else None
        if value is None:
            return ()
        if isinstance(value, str):
            items = [item.strip() for item in split(value) if item.strip()]
            listed = ", ".join(items)
            self.problem(key, f"{key!r} is a list: write it in brackets, like [{listed}]")
            return tuple(items)
        if not isinstance(value, list) or not all(
            isinstance(item, str) and item.strip() for item in value
        ):
            self.problem(key, f"{key!r} must be a list of non-empty names, like [a, b]")
            return ()
        return tuple(item.strip() for item in value)

    def time(self) -> datetime | None:
        text = self.text("time")
        if text is None:
            return None
        try:
            return parse_time(text)
        except TimeError as error:
            self.problem("time", f"'time' {error}")
            return None

    def format(self) -> str | None:
        text = self.text("format")
        if text is None:
            return None
        try:
            return read_format(text)
        except FormatError as error:
            self.problem("format", f"'format' {error}")
            return None

    def flag(self, key: str) -> bool:
        entry = self.front.entries.get(key)
        if entry is None or entry.value is None:
            return False
        if not isinstance(entry.value, bool):
            self.problem(key, f"{key!r} must be true or false")
            return False
        return entry.value

    def source(self) -> str | None:
        text = self.text("source")
        if text is not None and not _SOURCE_ID.fullmatch(text):
            self.problem("source", f"'source' {text!r} must look like sched:UID or pretalx:CODE")
            return None
        return text
