"""``new-conference``: the conference page and one day page per date, before the conference.

Nothing that exists is overwritten: every file is checked before the first is written.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from talknotes.rules.frontmatter import Conference, is_time_zone
from talknotes.rules.layout import INDEX, day_folder
from talknotes.rules.slugs import SLUG

from ..authoring.checks import checked_url
from ..authoring.conferences import (
    ConferenceSite,
    check_conference_dates,
    ensure_home_lists,
    render_conference,
)
from ..authoring.days import render_day
from ..authoring.layout import index_page
from ..authoring.plaintext import clean_line
from ..errors import UserError
from .options import docs_folder, iso_date, templates_of

if TYPE_CHECKING:
    import argparse


__all__ = ["NAME", "SUMMARY", "add_arguments", "run"]


NAME = "new-conference"
SUMMARY = "write a conference page and one page per day"


def add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("slug", help="the conference's folder, e.g. kubecon-eu-2026")
    command.add_argument("--name", required=True, help="the conference's full name")
    command.add_argument("--start", required=True, type=iso_date, help="YYYY-MM-DD")
    command.add_argument("--end", type=iso_date, help="YYYY-MM-DD (default: --start)")
    command.add_argument("--location", help="e.g. London, UK")
    command.add_argument("--website", help="the conference's web site")
    command.add_argument(
        "--timezone",
        help="the venue's time zone, e.g. Europe/Amsterdam: the clock import-schedule uses",
    )
    command.add_argument(
        "--first-day", type=int, default=1, help="number of the first day folder (default 1)"
    )


def run(arguments: argparse.Namespace) -> int:
    docs = docs_folder(arguments)
    templates = templates_of(arguments)
    slug = arguments.slug.strip("/")
    if not SLUG.fullmatch(slug):
        raise UserError(f"{slug!r}: a conference folder is a lowercase slug, like kubecon-eu-2026")
    folder = docs / slug
    if index_page(folder).exists():
        raise UserError("exists already; not overwritten", index_page(folder))
    start, end = arguments.start, arguments.end
    check_conference_dates(start, end)
    if arguments.first_day < 0:
        raise UserError("--first-day must not be negative")
    name = clean_line(arguments.name)
    if not name:
        raise UserError("--name is empty")
    website = checked_url("--website", arguments.website) if arguments.website else None
    location = clean_line(arguments.location or "") or None
    timezone = (arguments.timezone or "").strip() or None
    if timezone is not None and not is_time_zone(timezone):
        raise UserError(f"--timezone {timezone!r} is not a time zone name like Europe/Amsterdam")
    conference = Conference(
        name, start, end if end != start else None, location, website, timezone=timezone
    )
    site = ConferenceSite(slug, folder, conference)
    days = [(arguments.first_day + offset, day) for offset, day in enumerate(site.dates())]
    day_pages = {index_page(folder / day_folder(number)): (number, day) for number, day in days}
    clashes = [path for path in day_pages if path.exists()]
    if clashes:
        raise UserError(f"exists already; not overwritten: {', '.join(map(str, clashes))}")

    text = render_conference(
        templates, conference, [f"{day_folder(number)}/{INDEX}" for number, _ in days]
    )
    rendered_days = {
        path: render_day(templates, conference, number, day, talks=False)
        for path, (number, day) in day_pages.items()
    }
    folder.mkdir(parents=True, exist_ok=True)
    index_page(folder).write_text(text, encoding="utf-8")
    for path, day_text in rendered_days.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(day_text, encoding="utf-8")
    print(index_page(folder))
    for path in rendered_days:
        print(path)
    print(ensure_home_lists(docs, slug, start, templates), file=sys.stderr)
    return 0
