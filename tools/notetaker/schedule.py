"""Published conference schedules read into sessions: Sched iCalendar and pretalx JSON.

Both are files the note-taker downloaded (``https://<event>.sched.com/all.ics``,
pretalx's ``schedule/export/schedule.json``); nothing here goes to the network.
Times end up in the event's own time zone, because that is the clock the
note-taker sees on the schedule and the one the pages record (with its offset).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar

from talknotes.frontmatter import Speaker

from .errors import UserError

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

__all__ = [
    "NOT_A_TALK_WORDS",
    "Schedule",
    "Session",
    "load_schedule",
    "not_a_talk",
    "read_ids",
    "select",
    "split_summary",
]

#: Words that mark an entry without speakers as logistics rather than a talk (the
#: skip rule, documented in the style guide). An entry with speakers is always a talk.
NOT_A_TALK_WORDS = (
    "badge",
    "pick-up",
    "pickup",
    "registration",
    "check-in",
    "break",
    "breaks",
    "coffee",
    "breakfast",
    "lunch",
    "dinner",
    "snacks",
    "reception",
    "happy hour",
    "networking",
    "party",
    "booth crawl",
    "expo",
    "exhibit hall",
    "showcase",
    "cloakroom",
)
_NOT_A_TALK = re.compile(
    r"\b(?:" + "|".join(re.escape(word) for word in NOT_A_TALK_WORDS) + r")\b", re.IGNORECASE
)
# A session's kind, from a title prefix ("Keynote:", "⚡ Lightning Talk:") or a
# pretalx submission type; each kind becomes a tag if the vocabulary knows it.
_KINDS = (
    ("lightning", "lightning-talk"),
    ("keynote", "keynote"),
    ("sponsored", "sponsored"),
    ("panel", "panel"),
    ("workshop", "workshop"),
    ("tutorial", "tutorial"),
)
_PREFIX_WORDS = 4
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


@dataclass(frozen=True)
class Session:
    """One entry of a schedule, in the event's local time."""

    system: str  # "sched" or "pretalx"
    id: str
    title: str
    start: datetime
    end: datetime | None = None
    speakers: tuple[Speaker, ...] = ()
    room: str | None = None
    track: str | None = None
    type: str | None = None  # pretalx's submission type
    kinds: tuple[str, ...] = ()
    abstract: str = ""
    url: str | None = None
    all_day: bool = False

    @property
    def source(self) -> str:
        """The front-matter ``source`` that ties a page to this session."""
        return f"{self.system}:{self.id}"


@dataclass
class Schedule:
    system: str
    timezone: str
    sessions: list[Session]
    problems: list[str]


def load_schedule(path: Path, timezone: str | None = None) -> Schedule:
    """Read a Sched ``.ics`` or a pretalx ``schedule.json``, told apart by their content."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UserError(f"cannot read the schedule: {error.strerror}", path) from None
    zone = _zone(timezone, "--timezone") if timezone else None
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].upper()
    if head.startswith(b"BEGIN:VCALENDAR"):
        return _read_sched(path, data, zone)
    if head.startswith(b"{"):
        return _read_pretalx(path, data, zone)
    raise UserError(
        "neither an iCalendar file (BEGIN:VCALENDAR, as Sched's all.ics) "
        "nor a pretalx schedule.json",
        path,
        1,
    )


def _zone(name: str, where: str) -> ZoneInfo:
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(f"{where}: {name!r} is not a time zone name like Europe/London") from None


# -- Sched ----------------------------------------------------------------------------


def _read_sched(path: Path, data: bytes, zone: ZoneInfo | None) -> Schedule:
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
        zone = _zone(str(declared), f"{path}: X-WR-TIMEZONE")
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
                kinds=_kinds(title),
                abstract=_paragraphs(str(event.get("DESCRIPTION") or "")),
                url=str(event.get("URL") or "").strip() or None,
                all_day=all_day,
            )
        )
    return Schedule("sched", zone.key, _ordered(sessions), problems)


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


def _kinds(title: str, *hints: str | None) -> tuple[str, ...]:
    prefix, colon, _ = title.partition(":")
    texts = [prefix] if colon and len(prefix.split()) <= _PREFIX_WORDS else []
    texts += [hint for hint in hints if hint]
    found = []
    for text in texts:
        for word, kind in _KINDS:
            if word in text.lower() and kind not in found:
                found.append(kind)
    return tuple(found)


# -- pretalx --------------------------------------------------------------------------


def _read_pretalx(path: Path, data: bytes, zone: ZoneInfo | None) -> Schedule:
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
        zone = _zone(str(name), f"{path}: time_zone_name")
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
    return Schedule("pretalx", zone.key, _ordered(sessions), problems)


def _describe(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"it has no {error.args[0]!r}"
    return str(error)


def _pretalx_session(talk: dict, room: str, day: dict, zone: ZoneInfo) -> Session:
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
        kinds=_kinds(title, talk.get("type")),
        abstract=str(talk.get("abstract") or "").strip(),
        url=str(talk.get("url") or "").strip() or None,
    )


def _company(person: dict) -> str | None:
    """pretalx has no company field of its own; events that ask for one export it."""
    for key in ("company", "organisation", "organization", "affiliation"):
        value = person.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


# -- the skip rule and selections -----------------------------------------------------


def _ordered(sessions: list[Session]) -> list[Session]:
    return sorted(sessions, key=lambda s: (s.start, s.room or "", s.title, s.id))


def not_a_talk(session: Session) -> str | None:
    """Why an entry is logistics rather than a talk (the skip rule), or None for a talk.

    Skipped: all-day entries, and entries without speakers whose title, track or
    type contains one of ``NOT_A_TALK_WORDS`` as a word. An entry with speakers is
    never skipped ("Break the monolith" by someone is a talk).
    """
    if session.all_day:
        return "an all-day entry"
    if session.speakers:
        return None
    for text in (session.title, session.track, session.type):
        match = _NOT_A_TALK.search(text or "")
        if match:
            return f"no speakers and {match[0]!r} in its {_field_name(session, text)}"
    return None


def _field_name(session: Session, text: str | None) -> str:
    return "title" if text == session.title else "track" if text == session.track else "type"


def read_ids(path: Path) -> list[str]:
    """The sessions the note-taker plans to attend: one per line (id, source or URL).

    Blank lines and ``#`` comments are ignored, so the file can carry notes.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise UserError(f"cannot read the list of sessions: {reason}", path) from None
    ids = []
    for line in text.splitlines():
        entry = line.split(" #", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if entry:
            ids.append(entry)
    return ids


def select(
    sessions: Iterable[Session], match: re.Pattern[str] | None, ids: list[str] | None
) -> tuple[set[str], list[str]]:
    """The sources of the selected sessions, and the ids that matched no session."""
    sessions = list(sessions)
    chosen = {session.source for session in sessions}
    if match is not None:
        chosen = {
            s.source
            for s in sessions
            if match.search(s.title) or any(match.search(str(p)) for p in s.speakers)
        }
    unknown: list[str] = []
    if ids is not None:
        wanted = set()
        for entry in ids:
            hits = {s.source for s in sessions if _is(entry, s)}
            if not hits:
                unknown.append(entry)
            wanted |= hits
        chosen &= wanted
    return chosen, unknown


def _is(entry: str, session: Session) -> bool:
    if entry in (session.id, session.source):
        return True
    if entry.startswith(("https://", "http://")) and session.url:
        url, wanted = session.url.rstrip("/"), entry.rstrip("/")
        return url == wanted or url.startswith(wanted + "/")
    return False
