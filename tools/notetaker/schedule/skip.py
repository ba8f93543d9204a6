"""The skip rule: which entries of a schedule are logistics or umbrellas, not talks.

A schedule lists more than talks: badge pick-up, breaks, the expo, and for each
co-located event a full-day entry that stands for the whole event. None of them
gets a page. The rule looks at what marks them (the track, a title made of
nothing but logistics words, a whole day without speakers), never at a single
word of a title: "Break the Monolith" and a BoF "... / Training / Networking" are
talks. An entry with speakers is always a talk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .sessions import Session

__all__ = [
    "FULL_DAY",
    "LOGISTICS_TRACKS",
    "LOGISTICS_WORDS",
    "SkipKind",
    "Skipped",
    "skip_reason",
]


class SkipKind(Enum):
    """Why a session gets no page; the report counts the skipped sessions by kind."""

    LOGISTICS = "logistics"
    FULL_DAY = "full-day events"
    OUTSIDE_DATES = "outside the conference's dates"


@dataclass(frozen=True)
class Skipped:
    """A session that gets no page, the kind of reason, and the reason in words."""

    session: Session
    kind: SkipKind
    reason: str


#: tracks (Sched's CATEGORIES) that hold logistics only, compared ignoring case and punctuation
LOGISTICS_TRACKS = ("breaks", "registration", "solutions showcase", "logistics")
#: a title made of nothing but these words (and punctuation, emoji) is logistics
# fmt: off
LOGISTICS_WORDS = (
    "badge", "badges", "pick", "up", "pickup", "registration", "check", "in", "coat",
    "cloakroom", "coffee", "tea", "break", "breaks", "lunch", "breakfast", "snack", "snacks",
    "refreshments", "reception", "happy", "hour", "booth", "crawl", "solutions", "showcase",
    "expo", "exhibit", "hall", "open", "opens", "networking", "morning", "afternoon", "evening",
    "all", "attendee", "attendees", "party", "dinner", "and",
)
# fmt: on
#: an entry without speakers this long stands for a whole co-located event
FULL_DAY = timedelta(hours=5)
_WORD = re.compile(r"[^\W_]+")
_LOGISTICS = frozenset(LOGISTICS_WORDS)


def skip_reason(session: Session) -> tuple[SkipKind, str] | None:
    """Why ``session`` gets no page, or None for a talk."""
    if session.all_day:
        return SkipKind.FULL_DAY, "an all-day entry"
    if session.speakers:
        return None
    for track in session.tracks:
        if " ".join(_words(track)) in LOGISTICS_TRACKS:
            return SkipKind.LOGISTICS, f"no speakers, and the track {track!r} is logistics"
    for text, what in ((session.title, "title"), (session.type, "type")):
        words = _words(text or "")
        if words and _LOGISTICS.issuperset(words):
            return SkipKind.LOGISTICS, f"no speakers, and its {what} is logistics"
    if session.end and session.end - session.start >= FULL_DAY:
        return SkipKind.FULL_DAY, (
            f"{session.start:%H:%M}-{session.end:%H:%M} without speakers: "
            "the entry of a whole (co-located) event"
        )
    return None


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())
