"""What a conference, a day and a talk are, by where a page sits in ``docs/``.

The authoring format: a conference is a folder whose ``index.md`` has
``conference:`` front matter; its days are the folders directly inside it; a talk
is any other page directly inside a day folder, named ``NN-slug.md`` by
convention (``NN`` orders a day's talks). A talk belongs to the nearest
conference above it. Pages are named by their docname: the path without ``.md``.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Container

__all__ = [
    "INDEX",
    "TalkPlace",
    "conference_of",
    "day_folder",
    "folder_of",
    "is_index",
    "page_named",
    "place_talk",
    "talk_file_name",
    "talk_number",
    "talk_slug",
]

INDEX = "index"
SUFFIX = ".md"
_NUMBERED = re.compile(r"(?P<number>\d+)-(?P<slug>.+)")


@dataclass(frozen=True)
class TalkPlace:
    """The conference folder and day folder a talk page sits in."""

    conference: str
    day: str


def is_index(docname: str) -> bool:
    return docname == INDEX or docname.endswith("/" + INDEX)


def folder_of(docname: str) -> str:
    """The folder of a page (``""`` for pages at the root)."""
    return docname.rpartition("/")[0]


def conference_of(docname: str, conferences: Container[str]) -> str | None:
    """The folder of the nearest conference above the page (its own, for an index)."""
    folder = folder_of(docname)
    while folder not in conferences:
        if not folder:
            return None
        folder = folder_of(folder)
    return folder


def place_talk(docname: str, conferences: Container[str]) -> TalkPlace | None:
    """Where the talk ``docname`` sits, or None if the page is no talk.

    ``conferences`` are the folders of the conference pages (``kubecon-eu-2025``).
    """
    conference = conference_of(docname, conferences)
    day = folder_of(docname)
    if is_index(docname) or conference is None or folder_of(day) != conference or day == "":
        return None
    return TalkPlace(conference, day)


def page_named(docname: str, entry: str) -> str | None:
    """The page an entry names from ``docname``, as toctrees read it: relative to its
    folder, or from the root with a leading ``/``; ``.md`` optional. None outside the site."""
    entry = entry.strip().removesuffix(SUFFIX)
    joined = (
        entry.lstrip("/") if entry.startswith("/") else posixpath.join(folder_of(docname), entry)
    )
    name = posixpath.normpath(joined) if joined else ""
    if not name or name == "." or name.startswith(("../", "/")) or name == "..":
        return None
    return name


def talk_number(stem: str) -> int | None:
    """The ``NN`` of a talk's file name (without ``.md``), or None if it has none."""
    match = _NUMBERED.fullmatch(stem)
    return int(match["number"]) if match else None


def talk_slug(stem: str) -> str:
    """A talk file name without its ``NN-`` (the slug of its title)."""
    match = _NUMBERED.fullmatch(stem)
    return match["slug"] if match else stem


def talk_file_name(number: int, slug: str, *, digits: int = 2) -> str:
    """``07-platform-abstractions.md``: ``digits`` digits at least, so names sort by number.

    Two digits serve a day of up to 99 talks; a day with more needs more.
    """
    return f"{number:0{digits}d}-{slug}{SUFFIX}"


def day_folder(number: int) -> str:
    """``day-1``: the folder the tools make for a conference's day ``number``."""
    return f"day-{number}"
