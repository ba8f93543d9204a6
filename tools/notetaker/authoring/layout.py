"""Where pages sit on disk: ``talknotes.rules.layout`` applied to the folders of ``docs/``.

A talk of a day is any page directly in the day's folder but its index; its
number is the ``NN`` of its file name. The build reads the same rule from the
docnames, so the tools and the site agree on which pages are a day's talks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from talknotes.rules.layout import INDEX, SUFFIX, is_index, talk_number

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["MIN_DIGITS", "day_talks", "index_page", "next_number", "number_width"]

#: the digits of a talk number at least: ``01-`` (a day of more talks gets more)
MIN_DIGITS = 2


def index_page(folder: Path) -> Path:
    """The index page of a folder: a conference's or a day's page, or the home page."""
    return folder / f"{INDEX}{SUFFIX}"


def day_talks(day: Path) -> list[Path]:
    """The talks of a day, by file name: every page in its folder but its index."""
    if not day.is_dir():
        return []
    return sorted(path for path in day.glob(f"*{SUFFIX}") if not is_index(path.stem))


def next_number(day: Path) -> int:
    """One more than the highest ``NN`` of the day's talks (1 for a day without talks)."""
    numbers = (talk_number(path.stem) for path in day_talks(day))
    return max((number for number in numbers if number is not None), default=0) + 1


def number_width(day: Path) -> int | None:
    """How many digits the day's talk numbers have (``007-x.md``: 3); None without talks.

    The day page lists its talks by file name, as text: ``100-`` sorts before
    ``11-``, so every number of a day must have as many digits as the largest.
    """
    widths = [
        len(path.stem) - len(path.stem.lstrip("0123456789"))
        for path in day_talks(day)
        if talk_number(path.stem) is not None
    ]
    return max(widths, default=None)
