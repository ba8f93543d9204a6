"""Conferences in ``docs/``: read from their index page, written from the template, listed at home.

What a conference is (its ``conference:`` front matter and its checks) is the
build's rule (``talknotes.rules.frontmatter``); here it is found on disk, and a
broken one is a user error at its file and line.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from talknotes.rules.frontmatter import CONFERENCE_KEYS, key_line
from talknotes.rules.frontmatter import read_conference as read_conference_front_matter
from talknotes.rules.layout import day_folder

from ..errors import UserError, problem_error
from .checks import closest
from .files import read_text
from .frontmatter import page_lines, read_front_matter, yaml_text
from .layout import index_page
from .markdown import escape_inline
from .templates import Markdown
from .toctrees import toctrees

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from talknotes.rules.frontmatter import Conference

    from .templates import Templates

__all__ = [
    "ConferenceSite",
    "check_conference_dates",
    "ensure_home_lists",
    "read_conference",
    "render_conference",
]

_CONFERENCE_KEY = "conference"


@dataclass(frozen=True)
class ConferenceSite:
    """A conference folder in ``docs/`` with what its index page says about it."""

    slug: str
    folder: Path
    conference: Conference

    def dates(self) -> list[date]:
        days = (self.conference.last_day - self.conference.start).days + 1
        return [self.conference.start + timedelta(days=n) for n in range(days)]

    def first_day(self, explicit: int | None) -> int:
        """The number of the first day: ``--first-day``, else 0 if ``day-0`` exists, else 1.

        KubeCon-style sites call the co-located events day "day 0"; the tools count
        from 1 unless the conference was made that way (``new-conference --first-day 0``).
        """
        if explicit is not None:
            return explicit
        return 0 if index_page(self.folder / day_folder(0)).is_file() else 1

    def day_number(self, moment: date, first: int) -> int | None:
        """The number of the day of a date, or None if it lies outside the conference's dates."""
        if not self.conference.start <= moment <= self.conference.last_day:
            return None
        return (moment - self.conference.start).days + first

    def days(self) -> list[Path]:
        """The folders with a day page in the conference's folder, by name."""
        return sorted(
            index.parent for index in self.folder.glob(f"*/{index_page(self.folder).name}")
        )

    def has_day(self, folder: Path) -> bool:
        """Whether ``folder`` is a day of the conference: a folder with a day page directly
        inside the conference's (``..`` or a link to a folder elsewhere is none)."""
        return index_page(folder).is_file() and folder.resolve().parent == self.folder.resolve()

    def day_index(self, name: str) -> Path:
        """The index page of the existing day ``name``; a missing day is a user error.

        A day is a folder directly inside the conference's (``..`` or a link to a
        folder elsewhere is none), so a talk page never lands outside its conference.
        """
        folder = self.folder / _folder_name(name, "day")
        index = index_page(folder)
        if self.has_day(folder):
            return index
        days = [day.name for day in self.days()]
        listed = f" (days: {', '.join(days)})" if days else ""
        hint = closest(name, days, limit=2)
        raise UserError(f"no day page {index}{listed}" + (f"; {hint}" if hint else ""))


def read_conference(docs: Path, slug: str) -> ConferenceSite:
    """The conference ``docs/<slug>/``; a missing page or bad front matter is a user error."""
    index = index_page(docs / _folder_name(slug, "conference"))
    if not index.is_file():
        known = sorted(
            path.parent.name for path in docs.glob(f"*/{index.name}") if _has_conference(path)
        )
        hint = closest(slug, known)
        if not hint and known:
            hint = f"conferences in {docs}: {', '.join(known)}"
        where = f"; {hint}" if hint else ""
        raise UserError(
            f"no conference page {index}{where} (create one with `nox -s new-conference`)"
        )
    text = read_text(index)
    value = read_front_matter(index, text).get(_CONFERENCE_KEY)
    conference, problems = read_conference_front_matter(value)
    if problems:  # the rule reports all that is wrong with the mapping in one problem
        problem = problems[0]
        raise problem_error(problem, index, key_line(text, problem.key or _CONFERENCE_KEY))
    if conference is None:
        raise UserError(f"this page has no `{_CONFERENCE_KEY}:` front matter", index, 1)
    return ConferenceSite(slug, index.parent, conference)


