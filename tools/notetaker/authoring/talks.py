"""Talk pages: the one place that composes a talk page, and the one that adds talks to a day.

``new-talk``, ``import-schedule``, ``import-hugo`` and the benchmarks' synthetic
sites all write talk pages through `render_talk`, from the ``talk.md`` template;
the two commands that make new pages add them to their day through `add_talks`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from talknotes.rules.frontmatter import format_time
from talknotes.rules.layout import talk_file_name
from talknotes.rules.slugs import slugify

from ..errors import UserError
from .days import ensure_day_lists_talks
from .files import read_text
from .frontmatter import render_front_matter
from .layout import MIN_DIGITS, index_page, next_number, number_width
from .markdown import escape_block, escape_inline
from .plaintext import clean_line
from .templates import Markdown

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from datetime import datetime
    from pathlib import Path

    from talknotes.rules.speakers import Speaker

    from .frontmatter import FrontMatterValue
    from .templates import Templates

__all__ = ["TalkPage", "add_talks", "page_slug", "render_talk"]

_TEMPLATE = "talk.md"
_NEW_NOTES_TEMPLATE = "talk-notes.md"
_NOTES = "notes"
#: the longest slug in a file name the tools make, so names stay readable in a listing
_SLUG_LENGTH = 40
_NO_SLUG = "talk"
_DIGEST_LENGTH = 6


@dataclass
class TalkPage:
    """What a talk page says; the template decides where each part goes."""

    title: str
    tags: list[str] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    time: datetime | None = None
    room: str | None = None
    source: str | None = None
    #: the session format (``rules.formats``) and a sponsored slot, from the schedule
    format: str | None = None
    sponsored: bool = False
    video: str | None = None
    slides: str | None = None
    demo: str | None = None
    abstract: str = ""
    schedule_url: str | None = None
    notes: str | None = None
    """The page's notes; None for a new page, which gets the sections of ``talk-notes.md``."""
    pending: bool = True
    """Show ``{video}`` and ``{slides}`` without a URL as pending (False: the notes have theirs)."""

    def front_matter(self) -> dict[str, FrontMatterValue]:
        return {
            "tags": self.tags,
            "speakers": [str(speaker) for speaker in self.speakers],
            "time": format_time(self.time) if self.time else None,
            "room": self.room or None,
            "format": self.format,
            "sponsored": self.sponsored,
            "source": self.source,
        }


def render_talk(templates: Templates, page: TalkPage) -> str:
    """The talk page from ``talk.md``: front matter, title, resources, abstract, notes."""
    keeps_notes = _NOTES in templates.placeholders(_TEMPLATE)
    notes = page.notes
    if notes is None:
        notes = templates.render(_NEW_NOTES_TEMPLATE) if keeps_notes else ""
    elif notes.strip() and not keeps_notes:
        raise UserError(
            f"has no ${{{_NOTES}}}: the notes of the page would be lost; add it to the template",
            templates.folder / _TEMPLATE,
        )
    return templates.render(
        _TEMPLATE,
        front_matter=Markdown(render_front_matter(page.front_matter())),
        title=Markdown(escape_inline(page.title)),
        resources=Markdown(_resource_blocks(page)),
        abstract=Markdown(_abstract_block(page.abstract, page.schedule_url)),
        notes=Markdown(notes),
    )


def _resource_blocks(page: TalkPage) -> str:
    """Video and slides (pending without a URL, on a new page), then the demo if there is one."""
    resources = [("video", page.video), ("slides", page.slides), ("demo", page.demo)]
    blocks = [
        f"```{{{kind}}} {url or ''}".rstrip() + "\n```"
        for kind, url in resources
        if url or (page.pending and kind != "demo")
    ]
    return "\n\n".join(blocks)


def _abstract_block(abstract: str, url: str | None) -> str:
    """The abstract in a collapsed sphinx-design dropdown, escaped so it stays text."""
    body = escape_block(abstract)
    if url:
        body = f"{body}\n\nSchedule entry: <{url}>".strip()
    return f":::{{dropdown}} Abstract\n{body}\n:::" if body else ""


def page_slug(text: str, max_length: int = _SLUG_LENGTH) -> str:
    """The slug of a page's file name: a title's words, transliterated, cut at a word.

    A title with nothing to transliterate (emoji, a script the table lacks) gets
    ``talk-`` and a short digest of the title, so two such titles never share a slug.
    """
    slug = slugify(text, max_length=max_length)
    if slug:
        return slug
    digest = hashlib.sha256(clean_line(text).encode("utf-8")).hexdigest()[:_DIGEST_LENGTH]
    return f"{_NO_SLUG}-{digest}"


def add_talks(
    day: Path,
    talks: Sequence[TalkPage],
    templates: Templates,
    *,
    number: int | None = None,
    room_for: int = 0,
    day_page: Callable[[], str] | None = None,
    dry_run: bool = False,
) -> tuple[list[Path], list[str]]:
    """Write new talk pages into a day and make the day page list them.

    The talks are numbered in the order given, from ``number`` or after the day's
    last talk, and named after their titles (``07-platform-abstractions.md``),
    with as many digits as the day's largest number needs, counting ``room_for``
    talks the day will hold (a schedule's whole day), so names sort in number
    order. A day without its page gets ``day_page()``. Nothing is ever
    overwritten. Returns the pages (also in a dry run, which writes nothing) and
    hints for what only the note-taker can do.
    """
    first = next_number(day) if number is None else number
    digits, hint = _digits(day, max(first + len(talks) - 1, room_for))
    files: list[tuple[Path, str]] = []
    for offset, talk in enumerate(talks):
        path = day / talk_file_name(first + offset, page_slug(talk.title), digits=digits)
        if path.exists():
            choose = " (choose another --number)" if number is not None else ""
            raise UserError(f"exists already; not overwritten{choose}", path)
        files.append((path, render_talk(templates, talk)))
    paths = [path for path, _ in files]
    index = index_page(day)
    if dry_run:
        return paths, [hint] if hint else []
    if index.exists():
        read_text(index)  # a day page that cannot be read stops here, before any talk is written
    else:
        if day_page is None:
            raise UserError("no day page to add the talks to", index)
        day.mkdir(parents=True, exist_ok=True)
        index.write_text(day_page(), encoding="utf-8")
    for path, text in files:
        path.write_text(text, encoding="utf-8")
    hints = [hint, *(ensure_day_lists_talks(index, path.name, templates) for path in paths)]
    return paths, [hint for hint in hints if hint]


def _digits(day: Path, last: int) -> tuple[int, str | None]:
    """The digits of new talk numbers up to ``last``, and a hint if the day's are too few."""
    needed = len(str(last))
    width = number_width(day)
    if width is None:
        return max(MIN_DIGITS, needed), None
    if width >= needed:  # a day named 1-, 2- by hand goes on with one digit while it can
        return width, None
    return needed, (
        f"{day}: talk {last} needs {needed} digits, and the day's pages have {width}: the "
        f"day page lists talks by file name, so {last:0{needed}d}-… comes before "
        f"{1 + 10 ** (width - 1):0{width}d}-…; rename the day's pages to {needed} digits "
        f"({1:0{width}d}-… to {1:0{needed}d}-…) to keep them in order"
    )
