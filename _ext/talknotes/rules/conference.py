"""A conference page's ``conference:`` mapping: the schema and its checks.

Shared by the build (which reads it from every ``index.md``) and the tools
(``new-conference`` writes it, ``import-schedule`` reads its dates and time zone).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .problems import Problem
from .text import date_range
from .urls import ResourceURLError, check_resource_url

__all__ = ["CONFERENCE_KEYS", "Conference", "is_time_zone", "read_conference"]

#: the keys of a conference page's ``conference:`` mapping
CONFERENCE_KEYS = ("name", "location", "start", "end", "timezone", "website")


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


def read_conference(value: object) -> tuple[Conference | None, list[Problem]]:
    """The ``conference:`` mapping checked: None if absent or unusable, and the problems."""
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