def _folder_name(name: str, what: str) -> str:
    """``name`` if it names one folder (not ``..``, no ``/``): a conference's or a day's."""
    name = name.rstrip("/")
    if name in ("", ".", "..") or "/" in name or "\\" in name:
        raise UserError(f"{name!r} is not the name of a {what} folder")
    return name


def _has_conference(index: Path) -> bool:
    try:
        return _CONFERENCE_KEY in read_front_matter(index)
    except UserError:
        return False


_MAX_CONFERENCE_DAYS = 31


def check_conference_dates(start: date, end: date | None) -> None:
    """``--start`` and ``--end`` of a new conference, checked before its front matter is."""
    if end is not None and end < start:
        raise UserError(f"--end {end} is before --start {start}")
    if end is not None and (end - start).days >= _MAX_CONFERENCE_DAYS:
        raise UserError(
            f"{start} to {end} is more than {_MAX_CONFERENCE_DAYS} days; check --start and --end"
        )


def conference_front_matter(conference: Conference) -> str:
    """The ``conference:`` mapping in the rule's key order, optional keys only when set."""
    values = {
        "name": yaml_text(conference.name),
        "location": conference.location and yaml_text(conference.location),
        "start": conference.start.isoformat(),
        "end": conference.end and conference.end.isoformat(),
        "timezone": conference.timezone and yaml_text(conference.timezone),
        "website": conference.website and yaml_text(conference.website),
    }
    lines = [f"  {key}: {values[key]}" for key in CONFERENCE_KEYS if values[key]]
    return "\n".join([f"{_CONFERENCE_KEY}:", *lines])


def render_conference(
    templates: Templates,
    conference: Conference,
    days: list[str],
    *,
    title: str | None = None,
    intro: str | None = None,
    other_pages: str = "",
) -> str:
    """The conference page from ``conference.md``: front matter, title, intro, days.

    ``title`` and ``intro`` are Markdown (a converted Hugo home page's); by default
    they are the conference's name and a sentence about it, escaped.
    """
    where = f" in {conference.location}" if conference.location else ""
    dates = conference.dates()
    if intro is None:
        intro = escape_inline(f"Notes from {conference.name}{where}, {dates}.")
    return templates.render(
        "conference.md",
        front_matter=Markdown(conference_front_matter(conference)),
        title=Markdown(title if title is not None else escape_inline(conference.name)),
        intro=Markdown(intro),
        name=conference.name,
        location=conference.location or "",
        dates=dates,
        start=conference.start.isoformat(),
        end=conference.last_day.isoformat(),
        days=Markdown("\n".join(days)),
        pages=Markdown(other_pages),
    )


# A home page's list of conferences: a toctree of nothing but conference pages.
_CONFERENCE_ENTRY = re.compile(r"[^/]+/index")


def ensure_home_lists(docs: Path, slug: str, start: date, templates: Templates) -> str:
    """Make the home page list the conference; return what was done, or a hint."""
    home = index_page(docs)
    entry = f"{slug}/index"
    if not home.exists():
        home.write_text(templates.render("home.md"), encoding="utf-8")
        if any(tree.includes(entry) for tree in toctrees(page_lines(read_text(home)))):
            return f"wrote {home}"
        return f"wrote {home}; add {entry} to one of its toctrees"
    lines = page_lines(read_text(home))
    trees = toctrees(lines)
    if any(tree.includes(entry) for tree in trees):
        return f"{home} already lists it"
    listing = next(
        (t for t in trees if t.entries and all(_CONFERENCE_ENTRY.fullmatch(e) for e in t.entries)),
        None,
    )
    if listing is None:
        return f"add {entry} to a toctree in {home}"
    starts = [_listed_start(docs, name) for name in listing.entries]
    ascending = len(starts) > 1 and all(
        a is not None and b is not None and a <= b for a, b in itertools.pairwise(starts)
    )
    position = len(listing.entries)
    for place, other in enumerate(starts):
        if other is not None and (other > start if ascending else other < start):
            position = place
            break
    if position < len(listing.entries):
        line = listing.entry_lines[position]
    else:
        line = listing.entry_lines[-1] + 1
    first = lines[listing.entry_lines[0]]
    lines.insert(line, first[: len(first) - len(first.lstrip())] + entry)
    home.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f"added {entry} to {home}"


def _listed_start(docs: Path, entry: str) -> date | None:
    try:
        return read_conference(docs, entry.removesuffix("/index")).conference.start
    except UserError:
        return None
