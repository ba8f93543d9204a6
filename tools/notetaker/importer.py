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
from typing import TYPE_CHECKING

from . import pages
from .errors import UserError
from .schedule import not_a_talk, select

if TYPE_CHECKING:
    import re
    from collections.abc import Callable
    from pathlib import Path

    from talknotes.vocabulary import Vocabulary

    from .schedule import Schedule, Session

__all__ = ["ImportOutcome", "import_schedule"]

OWNED_KEYS = ("speakers", "time", "room")


@dataclass
class ImportOutcome:
    """What an import did (or, in a dry run, would do), for the report."""

    added: list[tuple[Session, Path]] = field(default_factory=list)
    updated: list[tuple[Session, Path, list[str]]] = field(default_factory=list)
    unchanged: list[tuple[Session, Path]] = field(default_factory=list)
    skipped: list[tuple[Session, str]] = field(default_factory=list)
    not_selected: list[Session] = field(default_factory=list)
    removed: list[tuple[str, Path]] = field(default_factory=list)
    untagged: list[Path] = field(default_factory=list)
    unmatched_tracks: Counter[str] = field(default_factory=Counter)
    unknown_ids: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ImportOptions:
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
    templates: pages.Templates,
    progress: Callable[[int, int], None] | None = None,
) -> ImportOutcome:
    """Add pages for new selected sessions and update the schedule-owned values of known ones."""
    site = pages.read_conference(docs, slug)
    vocabulary, _ = pages.load_tags(docs)
    run = _Import(
        site=site,
        first=pages.first_day_number(site, options.first_day),
        vocabulary=vocabulary,
        extra_tags=pages.check_tags(vocabulary, options.tags, docs),
        templates=templates,
        options=options,
    )
    known = _pages_by_source(site.folder)
    selected, run.outcome.unknown_ids = select(schedule.sessions, options.match, options.ids)
    new: dict[str, list[Session]] = defaultdict(list)
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
    for path in sorted(folder.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if "source" not in text:
            continue
        source = pages.read_front_matter(path, text).get("source")
        if isinstance(source, str) and source.strip():
            found[source.strip()].append(path)
    return found


def schedule_values(session: Session) -> dict[str, pages.FrontMatterValue]:
    return {
        "speakers": [str(speaker) for speaker in session.speakers],
        "time": pages.format_time(session.start),
        "room": session.room,
    }


@dataclass
class _Import:
    """One import run: the conference, its vocabulary, and what happened so far."""

    site: pages.ConferenceSite
    first: int
    vocabulary: Vocabulary
    extra_tags: list[str]
    templates: pages.Templates
    options: ImportOptions
    outcome: ImportOutcome = field(default_factory=ImportOutcome)

    def place(self, session: Session, selected: set[str]) -> str | None:
        """The day folder of a session that gets a new page, or None (and why not)."""
        reason = not_a_talk(session)
        if reason:
            self.outcome.skipped.append((session, reason))
            return None
        if session.source not in selected:
            self.outcome.not_selected.append(session)
            return None
        day = pages.day_for(self.site, session.start.date(), self.first)
        if day is None:
            dates = f"{self.site.conference.start} to {self.site.last_day}"
            self.outcome.skipped.append(
                (session, f"on {session.start.date()}, outside the conference ({dates})")
            )
        return day

    def sync(self, session: Session, path: Path) -> None:
        """Bring the schedule-owned values of an existing page up to date."""
        text = path.read_text(encoding="utf-8")
        current = pages.read_front_matter(path, text)
        wanted = schedule_values(session)
        changed = [key for key in OWNED_KEYS if not _same(key, current.get(key), wanted[key])]
        title = pages.escape_inline(session.title)
        heading = pages.first_heading(pages.split_front_matter(text)[1])
        if heading is None or heading[1] != title:
            changed.insert(0, "title")
        day = pages.day_for(self.site, session.start.date(), self.first)
        folder = path.parent
        if day is not None and folder.parent == self.site.folder and folder.name != day:
            self.outcome.hints.append(
                f"{path}: the session moved to {session.start.date()} ({day}); "
                "the page stays where it is: move it by hand if you want"
            )
        if not changed:
            self.outcome.unchanged.append((session, path))
            return
        self.outcome.updated.append((session, path, changed))
        if self.options.dry_run:
            return
        values = {key: wanted[key] for key in changed if key != "title"}
        new_text = pages.update_front_matter(text, values) if values else text
        if "title" in changed:
            new_text = pages.set_title(new_text, title)
        path.write_text(new_text, encoding="utf-8")

    def add_day(self, day: str, sessions: list[Session]) -> None:
        """New pages for a day's sessions, numbered after the day's last talk, in time order."""
        folder = self.site.folder / day
        index = folder / "index.md"
        number = pages.next_number(folder)
        written = []
        for session in sessions:
            tags = self.tags(session)
            path = folder / pages.talk_file_name(number, pages.slugify(session.title))
            number += 1
            if path.exists():  # only if the folder changed under us
                raise UserError("already exists; not overwritten", path)
            page = pages.TalkPage(
                title=session.title,
                tags=tags,
                speakers=list(session.speakers),
                time=session.start,
                room=session.room,
                source=session.source,
                abstract=session.abstract,
                schedule_url=_safe_url(session.url),
            )
            self.outcome.added.append((session, path))
            if not tags:
                self.outcome.untagged.append(path)
            written.append((path, pages.render_talk(self.templates, page)))
        if self.options.dry_run:
            return
        folder.mkdir(parents=True, exist_ok=True)
        if not index.exists():
            number = int(day.removeprefix("day-"))
            text = pages.render_day(
                self.templates, self.site, number, sessions[0].start.date(), talks=True
            )
            index.write_text(text, encoding="utf-8")
        for path, text in written:
            path.write_text(text, encoding="utf-8")
        for path, _ in written:
            hint = pages.ensure_day_lists_talks(index, path.name, self.templates)
            if hint:
                self.outcome.hints.append(hint)

    def tags(self, session: Session) -> list[str]:
        """Tags from the session's kind and track where the vocabulary knows them, plus --tags.

        A track matches a tag by its name or its slug ("Platform Engineering" finds the
        alias ``platform-engineering``); unmatched tracks are reported, so they can be
        added to ``tags.yml`` as aliases.
        """
        resolve = self.vocabulary.resolve
        keys = [key for key in map(resolve, session.kinds) if key]
        if session.track:
            key = resolve(session.track) or resolve(pages.slugify(session.track, max_length=80))
            if key:
                keys.append(key)
            else:
                self.outcome.unmatched_tracks[session.track] += 1
        return list(dict.fromkeys([*keys, *self.extra_tags]))


def _same(key: str, current: object, wanted: pages.FrontMatterValue) -> bool:
    if key == "speakers":
        if isinstance(current, str):
            return current.strip() == ", ".join(wanted or [])
        items = [str(item).strip() for item in current or []]
        return items == list(wanted or [])
    if key == "time":
        return _same_time(current, wanted)
    text = str(current).strip() if current is not None else None
    return (text or None) == wanted


def _same_time(current: object, wanted: object) -> bool:
    if current is None or wanted is None:
        return current is wanted
    try:
        moment = current if isinstance(current, datetime) else datetime.fromisoformat(str(current))
        target = datetime.fromisoformat(str(wanted))
    except ValueError:
        return False
    return moment.tzinfo is not None and (moment, moment.utcoffset()) == (
        target,
        target.utcoffset(),
    )


def _safe_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return pages.checked_url("URL", url)
    except UserError:
        return None
