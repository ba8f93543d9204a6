"""``new-talk``: the next talk page of a day, during the talk, in one command.

Only the title is required; everything given is checked by the build's rules
first (tags, URLs, time), so the page written is one the build accepts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from talknotes.rules.frontmatter import TimeError, parse_time
from talknotes.rules.speakers import split_speakers

from ..authoring.checks import checked_url
from ..authoring.conferences import read_conference
from ..authoring.frontmatter import split_page
from ..authoring.layout import day_talks
from ..authoring.markdown import escape_inline, first_heading
from ..authoring.plaintext import clean_line
from ..authoring.talks import TalkPage, add_talks
from ..errors import UserError
from .options import docs_folder, names, tags_of, templates_of, warn

if TYPE_CHECKING:
    import argparse
    from datetime import datetime


__all__ = ["NAME", "SUMMARY", "add_arguments", "run"]

_CONFERENCE_AND_DAY = 2


NAME = "new-talk"
SUMMARY = "write the next NN-slug.md talk page of a day"


def add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("day", metavar="CONFERENCE/DAY", help="e.g. kubecon-eu-2025/day-1")
    command.add_argument("title", help="the talk's title, as the schedule prints it")
    command.add_argument("--tags", default="", help="comma-separated names from tags.yml")
    command.add_argument(
        "--speakers", default="", help='"Jane Doe (Acme), John Roe"; ";" separates if present'
    )
    command.add_argument("--video", help="recording URL (pending if not given)")
    command.add_argument("--slides", help="slides URL (pending if not given)")
    command.add_argument("--demo", help="demo code URL")
    command.add_argument("--time", help="start, local with offset: 2025-04-01T11:00+01:00")
    command.add_argument("--room", help="the room, as the schedule names it")
    command.add_argument("--number", type=int, help="use this NN instead of the next free one")


def run(arguments: argparse.Namespace) -> int:
    docs = docs_folder(arguments)
    templates = templates_of(arguments)
    slug, day = _conference_and_day(arguments.day, docs)
    index = read_conference(docs, slug).day_index(day)
    title = clean_line(arguments.title)
    if not title:
        raise UserError("the title is empty")
    tags = tags_of(arguments, docs)
    for problem in tags.problems:
        warn(problem)
    page = TalkPage(
        title=title,
        tags=tags.keys(names(arguments.tags)),
        speakers=split_speakers(clean_line(arguments.speakers)),
        time=_time(arguments.time) if arguments.time else None,
        room=clean_line(arguments.room or "") or None,
        video=_url("--video", arguments.video),
        slides=_url("--slides", arguments.slides),
        demo=_url("--demo", arguments.demo),
    )
    _refuse_a_title_twice(index.parent, title)
    if arguments.number is not None and arguments.number < 0:
        raise UserError("--number must not be negative")
    (path,), hints = add_talks(index.parent, [page], templates, number=arguments.number)
    for hint in hints:
        warn(hint)
    if not page.tags:
        warn("no --tags: the build reports a talk without tags until you add one")
    print(path)
    return 0


def _refuse_a_title_twice(day: Path, title: str) -> None:
    """A talk the day has already (the same title, ignoring case) is an error: edit that one."""
    wanted = escape_inline(title).casefold()
    for existing in day_talks(day):
        text = existing.read_text(encoding="utf-8", errors="replace")
        heading = first_heading(split_page(text)[1])
        if heading is not None and heading[1].casefold() == wanted:
            raise UserError(
                f"{existing} has the same title already; edit it, or give another title"
            )


def _conference_and_day(text: str, docs: Path) -> tuple[str, str]:
    """``kubecon/day-1``, or ``docs/kubecon/day-1`` as a shell completes it."""
    parts = [part for part in Path(text).parts if part not in ("", ".")]
    if len(parts) == _CONFERENCE_AND_DAY + 1 and parts[0] == docs.name:
        parts = parts[1:]
    if len(parts) != _CONFERENCE_AND_DAY:
        raise UserError(f"{text!r}: give the day as CONFERENCE/DAY, like kubecon/day-1")
    return parts[0], parts[1]


def _time(text: str) -> datetime:
    try:
        return parse_time(text)
    except TimeError as error:
        raise UserError(f"--time {error}") from None


def _url(option: str, url: str | None) -> str | None:
    return checked_url(option, url) if url else None
