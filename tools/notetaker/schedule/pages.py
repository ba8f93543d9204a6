"""Talk pages made from a schedule, found again by their ``source``, and what changed for them.

The schedule owns a page's title, speakers, time and room, and its tags while
they are none or the fallback tag alone; the note-taker owns the rest. Values
are compared as the page would be written, so importing the same file again
changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from talknotes.rules.frontmatter import TimeError, format_time, parse_time
from talknotes.rules.layout import SUFFIX

from ..authoring.files import read_text
from ..authoring.frontmatter import read_front_matter, split_page, update_front_matter
from ..authoring.markdown import escape_inline, first_heading, set_title

if TYPE_CHECKING:
    from pathlib import Path

    from ..authoring.frontmatter import FrontMatterValue
    from .sessions import Session

__all__ = ["OWNED_KEYS", "KnownPage", "pages_by_source", "schedule_values"]

OWNED_KEYS = ("speakers", "time", "room")


@dataclass(frozen=True)
class KnownPage:
    """A page with a ``source``: its text and front matter as read."""

    path: Path
    text: str
    front: dict[str, Any]

    def tags(self) -> list[str] | None:
        """The page's tags; None if they are neither a list nor a string (the build says so)."""
        value = self.front.get("tags")
        if isinstance(value, str):
            value = value.split(",")
        if not isinstance(value, list | None):
            return None
        return [str(tag).strip() for tag in value or [] if str(tag).strip()]

    def time(self) -> datetime | None:
        value = self.front.get("time")
        try:
            return value if isinstance(value, datetime) else parse_time(str(value))
        except TimeError:
            return None

    def changes(self, session: Session) -> dict[str, FrontMatterValue]:
        """The schedule-owned values that differ from the session's (``title`` included)."""
        wanted = schedule_values(session)
        changed = {
            key: wanted[key]
            for key in OWNED_KEYS
            if not _same(key, self.front.get(key), wanted[key])
        }
        title = escape_inline(session.title)
        heading = first_heading(split_page(self.text)[1])
        if heading is None or heading[1] != title:
            changed = {"title": title, **changed}
        return changed

    def rewritten(self, changes: dict[str, FrontMatterValue]) -> str:
        """The page's text with ``changes`` made (``title`` replaces its first heading)."""
        values = {key: value for key, value in changes.items() if key != "title"}
        text = update_front_matter(self.text, values) if values else self.text
        title = changes.get("title")
        return set_title(text, title) if isinstance(title, str) else text


def pages_by_source(folder: Path) -> dict[str, list[KnownPage]]:
    """The conference's pages with a ``source``, by source; an unreadable page is a user error."""
    found: dict[str, list[KnownPage]] = defaultdict(list)
    for path in sorted(folder.rglob(f"*{SUFFIX}")):
        text = read_text(path)  # as it is: no newline translation
        if "source" not in text:
            continue
        front = read_front_matter(path, text)
        source = front.get("source")
        if isinstance(source, str) and source.strip():
            found[source.strip()].append(KnownPage(path, text, front))
    return found


def schedule_values(session: Session) -> dict[str, FrontMatterValue]:
    return {
        "speakers": [str(speaker) for speaker in session.speakers],
        "time": format_time(session.start),
        "room": session.room,
    }


def _same(key: str, current: object, wanted: FrontMatterValue) -> bool:
    if key == "speakers":
        names = list(wanted) if isinstance(wanted, list) else []
        if isinstance(current, str):
            return current.strip() == ", ".join(names)
        items = [str(item).strip() for item in current or []] if isinstance(current, list) else []
        return items == names
    if key == "time":
        return _same_time(current, wanted)
    text = str(current).strip() if current is not None else None
    return (text or None) == wanted


def _same_time(current: object, wanted: FrontMatterValue) -> bool:
    if current is None or wanted is None:
        return current is wanted
    try:
        moment = current if isinstance(current, datetime) else parse_time(str(current))
        target = parse_time(str(wanted))
    except TimeError:
        return False
    return moment.tzinfo is not None and (moment, moment.utcoffset()) == (
        target,
        target.utcoffset(),
    )
