"""Sched's iCalendar export (``https://<event>.sched.com/all.ics``) read into sessions.

Sched has no field for speakers: it writes them into the summary after the
title, so most of this module is telling a title from the speakers behind it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

import icalendar

from talknotes.rules.speakers import Speaker

from ..errors import UserError
from .sessions import Schedule, Session, kinds_of, ordered, time_zone

if TYPE_CHECKING:
    from pathlib import Path
    from zoneinfo import ZoneInfo

__all__ = ["read_sched", "split_summary"]

_NAME_WORD = re.compile(r"[^\W\d_][\w'\u2019.\-]*")
# fmt: off
_NAME_PARTICLES = frozenset([
    "van", "von", "der", "den", "de", "da", "del", "della", "di", "du", "la", "le", "bin",
    "al", "el", "y", "zu", "ten", "ter", "dos", "das",
])
# Words that make a trailing " - Some Words" part of the title, not a speaker's name.
_TITLE_WORDS = frozenset([
    "the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "with", "from", "at", "by",
    "is", "are", "your", "our", "my", "how", "why", "what", "when", "we", "you", "it", "not",
    "vs", "day", "way", "next", "new",
])
# fmt: on
_MAX_NAME_WORDS = 6


def read_sched(path: Path, data: bytes, zone: ZoneInfo | None) -> Schedule:
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except ValueError as error:
        raise UserError(f"not a valid iCalendar file: {error}", path) from None
    if zone is None:
        declared = calendar.get("X-WR-TIMEZONE")
        if declared is None:
            raise UserError(
                "the file does not name the event's time zone (no X-WR-TIMEZONE); "
                "pass it with --timezone, like --timezone Europe/London",
                path,
            )
        zone = time_zone(str(declared), f"{path}: X-WR-TIMEZONE")
    lines = {
        line.split(":", 1)[1].strip(): number
        for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1)
        if line.upper().startswith("UID:")
    }
    sessions, problems, seen = [], [], set()
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID") or "").strip()
        summary = " ".join(str(event.get("SUMMARY") or "").split())
        where = f"{path}:{lines[uid]}" if uid in lines else str(path)
        if not uid or re.search(r"\s", uid):
            problems.append(f"{path}: {summary!r} has no usable UID, so it is not imported")
            continue
        if uid in seen:
            problems.append(f"{where}: UID {uid} appears twice; the first entry is used")
            continue
        seen.add(uid)
        start_value = event.get("DTSTART")
        if start_value is None:
            problems.append(f"{where}: {summary!r} has no DTSTART, so it is not imported")
            continue
        start, all_day = _local(start_value.dt, zone)
        end = _sched_end(event, start, zone)
        title, speakers = split_summary(summary)
        categories = _categories(event.get("CATEGORIES"))
        sessions.append(
            Session(
                system="sched",
                id=uid,
                title=title,
                start=start,
                end=end,
                speakers=tuple(speakers),
                room=_room(str(event.get("LOCATION") or "")),
                track=categories[0] if categories else None,
                kinds=kinds_of(title),
                abstract=_paragraphs(str(event.get("DESCRIPTION") or "")),
                url=str(event.get("URL") or "").strip() or None,
                all_day=all_day,
            )
        )
    return Schedule("sched", zone.key, ordered(sessions), problems)


def _local(value: date | datetime, zone: ZoneInfo) -> tuple[datetime, bool]:
    """A DTSTART in the event's zone; UTC or other zones are converted, floating is local."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(), zone), True
    if value.tzinfo is None:
        return value.replace(tzinfo=zone), False
    return value.astimezone(zone), False


def _sched_end(event: Any, start: datetime, zone: ZoneInfo) -> datetime | None:
    end = event.get("DTEND")
    if end is not None:
        return _local(end.dt, zone)[0]
    duration = event.get("DURATION")
    return start + duration.dt if duration is not None else None


def _paragraphs(text: str) -> str:
    """Sched's plain-text descriptions break lines between paragraphs; Markdown needs two."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _categories(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value] if value is not None else []
    names = []
    for item in values:
        names += [str(name).strip() for name in getattr(item, "cats", [item]) if str(name).strip()]
    return names


def _room(location: str) -> str | None:
    """Sched's LOCATION is ``Room, City, Country``; the room is what comes before."""
    parts = [part.strip() for part in location.split(",")]
    room = ", ".join(parts[:-2]) if len(parts) >= 3 else location.strip()
    return room or None


def split_summary(summary: str) -> tuple[str, list[Speaker]]:
    """Sched's ``Title - Speaker, Company & Speaker2, Company2`` as title and speakers.

    Titles may contain `` - `` themselves, so the split is at the rightmost
    `` - `` whose remainder reads as a list of speakers: ``Name, Company`` parts
    joined by `` & ``, or a bare name that looks like a person's (capitalised words,
    no digits, none of the small words titles are made of).
    """
    positions = [match.start() for match in re.finditer(" - ", summary)]
    for position in reversed(positions):
        speakers = _speakers(summary[position + 3 :])
        if speakers:
            return summary[:position].strip(), speakers
    return summary.strip(), []


def _speakers(text: str) -> list[Speaker] | None:
    speakers: list[Speaker] = []
    for part in (part.strip() for part in text.split(" & ")):
        name, comma, company = (piece.strip() for piece in part.partition(","))
        if comma and company and _looks_like_name(name, alone=False):
            speakers.append(Speaker(name, company))
        elif not comma and _looks_like_name(name, alone=True):
            speakers.append(Speaker(name))
        elif not comma and speakers and speakers[-1].company:
            # "Jane Doe, Johnson & Johnson": the & belonged to the company
            last = speakers.pop()
            speakers.append(Speaker(last.name, f"{last.company} & {part}"))
        else:
            return None
    return speakers or None


def _looks_like_name(text: str, *, alone: bool) -> bool:
    words = text.split()
    if not words or len(words) > _MAX_NAME_WORDS or (alone and len(words) < 2):
        return False
    for word in words:
        if word.lower() in _NAME_PARTICLES:
            continue
        first = word[0]
        capital = first.isupper() or (first.isalpha() and first.lower() == first.upper())
        if not _NAME_WORD.fullmatch(word) or not capital:
            return False
        if alone and word.lower() in _TITLE_WORDS:
            return False
    return True
