"""Day pages: written from the template, and made to list their talks once they have some."""

from __future__ import annotations

from typing import TYPE_CHECKING

from talknotes.rules.layout import SUFFIX

from .files import read_text
from .frontmatter import page_lines
from .templates import Markdown, Templates
from .toctrees import toctrees

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from talknotes.rules.frontmatter import Conference


__all__ = ["ensure_day_lists_talks", "long_date", "render_day", "talks_toctree"]

_TALKS_TEMPLATE = "day-talks.md"


def long_date(day: date) -> str:
    """``Tuesday 1 April 2025``."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def render_day(
    templates: Templates, conference: Conference, number: int, day: date | None, *, talks: bool
) -> str:
    """Day ``number`` from ``day.md``; with ``talks``, its list of talks (``day-talks.md``).

    The conference's name is plain text: the template gets it escaped.
    """
    return templates.render(
        "day.md",
        title=f"Day {number}",
        number=str(number),
        date=day.isoformat() if day else "",
        date_long=long_date(day) if day else "",
        conference=conference.name,
        talks=Markdown(talks_toctree(templates) if talks else ""),
    )


def talks_toctree(templates: Templates) -> str:
    """The list of a day's talks (``day-talks.md``), which a day page gets with its first talk."""
    return templates.render(_TALKS_TEMPLATE)


def ensure_day_lists_talks(day_index: Path, talk_name: str, templates: Templates) -> str | None:
    """Make the day page list its talks; return a hint if only the note-taker can.

    A day page gets its talks toctree (``day-talks.md``) with its first talk, as an
    empty glob would be a build warning. A day page whose own toctree does not
    cover the talk is left alone: the hint says what to add.
    """
    text = read_text(day_index)
    trees = toctrees(page_lines(text))
    docname = talk_name.removesuffix(SUFFIX)
    if any(tree.includes(docname) for tree in trees):
        return None
    if trees:
        return f"add {docname} to the toctree of {day_index}"
    day_index.write_text(text.rstrip("\n") + "\n\n" + talks_toctree(templates), encoding="utf-8")
    return None
