"""A talk, a day and a conference as the site's structure holds them (``model/site.py``).

Plain records, apart from the site that derives them, so that what is computed
from talks (speakers, related talks) needs no import of the site itself.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..rules.layout import folder_of
from ..rules.text import talk_context

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import datetime

    from ..rules.frontmatter import Conference
    from .records import PageRecord

__all__ = ["ConferenceEntry", "Day", "Talk"]


@dataclass(frozen=True, eq=False)  # compared and hashed by identity
class Talk:
    """A page listed by topic and speaker: a talk of a day, or another page (no ``day``)."""

    docname: str
    title: str
    record: PageRecord
    day: Day | None
    conference: ConferenceEntry | None

    @cached_property
    def digest(self) -> str:
        """A short stable digest of ``shown``: what generated pages compare between builds."""
        return hashlib.sha256(repr(self.shown).encode()).hexdigest()[:16]

    @cached_property
    def shown(self) -> tuple[object, ...]:
        """What listings and feeds show of the talk: when it changes, they do."""
        facts = self.record.facts
        return (
            self.docname,
            self.title,
            self.day.title if self.day else None,
            self.conference.docname if self.conference else None,
            self.conference.conference if self.conference else None,
            facts.speakers,
            facts.time,
            tuple(self.record.tag_keys),
            facts.format,
            facts.sponsored,
            tuple(self.record.pending()),
            self.record.summary,
        )

    @property
    def time(self) -> datetime | None:
        return self.record.facts.time

    def where(self, *, with_conference: bool = True) -> str:
        """``KubeCon EU 2025, Day 1``: its conference (if asked) and day, as far as it has them."""
        conference = self.conference.conference.name if self.conference else None
        return talk_context(
            conference if with_conference else None, self.day.title if self.day else None
        )


@dataclass(eq=False)
class Day:
    docname: str
    title: str
    talks: list[Talk] = field(default_factory=list)


@dataclass(eq=False)
class ConferenceEntry:
    docname: str
    conference: Conference
    days: list[Day] = field(default_factory=list)
    #: its pages with tags or speakers that are not talks of a day, by name
    others: list[Talk] = field(default_factory=list)

    def talks(self) -> Iterator[Talk]:
        for day in self.days:
            yield from day.talks

    @property
    def folder(self) -> str:
        return folder_of(self.docname)
