"""``import-schedule``: stub pages from a downloaded schedule, and the report of what it did.

Times are shown on the conference's clock: ``--timezone``, else the conference
page's ``timezone:``, else the zone the file names. A file in UTC for a
conference without a zone is imported in UTC, with a warning that says how to
fix it (a re-import then corrects every time).
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ..authoring.conferences import read_conference
from ..authoring.layout import index_page
from ..errors import UserError
from ..schedule.importer import ImportOptions, import_schedule
from ..schedule.load import load_schedule
from ..schedule.report import ReportOptions, format_report
from ..schedule.sessions import UTC_NAMES, read_ids
from .options import docs_folder, names, tags_of, templates_of, warn

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

__all__ = ["NAME", "SUMMARY", "add_arguments", "run"]

_PROGRESS_EVERY = 25


NAME = "import-schedule"
SUMMARY = "create or update talk pages from a Sched .ics or pretalx schedule.json"


def add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("conference", help="the conference's folder in docs/")
    command.add_argument("file", type=Path, help="all.ics from Sched or schedule.json from pretalx")
    command.add_argument(
        "--timezone",
        help="the event's time zone, e.g. Europe/Amsterdam (default: the conference page's "
        "timezone, else the file's)",
    )
    command.add_argument("--match", help="only sessions whose title or speakers match this regex")
    command.add_argument("--ids", type=Path, help="file listing the sessions to import, one a line")
    command.add_argument("--tags", default="", help="tags to add to every new page")
    command.add_argument("--first-day", type=int, help="number of the first day folder")
    command.add_argument("--dry-run", action="store_true", help="report, write nothing")
    command.add_argument(
        "-v", "--verbose", action="store_true", help="list every page and every skipped entry"
    )


def run(arguments: argparse.Namespace) -> int:
    started = time.perf_counter()
    docs = docs_folder(arguments)
    templates = templates_of(arguments)
    match = None
    if arguments.match:
        try:
            match = re.compile(arguments.match, re.IGNORECASE)
        except re.error as error:
            raise UserError(
                f"--match {arguments.match!r} is not a regular expression: {error}"
            ) from None
    ids = read_ids(arguments.ids) if arguments.ids else None
    site = read_conference(docs, arguments.conference)
    zone = arguments.timezone or site.conference.timezone
    where = "--timezone" if arguments.timezone else f"{index_page(site.folder)}: timezone"
    loaded = load_schedule(arguments.file, zone, where)
    for problem in loaded.problems:
        warn(problem)
    if zone is None and loaded.timezone in UTC_NAMES:
        warn(
            f"{arguments.file}: the times are in UTC ({loaded.declared}) and "
            f"{index_page(site.folder)} names no time zone, so pages get UTC times; add "
            "`timezone: <the venue's zone, like Europe/Amsterdam>` under `conference:` there "
            "(or pass --timezone) and import again: every time is then corrected"
        )
    options = ImportOptions(
        match=match,
        ids=ids,
        tags=tuple(names(arguments.tags)),
        first_day=arguments.first_day,
        dry_run=arguments.dry_run,
    )
    tags = tags_of(arguments, docs)
    outcome = import_schedule(
        docs,
        arguments.conference,
        loaded,
        options=options,
        templates=templates,
        tags=tags,
        progress=_progress(),
    )
    report = ReportOptions(
        file=arguments.file,
        vocabulary=tags.path,
        ids=arguments.ids,
        dry_run=arguments.dry_run,
        verbose=arguments.verbose,
    )
    print(format_report(loaded, outcome, report, time.perf_counter() - started))
    return 0


def _progress() -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if done % _PROGRESS_EVERY == 0 or done == total:
            end = "\n" if done == total else ""
            print(f"\r  {done}/{total} sessions", end=end, file=sys.stderr, flush=True)

    return show
