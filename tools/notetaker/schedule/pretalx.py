"""pretalx's ``schedule/export/schedule.json`` read into sessions.

A talk the file describes badly is left out with a problem naming it, so one bad
entry does not stop the import of the rest.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from talknotes.rules.speakers import Speaker

from ..errors import UserError
from .sessions import Schedule, Session, kinds_of, ordered, time_zone

if TYPE_CHECKING:
    from pathlib import Path
    from zoneinfo import ZoneInfo

__all__ = ["read_pretalx"]


def read_pretalx(path: Path, data: bytes, zone: ZoneInfo | None) -> Schedule:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise UserError(f"not UTF-8 text: {error.reason}", path) from None
    except json.JSONDecodeError as error:
        raise UserError(f"not valid JSON: {error.msg}", path, error.lineno) from None
    conference = (
        (document.get("schedule") or {}).get("conference") if isinstance(document, dict) else None
    )
    if not isinstance(conference, dict):
        raise UserError("not a pretalx schedule.json: no schedule.conference", path)
    if zone is None:
        name = conference.get("time_zone_name")
        if not name:
            raise UserError(
                "the schedule does not name the event's time zone (no time_zone_name); "
                "pass it with --timezone",
                path,
            )
        zone = time_zone(str(name), f"{path}: time_zone_name")
    sessions, problems, seen = [], [], set()
    for day in conference.get("days") or []:
        for room, talks in (day.get("rooms") or {}).items():
            for talk in talks or []:
                try:
                    session = _pretalx_session(talk, str(room), day, zone)
                except (KeyError, TypeError, ValueError) as error:
                    label = talk.get("code") or talk.get("title") if isinstance(talk, dict) else ""
                    problems.append(
                        f"{path}: talk {label!r} on {day.get('date')} in {room!r} is not "
                        f"imported: {_describe(error)}"
                    )
                    continue
                if session.id in seen:
                    problems.append(f"{path}: talk {session.id} appears twice; the first is used")
                    continue
                seen.add(session.id)
                sessions.append(session)
    return Schedule("pretalx", zone.key, ordered(sessions), problems)


def _describe(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"it has no {error.args[0]!r}"
    return str(error)


def _pretalx_session(
    talk: dict[str, Any], room: str, day: dict[str, Any], zone: ZoneInfo
) -> Session:
    code = str(talk.get("code") or talk["guid"]).strip()
    if not code or re.search(r"\s", code):
        raise ValueError(f"unusable code {code!r}")
    if talk.get("date"):
        start = datetime.fromisoformat(talk["date"])
        start = start.replace(tzinfo=zone) if start.tzinfo is None else start.astimezone(zone)
    else:
        clock = time.fromisoformat(talk["start"])
        start = datetime.combine(date.fromisoformat(day["date"]), clock, zone)
    hours, _, minutes = str(talk.get("duration") or "0:00").partition(":")
    end = start + timedelta(hours=int(hours or 0), minutes=int(minutes or 0))
    speakers = tuple(
        Speaker(
            str(person.get("public_name") or person["name"]).strip(),
            _company(person),
        )
        for person in talk.get("persons") or []
    )
    title = " ".join(str(talk["title"]).split())
    return Session(
        system="pretalx",
        id=code,
        title=title,
        start=start,
        end=end if end != start else None,
        speakers=speakers,
        room=str(talk.get("room") or room).strip() or None,
        track=str(talk.get("track") or "").strip() or None,
        type=str(talk.get("type") or "").strip() or None,
        kinds=kinds_of(title, talk.get("type")),
        abstract=str(talk.get("abstract") or "").strip(),
        url=str(talk.get("url") or "").strip() or None,
    )


def _company(person: dict[str, Any]) -> str | None:
    """pretalx has no company field of its own; events that ask for one export it."""
    for key in ("company", "organisation", "organization", "affiliation"):
        value = person.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None
