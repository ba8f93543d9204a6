"""The front-matter schema of talk and conference pages, and its checks.

Values arrive two ways: from myst-parser, which hands Sphinx every non-string
value JSON-encoded (``tags: [a, B]`` as the string ``'["a", "B"]'``), and from
the tools, which read the YAML themselves. Both go through this reader, so a
page the tools accept is a page the build accepts. Problems name their key; the
caller finds its line with `key_line` (myst-parser does not keep it).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .problems import Problem
from .speakers import Speaker
from .text import date_range
from .urls import ResourceURLError, check_resource_url

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "CONFERENCE_KEYS",
    "TALK_KEYS",
    "Conference",
    "PageFacts",
    "TimeError",
    "format_time",
    "is_time_zone",
    "key_line",
    "parse_time",
    "read_conference",
    "read_page_facts",
    "split_front_matter",
]

#: the keys of a talk page, in the order the tools write them
TALK_KEYS = ("tags", "speakers", "time", "room", "source")
#: the keys of a conference page's ``conference:`` mapping
CONFERENCE_KEYS = ("name", "location", "start", "end", "timezone", "website")
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
class Conference:
    """The ``conference:`` mapping of a conference's index page."""

    name: str
    start: date
    end: date | None = None
    location: str | None = None
    website: str | None = None
    #: the IANA time zone of the venue (``Europe/Amsterdam``): the clock of its schedule
    timezone: str | None = None

    def dates(self) -> str:
        return date_range(self.start, self.end)

    @property
    def last_day(self) -> date:
        return self.end or self.start


@dataclass(frozen=True)
class PageFacts:
    """What the build keeps of one page's front matter (empty for most non-talk pages)."""

    tags: tuple[str, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    time: datetime | None = None
    room: str | None = None
    source: str | None = None
    conference: Conference | None = None


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


def read_page_facts(metadata: Mapping[str, object]) -> tuple[PageFacts, list[Problem]]:
    """Decode and check a page's front matter; the problems name their keys."""
    reader = _Reader(metadata)
    unknown = sorted(
        key
        for key in set(metadata) - set(TALK_KEYS) - _FOREIGN_KEYS - {"conference"}
        if not key.startswith(("myst", "_"))  # myst-parser's own bookkeeping
    )
    for key in unknown:
        reader.problem(
            key,
            f"unknown front-matter key {key!r}; talk pages know: {', '.join(sorted(TALK_KEYS))}",
        )
    conference, problems = read_conference(reader.decoded("conference"))
    reader.problems += problems
    facts = PageFacts(
        tags=reader.strings("tags"),
        speakers=tuple(Speaker.parse(text) for text in reader.strings("speakers")),
        time=reader.time(),
        room=reader.text("room"),
        source=reader.source(),
        conference=conference,
    )
    return facts, reader.problems


class _Reader:
    """Decodes one page's front matter, collecting a problem per bad key."""

    def __init__(self, metadata: Mapping[str, object]) -> None:
        self.metadata = metadata
        self.problems: list[Problem] = []

    def problem(self, key: str, message: str) -> None:
        self.problems.append(Problem(message, key=key))

    def decoded(self, key: str) -> object:
        """The value of ``key`` as YAML gave it, undoing myst-parser's JSON encoding."""
        return _decoded(self.metadata.get(key))

    def text(self, key: str) -> str | None:
        value = self.decoded(key)
        if value is None:
            return None
        if isinstance(value, (list, dict)):  # a string that merely looked like JSON
            value = self.metadata[key]
        return str(value).strip() or None

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

    def source(self) -> str | None:
        text = self.text("source")
        if text is not None and not _SOURCE_ID.fullmatch(text):
            self.problem("source", f"'source' {text!r} must look like sched:UID or pretalx:CODE")
            return None
        return text


def _decoded(value: object) -> object:
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def read_conference(value: object) -> tuple[Conference | None, list[Problem]]:
    """The ``conference:`` mapping checked: None if absent or unusable, and the problems."""
    value = _decoded(value)
    if value is None:
        return None, []
    if not isinstance(value, dict):
        return None, [
            Problem("'conference' must be a mapping with name and start", key="conference")
        ]
    problems = []
    unknown = sorted(set(value) - set(CONFERENCE_KEYS))
    if unknown:
        problems.append(f"unknown keys {', '.join(map(str, unknown))}")
    name = " ".join(str(value.get("name") or "").split())
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
    timezone = value.get("timezone")
    if timezone is not None:
        timezone = str(timezone).strip()
        if not is_time_zone(timezone):
            problems.append(f"'timezone' {timezone!r} is not a time zone name like Europe/London")
            timezone = None
    website = value.get("website")
    if website is not None:
        try:
            website = check_resource_url(str(website))
        except ResourceURLError as error:
            problems.append(f"'website': {error}")
            website = None
    found = (
        [Problem(f"conference front matter: {'; '.join(problems)}", key="conference")]
        if problems
        else []
    )
    if not name or start is None:
        return None, found
    location = " ".join(str(value.get("location") or "").split()) or None
    return Conference(name, start, end, location, website, timezone or None), found


def is_time_zone(name: str) -> bool:
    """Whether ``name`` is an IANA time zone this machine knows (``Europe/Amsterdam``)."""
    if not name or name.startswith(("/", ".")) or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _iso_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None
