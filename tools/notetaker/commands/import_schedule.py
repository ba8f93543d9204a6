"""``import-schedule``: stub pages from a downloaded schedule, and the report of what it did.

The report counts every session of the file in one of its rows, so the
note-taker can tell at a glance that nothing was dropped without a reason.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UserError
from ..schedule.importer import ImportOptions, SkipKind, import_schedule
from ..schedule.load import load_schedule
from ..schedule.sessions import read_ids
from .options import docs_folder, names, tags_of, templates_of, warn

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from ..schedule.importer import ImportOutcome, Skipped
    from ..schedule.sessions import Schedule

__all__ = ["NAME", "SUMMARY", "add_arguments", "run"]

_PROGRESS_EVERY = 25
_LIST_LIMIT = 20
_TRACKS_SHOWN = 8
_SYSTEMS = {"sched": "Sched", "pretalx": "pretalx"}


NAME = "import-schedule"
SUMMARY = "create or update talk pages from a Sched .ics or pretalx schedule.json"


def add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("conference", help="the conference's folder in docs/")
    command.add_argument("file", type=Path, help="all.ics from Sched or schedule.json from pretalx")
    command.add_argument("--timezone", help="the event's time zone, e.g. Europe/London")
    command.add_argument("--match", help="only sessions whose title or speakers match this regex")
    command.add_argument("--ids", type=Path, help="file listing the sessions to import, one a line")
    command.add_argument("--tags", default="", help="tags to add to every new page")
    command.add_argument("--first-day", type=int, help="number of the first day folder")
    command.add_argument("--dry-run", action="store_true", help="report, write nothing")
    command.add_argument("-v", "--verbose", action="store_true", help="list every page")


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
    loaded = load_schedule(arguments.file, arguments.timezone)
    for problem in loaded.problems:
        warn(problem)
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
    elapsed = time.perf_counter() - started
    print(_report(arguments, loaded, outcome, elapsed, tags.path.name))
    return 0


def _progress() -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if done % _PROGRESS_EVERY == 0 or done == total:
            end = "\n" if done == total else ""
            print(f"\r  {done}/{total} sessions", end=end, file=sys.stderr, flush=True)

    return show


def _report(
    arguments: argparse.Namespace,
    loaded: Schedule,
    outcome: ImportOutcome,
    elapsed: float,
    vocabulary: str,
) -> str:
    verb = "would be " if arguments.dry_run else ""
    lines = [
        f"{_SYSTEMS[loaded.system]} schedule {arguments.file}: {len(loaded.sessions)} entries, "
        f"times in {loaded.timezone}" + (" (dry run: nothing written)" if arguments.dry_run else "")
    ]
    reasons = _reasons(outcome.skipped)
    rows = [
        ("added", len(outcome.added), ""),
        ("updated", len(outcome.updated), ""),
        ("unchanged", len(outcome.unchanged), ""),
        ("skipped", len(outcome.skipped), f"  ({reasons})" if reasons else ""),
        ("not selected", len(outcome.not_selected), ""),
        (
            "removed from schedule",
            len(outcome.removed),
            "  (pages kept)" if outcome.removed else "",
        ),
    ]
    lines += [f"  {label:<22}{count:>5}{extra}" for label, count, extra in rows]
    if arguments.verbose or len(outcome.added) <= _LIST_LIMIT:
        lines += [f"  {verb}added    {path}" for _, path in outcome.added]
    lines += [
        f"  {verb}updated  {path}: {', '.join(fields)}" for _, path, fields in outcome.updated
    ]
    lines += [
        f"  removed  {path}: {source} is not in this file (removed from the schedule, or "
        "from another schedule file); the page is kept"
        for source, path in outcome.removed
    ]
    if arguments.verbose:
        lines += [
            f"  skipped  {skip.session.start:%Y-%m-%d %H:%M} {skip.session.title!r}: {skip.reason}"
            for skip in outcome.skipped
        ]
    for entry in outcome.unknown_ids:
        lines.append(f"  warning: {arguments.ids}: {entry!r} is no session of this schedule")
    if outcome.untagged:
        tracks = ", ".join(
            f"{t!r} ({n})" for t, n in outcome.unmatched_tracks.most_common(_TRACKS_SHOWN)
        )
        lines.append(
            f"  warning: {len(outcome.untagged)} new pages have no tag (the build requires one): "
            f"add tags by hand, pass --tags, or add the tracks to {vocabulary} as aliases"
            + (f"; tracks without a tag: {tracks}" if tracks else "")
        )
    lines += [f"  note: {hint}" for hint in outcome.hints]
    lines.append(f"  took {elapsed:.2f} s")
    return "\n".join(lines)


def _reasons(skipped: list[Skipped]) -> str:
    """``not talks: 4; outside the conference's dates: 2``: the skipped sessions by kind."""
    counts = Counter(skip.kind for skip in skipped)
    return "; ".join(f"{kind.value}: {counts[kind]}" for kind in SkipKind if counts[kind])
