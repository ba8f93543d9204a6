"""Sessions of a schedule synced into talk pages, found again by their ``source``.

The schedule owns a page's title, speakers, time and room (and its tags while the
import chose them: ``tracks``); the note-taker owns the rest (tags, buttons, the
abstract, the notes). Re-importing a schedule therefore rewrites only those
values, and only when they changed, so importing the same file twice changes
nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from talknotes.rules.frontmatter import format_time
from talknotes.rules.layout import day_folder

from ..authoring.checks import checked_url
from ..authoring.conferences import ConferenceSite, read_conference
from ..authoring.days import render_day
from ..authoring.frontmatter import read_front_matter
from ..authoring.layout import day_talks, next_number
from ..authoring.talks import TalkPage, add_talks
from ..errors import UserError
from .pages import KnownPage, pages_by_source
from .sessions import format_of, select
from .skip import SkipKind, Skipped, skip_reason
from .tracks import TrackTags

if TYPE_CHECKING:
    import re
    from collections.abc import Callable
    from datetime import datetime
    from pathlib import Path

    from ..authoring.templates import Templates
    from ..authoring.vocabulary import Tags
    from .sessions import Schedule, Session

__all__ = ["ImportOptions", "ImportOutcome", "import_schedule"]


@dataclass
class ImportOutcome:
    """What an import did (or, in a dry run, would do), for the report."""

    added: list[tuple[Session, Path]] = field(default_factory=list)
    updated: list[tuple[Session, Path, list[str]]] = field(default_factory=list)
    unchanged: list[tuple[Session, Path]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    not_selected: list[Session] = field(default_factory=list)
    removed: list[tuple[str, Path]] = field(default_factory=list)
    tracks: TrackTags | None = None
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
    run = _Import(site, site.first_day(options.first_day), templates, options)
    run.outcome.tracks = run.tracks = TrackTags(tags, tags.keys(options.tags))
    known = pages_by_source(site.folder)
    selected, run.outcome.unknown_ids = select(schedule.sessions, options.match, options.ids)
    new: dict[int, list[Session]] = defaultdict(list)
    talks_without_page: dict[int, int] = defaultdict(int)
    total = len(schedule.sessions)
    for done, session in enumerate(schedule.sessions, 1):
        if progress:
            progress(done, total)
        pages = known.get(session.source, [])
        if len(pages) > 1:
            run.outcome.hints.append(
                f"{session.source} is the source of {len(pages)} pages: "
                + ", ".join(str(page.path) for page in pages)
            )
        for page in pages:
            run.sync(session, page)
        day = None if pages else run.place(session)
        if day is not None:
            talks_without_page[day] += 1
            if session.source in selected:
                new[day].append(session)
            else:
                run.outcome.not_selected.append(session)
    for day, sessions in sorted(new.items()):
        run.add_day(day, sessions, talks_without_page[day])

    in_file = {session.source for session in schedule.sessions}
    for source, pages in sorted(known.items()):
        if source.startswith(f"{schedule.system}:") and source not in in_file:
            run.outcome.removed += [(source, page.path) for page in pages]
    return run.outcome


@dataclass
class _Import:
    """One import run: the conference, its templates, and what happened so far."""

    site: ConferenceSite
    first: int
    templates: Templates
    options: ImportOptions
    tracks: TrackTags = field(init=False)
    outcome: ImportOutcome = field(default_factory=ImportOutcome)

    def place(self, session: Session) -> int | None:
        """The number of the day of a session that is a talk, or None (and why not)."""
        skip = skip_reason(session)
        if skip:
            self.outcome.skipped.append(Skipped(session, *skip))
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

    def sync(self, session: Session, page: KnownPage) -> None:
        """Bring the schedule-owned values of an existing page up to date."""
        changes = page.changes(session)
        if self.tracks.unsorted(page.tags()):
            wanted = self.tracks.or_fallback(self.tracks.of(session), dry_run=self.options.dry_run)
            if wanted != page.tags():
                changes["tags"] = wanted
        day = self.site.day_number(session.start.date(), self.first)
        folder = page.path.parent
        if day is not None and folder.parent == self.site.folder and folder.name != day_folder(day):
            self.outcome.hints.append(
                f"{page.path}: the session moved to {session.start.date()} ({day_folder(day)}); "
                "the page stays where it is: move it by hand if you want"
            )
        if not changes:
            self.outcome.unchanged.append((session, page.path))
            return
        self.outcome.updated.append((session, page.path, list(changes)))
        if not self.options.dry_run:
            page.path.write_bytes(page.rewritten(changes).encode("utf-8"))

    def add_day(self, number: int, sessions: list[Session], day_total: int) -> None:
        """New pages for a day's sessions, numbered after the day's last talk, in time order.

        The numbers get as many digits as the day needs for all its sessions in the
        schedule (``day_total`` without a page), selected now or not.
        """
        folder = self.site.folder / day_folder(number)
        talks = [
            TalkPage(
                title=session.title,
                tags=self.tracks.or_fallback(self.tracks.of(session), dry_run=self.options.dry_run),
                speakers=list(session.speakers),
                time=session.start,
                room=session.room,
                format=format_of(session.kinds)[0],
                sponsored=format_of(session.kinds)[1],
                source=session.source,
                abstract=session.abstract,
                schedule_url=_safe_url(session.url),
            )
            for session in sessions
        ]
        later = _latest_time(folder)
        if later is not None and sessions[0].start < later:
            self.outcome.hints.append(
                f"{folder}: new talks from {format_time(sessions[0].start)} come after the "
                f"day's pages (one starts at {format_time(later)}): the day lists its talks by "
                "file name; rename them if you want them in time order"
            )
        conference = self.site.conference
        paths, hints = add_talks(
            folder,
            talks,
            self.templates,
            room_for=next_number(folder) - 1 + day_total,
            day_page=lambda: render_day(
                self.templates, conference, number, sessions[0].start.date(), talks=True
            ),
            dry_run=self.options.dry_run,
        )
        self.outcome.added += zip(sessions, paths, strict=True)
        self.outcome.hints += hints


def _latest_time(day: Path) -> datetime | None:
    """The latest ``time`` among the day's existing talk pages, if any has one."""
    times = []
    for path in day_talks(day):
        try:
            moment = KnownPage(path, "", read_front_matter(path)).time()
        except UserError:  # a page the note-taker is editing: it only misses the hint
            continue
        if moment is not None and moment.tzinfo is not None:
            times.append(moment)
    return max(times, default=None)


def _safe_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return checked_url("URL", url)
    except UserError:
        return None
