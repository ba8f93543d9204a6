"""Sessions of a schedule synced into talk pages, found again by their ``source``.

The schedule owns a page's title, speakers, time and room; the note-taker owns the
rest (tags, buttons, the abstract, the notes). Re-importing a schedule therefore
rewrites only the four schedule-owned values, and only when they changed, so
importing the same file twice changes nothing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING

from talknotes.rules.frontmatter import TimeError, format_time, parse_time, split_front_matter
from talknotes.rules.layout import SUFFIX, day_folder

from ..authoring.checks import checked_url
from ..authoring.conferences import ConferenceSite, read_conference
from ..authoring.days import render_day
from ..authoring.frontmatter import FrontMatterValue, read_front_matter, update_front_matter
from ..authoring.markdown import escape_inline, first_heading, set_title
from ..authoring.talks import TalkPage, add_talks, page_slug
from ..errors import UserError
from .sessions import not_a_talk, select

if TYPE_CHECKING:
    import re
    from collections.abc import Callable
    from pathlib import Path

    from ..authoring.templates import Templates
    from ..authoring.vocabulary import Tags
    from .sessions import Schedule, Session

__all__ = ["ImportOptions", "ImportOutcome", "SkipKind", "Skipped", "import_schedule"]

OWNED_KEYS = ("speakers", "time", "room")
#: tracks are matched to tags by their slug too; a track is a name, not a file name
_TRACK_SLUG_LENGTH = 80


class SkipKind(Enum):
    """Why a session gets no page; the report counts the skipped sessions by kind."""

    NOT_A_TALK = "not talks"
    OUTSIDE_DATES = "outside the conference's dates"


@dataclass(frozen=True)
class Skipped:
    """A session that gets no page, the kind of reason, and the reason in words."""

    session: Session
    kind: SkipKind
    reason: str


@dataclass
class ImportOutcome:
    """What an import did (or, in a dry run, would do), for the report."""

    added: list[tuple[Session, Path]] = field(default_factory=list)
    updated: list[tuple[Session, Path, list[str]]] = field(default_factory=list)
    unchanged: list[tuple[Session, Path]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    not_selected: list[Session] = field(default_factory=list)
    removed: list[tuple[str, Path]] = field(default_factory=list)
    untagged: list[Path] = field(default_factory=list)
    unmatched_tracks: Counter[str] = field(default_factory=Counter)
    unknown_ids: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ImportOptions:
    """Which sessions get new pages (``--match``, ``--ids``), with which extra tags, where."""

    match: re.Pattern[str] | None = None
    ids: list[str] | None = None
    tags: tuple[str, ...] = ()
    first_day: int | None = None
    dry_run: bool = False


def import_schedule(
    docs: Path,
    slug: str,
    schedule: Schedule,
    *,
    options: ImportOptions,
    templates: Templates,
    tags: Tags,
    progress: Callable[[int, int], None] | None = None,
) -> ImportOutcome:
    """Add pages for new selected sessions and update the schedule-owned values of known ones."""
    site = read_conference(docs, slug)
    run = _Import(
        site=site,
        first=site.first_day(options.first_day),
        tags=tags,
        extra_tags=tags.keys(options.tags),
        templates=templates,
        options=options,
    )
    known = _pages_by_source(site.folder)
    selected, run.outcome.unknown_ids = select(schedule.sessions, options.match, options.ids)
    new: dict[int, list[Session]] = defaultdict(list)
    total = len(schedule.sessions)
    for done, session in enumerate(schedule.sessions, 1):
        if progress:
            progress(done, total)
        paths = known.get(session.source, [])
        if len(paths) > 1:
            run.outcome.hints.append(
                f"{session.source} is the source of {len(paths)} pages: "
                + ", ".join(str(path) for path in paths)
            )
        for path in paths:
            run.sync(session, path)
        day = None if paths else run.place(session, selected)
        if day is not None:
            new[day].append(session)
    for day, sessions in sorted(new.items()):
        run.add_day(day, sessions)

    in_file = {session.source for session in schedule.sessions}
    for source, paths in sorted(known.items()):
        if source.startswith(f"{schedule.system}:") and source not in in_file:
            run.outcome.removed += [(source, path) for path in paths]
    return run.outcome


def _pages_by_source(folder: Path) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(folder.rglob(f"*{SUFFIX}")):
        text = path.read_text(encoding="utf-8")
        if "source" not in text:
            continue
        source = read_front_matter(path, text).get("source")
        if isinstance(source, str) and source.strip():
            found[source.strip()].append(path)
    return found


def schedule_values(session: Session) -> dict[str, FrontMatterValue]:
    return {
        "speakers": [str(speaker) for speaker in session.speakers],
        "time": format_time(session.start),
        "room": session.room,
    }


@dataclass
class _Import:
    """One import run: the conference, its vocabulary, and what happened so far."""

    site: ConferenceSite
    first: int
    tags: Tags
    extra_tags: list[str]
    templates: Templates
    options: ImportOptions
    outcome: ImportOutcome = field(default_factory=ImportOutcome)

    def place(self, session: Session, selected: set[str]) -> int | None:
        """The number of the day of a session that gets a new page, or None (and why not)."""
        reason = not_a_talk(session)
        if reason:
            self.outcome.skipped.append(Skipped(session, SkipKind.NOT_A_TALK, reason))
            return None
        if session.source not in selected:
            self.outcome.not_selected.append(session)
            return None
        day = self.site.day_number(session.start.date(), self.first)
        if day is None:
            conference = self.site.conference
            reason = (
                f"on {session.start.date()}, outside the conference "
                f"({conference.start} to {conference.last_day})"
            )
            self.outcome.skipped.append(Skipped(session, SkipKind.OUTSIDE_DATES, reason))
        return day

    def sync(self, session: Session, path: Path) -> None:
        """Bring the schedule-owned values of an existing page up to date."""
        text = path.read_text(encoding="utf-8")
        current = read_front_matter(path, text)
        wanted = schedule_values(session)
        changed = [key for key in OWNED_KEYS if not _same(key, current.get(key), wanted[key])]
        title = escape_inline(session.title)
        heading = first_heading(split_front_matter(text)[1])
        if heading is None or heading[1] != title:
            changed.insert(0, "title")
        day = self.site.day_number(session.start.date(), self.first)
        folder = path.parent
        if day is not None and folder.parent == self.site.folder and folder.name != day_folder(day):
            self.outcome.hints.append(
                f"{path}: the session moved to {session.start.date()} ({day_folder(day)}); "
                "the page stays where it is: move it by hand if you want"
            )
        if not changed:
            self.outcome.unchanged.append((session, path))
            return
        self.outcome.updated.append((session, path, changed))
        if self.options.dry_run:
            return
        values = {key: wanted[key] for key in changed if key != "title"}
        new_text = update_front_matter(text, values) if values else text
        if "title" in changed:
            new_text = set_title(new_text, title)
        path.write_text(new_text, encoding="utf-8")

    def add_day(self, number: int, sessions: list[Session]) -> None:
        """New pages for a day's sessions, numbered after the day's last talk, in time order."""
        talks = [
            TalkPage(
                title=session.title,
                tags=self.tags_of(session),
                speakers=list(session.speakers),
                time=session.start,
                room=session.room,
                source=session.source,
                abstract=session.abstract,
                schedule_url=_safe_url(session.url),
            )
            for session in sessions
        ]
        conference = self.site.conference
        paths, hints = add_talks(
            self.site.folder / day_folder(number),
            talks,
            self.templates,
            day_page=lambda: render_day(
                self.templates, conference, number, sessions[0].start.date(), talks=True
            ),
            dry_run=self.options.dry_run,
        )
        for session, talk, path in zip(sessions, talks, paths, strict=True):
            self.outcome.added.append((session, path))
            if not talk.tags:
                self.outcome.untagged.append(path)
        self.outcome.hints += hints

    def tags_of(self, session: Session) -> list[str]:
        """Tags from the session's kind and track where the vocabulary knows them, plus --tags.

        A track matches a tag by its name or its slug ("Platform Engineering" finds the
        alias ``platform-engineering``); unmatched tracks are reported, so they can be
        added to the vocabulary as aliases.
        """
        resolve = self.tags.vocabulary.resolve
        keys = [key for key in map(resolve, session.kinds) if key]
        if session.track:
            key = resolve(session.track) or resolve(
                page_slug(session.track, max_length=_TRACK_SLUG_LENGTH)
            )
            if key:
                keys.append(key)
            else:
                self.outcome.unmatched_tracks[session.track] += 1
        return list(dict.fromkeys([*keys, *self.extra_tags]))


def _same(key: str, current: object, wanted: FrontMatterValue) -> bool:
    if key == "speakers":
        if isinstance(current, str):
            return current.strip() == ", ".join(wanted or [])
        items = [str(item).strip() for item in current or []] if isinstance(current, list) else []
        return items == list(wanted or [])
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


def _safe_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return checked_url("URL", url)
    except UserError:
        return None
