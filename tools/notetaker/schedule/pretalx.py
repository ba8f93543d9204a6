"""pretalx's ``schedule/export/schedule.json`` read into sessions.

Real files vary in shape (a person as a plain name, rooms as a list, a track as a
translated mapping), so every value is checked for its type before it is used. A
talk the file describes too badly to import is left out with a problem at its
line, so one bad entry does not stop the import of the rest.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from talknotes.rules.speakers import Speaker
from talknotes.rules.text import decode_error_line

from ..authoring.plaintext import clean_line, clean_text
from ..errors import UserError
from .sessions import Schedule, Session, kinds_of, ordered, time_zone

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path
    from zoneinfo import ZoneInfo

__all__ = ["read_pretalx"]

_DURATION = re.compile(r"(?:(?P<days>\d{1,2}):)?(?P<hours>\d{1,3}):(?P<minutes>\d{1,2})(?::\d\d)?")
_LONGEST = timedelta(days=2)  # longer than any session: a broken duration
_CODE = re.compile(r'"(?:code|guid)"\s*:\s*"(?P<code>[^"\\]+)"')
_COMPANY_KEYS = ("company", "organisation", "organization", "affiliation")
_ENTRY_ERRORS = (LookupError, TypeError, ValueError, AttributeError, OverflowError)


class _BrokenEntryError(ValueError):
    """A talk that cannot be imported; the message says why."""


def read_pretalx(path: Path, data: bytes, zone: ZoneInfo | None) -> Schedule:
    """Sessions in ``zone`` (default: the file's ``time_zone_name``); bad talks as problems."""
    try:
        text = data.decode("utf-8-sig")
        document = json.loads(text)
    except UnicodeDecodeError as error:
        line = decode_error_line(error)
        raise UserError(f"not UTF-8 text: {error.reason}", path, line) from None
    except json.JSONDecodeError as error:
        raise UserError(f"not valid JSON: {error.msg}", path, error.lineno) from None
    except RecursionError:
        raise UserError("not a pretalx schedule.json: nested too deeply", path) from None
    schedule = document.get("schedule") if isinstance(document, dict) else None
    conference = schedule.get("conference") if isinstance(schedule, dict) else None
    if not isinstance(conference, dict):
        raise UserError("not a pretalx schedule.json: no schedule.conference", path)
    declared = _text(conference.get("time_zone_name")) or None
    if zone is None:
        if not declared:
            raise UserError(
                "the schedule does not name the event's time zone (no time_zone_name): add "
                "`timezone:` to the conference's front matter, or pass --timezone",
                path,
            )
        zone = time_zone(declared, f"{path}: time_zone_name")
    lines = {m["code"]: text.count("\n", 0, m.start()) + 1 for m in _CODE.finditer(text)}
    sessions: list[Session] = []
    problems: list[str] = []
    seen: set[str] = set()
    entries = 0
    for day, room, talk in _talks(conference, problems, path):
        entries += 1
        label = _text(talk.get("code") or talk.get("guid")) if isinstance(talk, dict) else ""
        where = f"{path}:{lines[label]}" if label in lines else str(path)
        try:
            session = _session(talk, room, day, zone, lines.get(label))
        except _ENTRY_ERRORS as error:
            title = _text(talk.get("title")) if isinstance(talk, dict) else ""
            problems.append(f"{where}: talk {label or title!r} not imported: {_describe(error)}")
            continue
        if session.id in seen:
            problems.append(f"{where}: talk {session.id} appears twice; the first is imported")
            continue
        seen.add(session.id)
        sessions.append(session)
    if entries and not sessions:
        raise UserError(f"none of its {entries} talks can be read: {problems[-1]}", path)
    return Schedule("pretalx", zone.key, ordered(sessions), problems, declared, entries)


def _talks(
    conference: dict[str, Any], problems: list[str], path: Path
) -> Iterator[tuple[dict[str, Any], str, object]]:
    """(day, room name, talk) for every talk, whatever shape the days and rooms have."""
    days = conference.get("days")
    if not isinstance(days, list):
        raise UserError("schedule.conference.days is not a list, so no talk can be read", path)
    for day in days:
        if not isinstance(day, dict):
            continue
        rooms = day.get("rooms")
        if isinstance(rooms, dict):
            pairs = [(_text(name), talks) for name, talks in rooms.items()]
        elif isinstance(rooms, list):  # a list of rooms: each talk names its own
            pairs = [("", talks) for talks in rooms]
        else:
            pairs = []
        for room, talks in pairs:
            for talk in talks if isinstance(talks, list) else [talks]:
                yield day, room, talk


def _describe(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"it has no {error.args[0]!r}"
    return str(error)


def _session(
    talk: object, room: str, day: dict[str, Any], zone: ZoneInfo, line: int | None
) -> Session:
    if not isinstance(talk, dict):
        raise _BrokenEntryError(f"a talk is a JSON object, not {type(talk).__name__}")
    code = _text(talk.get("code") or talk.get("guid"))
    if not code or not code.isprintable() or any(character.isspace() for character in code):
        raise _BrokenEntryError(f"no usable code ({code!r})")
    title = _text(talk.get("title"))
    if not title:
        raise _BrokenEntryError("no title")
    start = _start(talk, day, zone)
    track = _text(talk.get("track"))
    kind = _text(talk.get("type"))
    return Session(
        system="pretalx",
        id=code,
        title=title,
        start=start,
        end=_end(start, talk.get("duration")),
        speakers=tuple(_speakers(talk.get("persons"))),
        room=_text(talk.get("room")) or room or None,
        tracks=(track,) if track else (),
        type=kind or None,
        kinds=kinds_of(title, kind),
        abstract=clean_text(_text(talk.get("abstract"), line=False)).strip(),
        url=_text(talk.get("url")) or None,
        line=line,
    )


def _start(talk: dict[str, Any], day: dict[str, Any], zone: ZoneInfo) -> datetime:
    if talk.get("date"):
        start = datetime.fromisoformat(_text(talk["date"]))
        return start.replace(tzinfo=zone) if start.tzinfo is None else start.astimezone(zone)
    clock = time.fromisoformat(_text(talk["start"]))
    return datetime.combine(date.fromisoformat(_text(day["date"])), clock, zone)


def _end(start: datetime, duration: object) -> datetime | None:
    """The end from ``duration`` (``HH:MM``, ``D:HH:MM`` or minutes); a broken one is a problem."""
    if duration in (None, ""):
        return None
    if isinstance(duration, int) and not isinstance(duration, bool):
        length = timedelta(minutes=min(duration, 10**6))
    else:
        match = _DURATION.fullmatch(_text(duration))
        if match is None:
            raise _BrokenEntryError(f"duration {duration!r} is not HH:MM")
        length = timedelta(
            days=int(match["days"] or 0), hours=int(match["hours"]), minutes=int(match["minutes"])
        )
    if not timedelta() <= length <= _LONGEST:
        raise _BrokenEntryError(f"duration {duration!r} is longer than any session")
    return start + length if length else None


def _speakers(persons: object) -> list[Speaker]:
    """``persons``: objects with ``public_name`` (or ``name``), or plain names."""
    speakers = []
    for person in persons if isinstance(persons, list) else []:
        if isinstance(person, dict):
            name = _text(person.get("public_name") or person.get("name"))
            company = next(
                (_text(person[key]) for key in _COMPANY_KEYS if _text(person.get(key))), None
            )
        else:
            name, company = _text(person), None
        if name:
            speakers.append(Speaker(name, company))
    return speakers


def _text(value: object, *, line: bool = True) -> str:
    """A value as text: strings cleaned, numbers as written, a translated mapping's first text."""
    if isinstance(value, dict):
        value = next((item for item in value.values() if isinstance(item, str)), "")
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    return clean_line(str(value)) if line else str(value)
