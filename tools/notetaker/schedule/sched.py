"""Sched's iCalendar export (``https://<event>.sched.com/all.ics``) read into sessions.

The file is cut into its entries first and each entry is read on its own, so an
entry that cannot be read (a DTSTART that is no date, an entry never closed, no
title) is left out with a problem at its line, and the rest is imported.
Speakers come out of the summary (``bylines``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

import icalendar

from talknotes.rules.text import decode_error_line, one_line, shorten

from ..authoring.plaintext import clean_line, clean_text
from ..errors import UserError
from .bylines import split_summary
from .sessions import Schedule, Session, kinds_of, ordered, time_zone

if TYPE_CHECKING:
    from pathlib import Path
    from zoneinfo import ZoneInfo

__all__ = ["read_sched"]

_BEGIN, _END = "BEGIN:VEVENT", "END:VEVENT"
_REASON_LENGTH = 80
# what reading a garbled entry raises, in icalendar or here: the entry is left out
_ENTRY_ERRORS = (ValueError, OverflowError, TypeError, AttributeError, LookupError)
_ZONE_PROPERTY = re.compile(r"X-WR-TIMEZONE(?:;[^:]*)?:(?P<zone>.*)", re.IGNORECASE)


class _BrokenEntryError(ValueError):
    """An entry that cannot be read; the message says why."""


@dataclass
class _Entry:
    """The lines of one VEVENT as written (folded), from its BEGIN line on."""

    line: int
    lines: list[str] = field(default_factory=list)
    closed: bool = False


def read_sched(path: Path, data: bytes, zone: ZoneInfo | None) -> Schedule:
    """Sessions in ``zone`` (default: the file's X-WR-TIMEZONE); unreadable entries as problems."""
    text, problems = _decoded(path, data)
    header, entries = _entries(text)
    declared = next((m["zone"].strip() for m in map(_ZONE_PROPERTY.fullmatch, header) if m), None)
    if zone is None:
        if not declared:
            raise UserError(
                "the file does not name the event's time zone (no X-WR-TIMEZONE): add "
                "`timezone:` to the conference's front matter, or pass --timezone Europe/London",
                path,
            )
        zone = time_zone(declared, f"{path}: X-WR-TIMEZONE")
    sessions: list[Session] = []
    seen: dict[str, int] = {}
    for entry in entries:
        try:
            session = _session(entry, zone)
        except _ENTRY_ERRORS as error:
            problems.append(f"{path}:{entry.line}: entry not imported: {_reason(error)}")
            continue
        if session.id in seen:
            problems.append(
                f"{path}:{entry.line}: UID {session.id} is also the entry at line "
                f"{seen[session.id]}; only that one is imported"
            )
            continue
        seen[session.id] = entry.line
        sessions.append(session)
    if entries and not sessions:
        raise UserError(f"none of its {len(entries)} entries can be read: {problems[-1]}", path)
    return Schedule("sched", zone.key, ordered(sessions), problems, declared, len(entries))


def _reason(error: Exception) -> str:
    """Why an entry cannot be read, in one line."""
    if isinstance(error, OverflowError):
        return "a date or a duration out of range"
    if isinstance(error, _BrokenEntryError):
        return str(error)
    if not isinstance(error, ValueError):  # icalendar's reading of a garbled line
        return f"not an iCalendar entry ({type(error).__name__})"
    return f"not an iCalendar entry ({shorten(one_line(str(error)), _REASON_LENGTH)})"


def _decoded(path: Path, data: bytes) -> tuple[str, list[str]]:
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = decode_error_line(error)
        problem = f"{path}:{line}: not UTF-8 text; bytes that are not are shown as \ufffd"
        return data.decode("utf-8-sig", "replace"), [problem]


def _entries(text: str) -> tuple[list[str], list[_Entry]]:
    """The calendar's own properties (unfolded) and its VEVENTs, each with its first line."""
    header: list[str] = []
    entries: list[_Entry] = []
    current: _Entry | None = None
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.removesuffix("\r")
        marker = line.strip().upper()
        if marker == _BEGIN:
            current = _Entry(number, [line])
            entries.append(current)
        elif current is not None:
            current.lines.append(line)
            if marker == _END:
                current.closed, current = True, None
        elif line[:1] in (" ", "\t") and header:
            header[-1] += line[1:]
        else:
            header.append(line)
    return header, entries


def _session(entry: _Entry, zone: ZoneInfo) -> Session:
    if not entry.closed:
        raise _BrokenEntryError(f"{_BEGIN} without its {_END}")
    event = icalendar.Event.from_ical("\n".join(entry.lines))
    uid = _text(event, "UID")
    if not uid or not uid.isprintable() or any(character.isspace() for character in uid):
        raise _BrokenEntryError(f"no usable UID ({uid!r})")
    title, speakers = split_summary(_text(event, "SUMMARY"))
    if not title:
        raise _BrokenEntryError("no SUMMARY, so no title")
    start, all_day = _local(_value(event, "DTSTART"), zone)
    tracks = tuple(dict.fromkeys(name for name in _categories(event) if name))
    return Session(
        system="sched",
        id=uid,
        title=title,
        start=start,
        end=_end(event, start, zone),
        speakers=tuple(speakers),
        room=_room(clean_line(_text(event, "LOCATION"))),
        tracks=tracks,
        kinds=kinds_of(title, *tracks),
        abstract=_paragraphs(_text(event, "DESCRIPTION")),
        url=clean_line(_text(event, "URL")) or None,
        all_day=all_day,
        line=entry.line,
    )


def _text(event: Any, key: str) -> str:
    """A text property (the first, if an entry repeats it), as written; ``""`` if none."""
    value = event.get(key)
    if isinstance(value, list):
        value = value[0] if value else None
    return "" if value is None else str(value).strip()


def _value(event: Any, key: str) -> Any:
    """The value of a date or duration property; a broken one says what was wrong."""
    value = event.get(key)
    if value is None:
        raise _BrokenEntryError(f"no {key}")
    if isinstance(value, list):
        raise _BrokenEntryError(f"{key} is given {len(value)} times")
    try:
        return value.dt
    except ValueError:
        found = [message for name, message in event.errors if name == key]
        raise _BrokenEntryError(f"{key}: {found[0] if found else 'not a date and time'}") from None


def _local(value: date | datetime, zone: ZoneInfo) -> tuple[datetime, bool]:
    """A time in the event's zone; UTC or other zones are converted, floating is local."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(), zone), True
    if value.tzinfo is None:
        return value.replace(tzinfo=zone), False
    return value.astimezone(zone), False


def _end(event: Any, start: datetime, zone: ZoneInfo) -> datetime | None:
    if event.get("DTEND") is not None:
        return _local(_value(event, "DTEND"), zone)[0]
    if event.get("DURATION") is not None:
        duration = _value(event, "DURATION")
        if isinstance(duration, timedelta):
            return start + duration
    return None


def _paragraphs(text: str) -> str:
    """Sched's plain-text descriptions break lines between paragraphs; Markdown needs two."""
    return "\n\n".join(line.strip() for line in clean_text(text).split("\n") if line.strip())


def _categories(event: Any) -> list[str]:
    value = event.get("CATEGORIES")
    values = value if isinstance(value, list) else [value] if value is not None else []
    return [clean_line(str(name)) for item in values for name in getattr(item, "cats", [item])]


def _room(location: str) -> str | None:
    """Sched's LOCATION is ``Room, City, Country``; the room is what comes before."""
    parts = [part.strip() for part in location.split(",")]
    room = ", ".join(parts[:-2]) if len(parts) >= 3 else location.strip()
    return room or None
