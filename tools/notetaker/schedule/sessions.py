"""Sessions of a published schedule, whichever system published it, and which of them to import.

Sched and pretalx files are read into the same `Session`; the skip rule
(``skip``) and the note-taker's selections work on sessions, so they are the
same for both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from talknotes.rules.frontmatter import is_time_zone

from ..errors import UserError

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime
    from pathlib import Path

    from talknotes.rules.speakers import Speaker

__all__ = [
    "UTC_NAMES",
    "Schedule",
    "Session",
    "format_of",
    "kinds_of",
    "ordered",
    "read_ids",
    "select",
    "time_zone",
]

#: the names of UTC in the time-zone database: a schedule in one of them is not local
UTC_NAMES = frozenset(
    {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/GMT", "GMT", "Etc/Zulu", "Zulu", "Universal"}
)

# A session's kind, from a title prefix ("Keynote:", "⚡ Lightning Talk:"), a track
# ("KEYNOTE SESSIONS") or a pretalx submission type: a format (rules.formats) or
# "sponsored", written as the page's ``format:`` and ``sponsored:``, never as tags.
_KINDS = (
    ("lightning", "lightning"),
    ("keynote", "keynote"),
    ("sponsored", "sponsored"),
    ("panel", "panel"),
    ("workshop", "workshop"),
    ("tutorial", "tutorial"),
    ("birds of a feather", "bof"),
    ("bof", "bof"),
)
_PREFIX_WORDS = 4


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
    tracks: tuple[str, ...] = ()  # Sched's CATEGORIES, pretalx's track
    type: str | None = None  # pretalx's submission type
    kinds: tuple[str, ...] = ()
    abstract: str = ""
    url: str | None = None
    all_day: bool = False
    line: int | None = None  # where the entry starts in its file, for messages

    @property
    def source(self) -> str:
        """The front-matter ``source`` that ties a page to this session."""
        return f"{self.system}:{self.id}"

    @property
    def track(self) -> str | None:
        return self.tracks[0] if self.tracks else None


@dataclass
class Schedule:
    """A schedule file read: its sessions in the event's time zone, and what was left out.

    ``declared`` is the zone the file itself names (None if it names none);
    ``timezone`` the one its times were converted to. ``problems`` are the entries
    that could not be read, one message each at their file and line.
    """

    system: str
    timezone: str
    sessions: list[Session]
    problems: list[str]
    declared: str | None = None
    entries: int = 0


def time_zone(name: str, where: str) -> ZoneInfo:
    """The event's time zone named in ``where`` (an option or a file's field)."""
    if not is_time_zone(name.strip()):
        raise UserError(f"{where}: {name!r} is not a time zone name like Europe/London")
    return ZoneInfo(name.strip())


def ordered(sessions: list[Session]) -> list[Session]:
    """Sessions in the order their pages are numbered: by time, then room and title."""
    return sorted(sessions, key=lambda s: (s.start, s.room or "", s.title, s.id))


def kinds_of(title: str, *hints: str | None) -> tuple[str, ...]:
    """The kinds of a session, from its title's prefix and the system's hints (a type)."""
    prefix, colon, _ = title.partition(":")
    texts = [prefix] if colon and len(prefix.split()) <= _PREFIX_WORDS else []
    texts += [hint for hint in hints if hint]
    found = []
    for text in texts:
        for word, kind in _KINDS:
            if re.search(rf"\b{word}\b", text.lower()) and kind not in found:
                found.append(kind)
    return tuple(found)


def format_of(kinds: tuple[str, ...]) -> tuple[str | None, bool]:
    """The session's format (the first kind that is one) and whether it was sponsored."""
    formats = [kind for kind in kinds if kind != "sponsored"]
    return (formats[0] if formats else None), "sponsored" in kinds


# -- selections ----------------------------------------------------------------------


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
