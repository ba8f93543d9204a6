"""The command line: ``python -m tools.notetaker <subcommand> ...`` (the nox sessions call it).

Errors in what the note-taker typed or downloaded are one line on stderr, with the
file and line where known, and exit code 2; they never show a traceback.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import time
from datetime import date
from pathlib import Path

from talknotes.frontmatter import Conference

from . import hugo, importer, pages, schedule
from .errors import UserError

__all__ = ["main"]

PROGRAM = "notetaker"
USER_ERROR = 2
_PROGRESS_EVERY = 25
_LIST_LIMIT = 20


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        return arguments.run(arguments)
    except UserError as error:
        print(f"{PROGRAM}: error: {error}", file=sys.stderr)
        return USER_ERROR
    except KeyboardInterrupt:
        print(f"{PROGRAM}: interrupted", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tools.notetaker",
        description="The note-taker's tools: new talk and conference pages, schedule and "
        "Hugo imports. Run from the repository root; see docs/style-guide.md.",
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    new_talk = _command(
        commands, "new-talk", "write the next NN-slug.md talk page of a day", _new_talk
    )
    new_talk.add_argument("day", metavar="CONFERENCE/DAY", help="e.g. kubecon-eu-2025/day-1")
    new_talk.add_argument("title", help="the talk's title, as the schedule prints it")
    new_talk.add_argument("--tags", default="", help="comma-separated names from tags.yml")
    new_talk.add_argument(
        "--speakers", default="", help='"Jane Doe (Acme), John Roe"; ";" separates if present'
    )
    new_talk.add_argument("--video", help="recording URL (pending if not given)")
    new_talk.add_argument("--slides", help="slides URL (pending if not given)")
    new_talk.add_argument("--demo", help="demo code URL")
    new_talk.add_argument("--time", help="start, local with offset: 2025-04-01T11:00+01:00")
    new_talk.add_argument("--room", help="the room, as the schedule names it")
    new_talk.add_argument("--number", type=int, help="use this NN instead of the next free one")

    new_conference = _command(
        commands, "new-conference", "write a conference page and one page per day", _new_conf
    )
    new_conference.add_argument("slug", help="the conference's folder, e.g. kubecon-eu-2026")
    new_conference.add_argument("--name", required=True, help="the conference's full name")
    new_conference.add_argument("--start", required=True, type=_iso_date, help="YYYY-MM-DD")
    new_conference.add_argument("--end", type=_iso_date, help="YYYY-MM-DD (default: --start)")
    new_conference.add_argument("--location", help="e.g. London, UK")
    new_conference.add_argument("--website", help="the conference's web site")
    new_conference.add_argument(
        "--first-day", type=int, default=1, help="number of the first day folder (default 1)"
    )

    imports = _command(
        commands,
        "import-schedule",
        "create or update talk pages from a Sched .ics or pretalx schedule.json",
        _import_schedule,
    )
    imports.add_argument("conference", help="the conference's folder in docs/")
    imports.add_argument("file", type=Path, help="all.ics from Sched or schedule.json from pretalx")
    imports.add_argument("--timezone", help="the event's time zone, e.g. Europe/London")
    imports.add_argument("--match", help="only sessions whose title or speakers match this regex")
    imports.add_argument("--ids", type=Path, help="file listing the sessions to import, one a line")
    imports.add_argument("--tags", default="", help="tags to add to every new page")
    imports.add_argument("--first-day", type=int, help="number of the first day folder")
    imports.add_argument("--dry-run", action="store_true", help="report, write nothing")
    imports.add_argument("-v", "--verbose", action="store_true", help="list every page")

    hugo_import = _command(
        commands,
        "import-hugo",
        "convert a Hugo notes tree (content/<day>/NN_slug.md) into a conference",
        _import_hugo,
    )
    hugo_import.add_argument("content", type=Path, help="the Hugo site's content/ folder")
    hugo_import.add_argument("conference", help="the conference's folder to write in docs/")
    hugo_import.add_argument("--name", help="the conference's name (if its page is new)")
    hugo_import.add_argument("--start", type=_iso_date, help="YYYY-MM-DD (if its page is new)")
    hugo_import.add_argument("--end", type=_iso_date, help="YYYY-MM-DD")
    hugo_import.add_argument("--location", help="e.g. London, UK")
    hugo_import.add_argument("--website", help="the conference's web site")
    hugo_import.add_argument(
        "--drop-tag",
        action="append",
        default=[],
        metavar="TAG",
        help="a Hugo tag to leave out (e.g. an event name); repeat or use commas",
    )
    hugo_import.add_argument("--dry-run", action="store_true", help="show the plan and report")
    hugo_import.add_argument("--force", action="store_true", help="overwrite existing files")
    hugo_import.add_argument("-v", "--verbose", action="store_true", help="list every page")
    return parser


def _command(commands, name: str, summary: str, run) -> argparse.ArgumentParser:
    command = commands.add_parser(name, help=summary, description=summary)
    command.set_defaults(run=run)
    command.add_argument(
        "--docs", type=Path, default=Path("docs"), help="the site's content folder (default docs)"
    )
    command.add_argument(
        "--archetypes",
        type=Path,
        default=pages.ARCHETYPES,
        help="the page templates (default: archetypes/ of this repository)",
    )
    return command


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-04-01") from None


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


def _docs(arguments: argparse.Namespace) -> Path:
    docs: Path = arguments.docs
    if not docs.is_dir():
        raise UserError(f"no such folder {docs} (pass --docs to name the site's content folder)")
    return docs


def _warn(message: str) -> None:
    print(f"{PROGRAM}: warning: {message}", file=sys.stderr)


# -- new-talk -------------------------------------------------------------------------


def _new_talk(arguments: argparse.Namespace) -> int:
    docs = _docs(arguments)
    templates = pages.Templates(arguments.archetypes)
    parts = [part for part in Path(arguments.day).parts if part not in ("", ".")]
    if len(parts) == 3 and parts[0] == docs.name:
        parts = parts[1:]
    if len(parts) != 2:
        raise UserError(f"{arguments.day!r}: give the day as CONFERENCE/DAY, like kubecon/day-1")
    slug, day = parts
    site = pages.read_conference(docs, slug)
    folder = site.folder / day
    index = folder / "index.md"
    if not index.is_file():
        days = sorted(path.parent.name for path in site.folder.glob("*/index.md"))
        close = difflib.get_close_matches(day, days, n=2)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        listed = f" (days: {', '.join(days)})" if days else ""
        raise UserError(f"no day page {index}{listed}{hint}")
    title = " ".join(arguments.title.split())
    if not title:
        raise UserError("the title is empty")

    vocabulary, problems = pages.load_tags(docs)
    for problem in problems:
        _warn(problem)
    tags = pages.check_tags(vocabulary, _names(arguments.tags), docs)
    page = pages.TalkPage(
        title=title,
        tags=tags,
        speakers=pages.split_speakers(arguments.speakers),
        time=pages.parse_time(arguments.time) if arguments.time else None,
        room=(arguments.room or "").strip() or None,
        video=pages.checked_url("--video", arguments.video) if arguments.video else None,
        slides=pages.checked_url("--slides", arguments.slides) if arguments.slides else None,
        demo=pages.checked_url("--demo", arguments.demo) if arguments.demo else None,
    )
    slug_name = pages.slugify(title)
    for _, existing_slug, existing in pages.talk_numbers(folder):
        if existing_slug == slug_name:
            raise UserError(
                f"{existing} has the same title already; edit it, or give another title"
            )
    number = arguments.number if arguments.number is not None else pages.next_number(folder)
    if number < 0:
        raise UserError("--number must not be negative")
    path = folder / pages.talk_file_name(number, slug_name)
    if path.exists():
        raise UserError("exists already; not overwritten (choose another --number)", path)
    text = pages.render_talk(templates, page)
    path.write_text(text, encoding="utf-8")
    hint = pages.ensure_day_lists_talks(index, path.name, templates)
    if hint:
        _warn(hint)
    if not tags:
        _warn("no --tags: the build reports a talk without tags until you add one")
    print(path)
    return 0


# -- new-conference -------------------------------------------------------------------


def _new_conf(arguments: argparse.Namespace) -> int:
    docs = _docs(arguments)
    templates = pages.Templates(arguments.archetypes)
    slug = arguments.slug.strip("/")
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        raise UserError(f"{slug!r}: a conference folder is a lowercase slug, like kubecon-eu-2026")
    folder = docs / slug
    if (folder / "index.md").exists():
        raise UserError("exists already; not overwritten", folder / "index.md")
    start, end = arguments.start, arguments.end
    pages.check_conference_dates(start, end)
    if arguments.first_day < 0:
        raise UserError("--first-day must not be negative")
    name = " ".join(arguments.name.split())
    if not name:
        raise UserError("--name is empty")
    website = pages.checked_url("--website", arguments.website) if arguments.website else None
    location = " ".join((arguments.location or "").split()) or None
    conference = Conference(name, start, end if end != start else None, location, website)
    site = pages.ConferenceSite(slug, folder, conference)
    days = [(arguments.first_day + offset, day) for offset, day in enumerate(site.dates())]
    day_pages = {
        folder / pages.day_folder(number) / "index.md": (number, day) for number, day in days
    }
    clashes = [path for path in day_pages if path.exists()]
    if clashes:
        raise UserError(f"exists already; not overwritten: {', '.join(map(str, clashes))}")

    text = pages.render_conference(
        templates, conference, [f"{pages.day_folder(number)}/index" for number, _ in days]
    )
    rendered_days = {
        path: pages.render_day(templates, site, number, day, talks=False)
        for path, (number, day) in day_pages.items()
    }
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.md").write_text(text, encoding="utf-8")
    for path, day_text in rendered_days.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(day_text, encoding="utf-8")
    print(folder / "index.md")
    for path in rendered_days:
        print(path)
    print(pages.ensure_home_lists(docs, slug, start, templates), file=sys.stderr)
    return 0


# -- import-schedule ------------------------------------------------------------------


def _import_schedule(arguments: argparse.Namespace) -> int:
    started = time.perf_counter()
    docs = _docs(arguments)
    templates = pages.Templates(arguments.archetypes)
    match = None
    if arguments.match:
        try:
            match = re.compile(arguments.match, re.IGNORECASE)
        except re.error as error:
            raise UserError(
                f"--match {arguments.match!r} is not a regular expression: {error}"
            ) from None
    ids = schedule.read_ids(arguments.ids) if arguments.ids else None
    loaded = schedule.load_schedule(arguments.file, arguments.timezone)
    for problem in loaded.problems:
        _warn(problem)
    options = importer.ImportOptions(
        match=match,
        ids=ids,
        tags=tuple(_names(arguments.tags)),
        first_day=arguments.first_day,
        dry_run=arguments.dry_run,
    )
    outcome = importer.import_schedule(
        docs,
        arguments.conference,
        loaded,
        options=options,
        templates=templates,
        progress=_progress(),
    )
    elapsed = time.perf_counter() - started
    print(_import_report(arguments, loaded, outcome, elapsed))
    return 0


def _progress():
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if done % _PROGRESS_EVERY == 0 or done == total:
            end = "\n" if done == total else ""
            print(f"\r  {done}/{total} sessions", end=end, file=sys.stderr, flush=True)

    return show


def _import_report(arguments, loaded, outcome: importer.ImportOutcome, elapsed: float) -> str:
    verb = "would be " if arguments.dry_run else ""
    system = {"sched": "Sched", "pretalx": "pretalx"}[loaded.system]
    lines = [
        f"{system} schedule {arguments.file}: {len(loaded.sessions)} entries, "
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
            f"  skipped  {session.start:%Y-%m-%d %H:%M} {session.title!r}: {reason}"
            for session, reason in outcome.skipped
        ]
    for entry in outcome.unknown_ids:
        lines.append(f"  warning: {arguments.ids}: {entry!r} is no session of this schedule")
    if outcome.untagged:
        tracks = ", ".join(f"{t!r} ({n})" for t, n in outcome.unmatched_tracks.most_common(8))
        lines.append(
            f"  warning: {len(outcome.untagged)} new pages have no tag (the build requires one): "
            "add tags by hand, pass --tags, or add the tracks to tags.yml as aliases"
            + (f"; tracks without a tag: {tracks}" if tracks else "")
        )
    lines += [f"  note: {hint}" for hint in outcome.hints]
    lines.append(f"  took {elapsed:.2f} s")
    return "\n".join(lines)


def _reasons(skipped) -> str:
    not_talks = sum(1 for _, reason in skipped if not reason.startswith("on "))
    outside = len(skipped) - not_talks
    parts = []
    if not_talks:
        parts.append(f"not talks: {not_talks}")
    if outside:
        parts.append(f"outside the conference's dates: {outside}")
    return "; ".join(parts)


# -- import-hugo ----------------------------------------------------------------------


def _import_hugo(arguments: argparse.Namespace) -> int:
    docs = _docs(arguments)
    templates = pages.Templates(arguments.archetypes)
    drop = tuple(name for value in arguments.drop_tag for name in _names(value))
    website = pages.checked_url("--website", arguments.website) if arguments.website else None
    options = hugo.HugoOptions(
        name=arguments.name,
        start=arguments.start,
        end=arguments.end,
        location=arguments.location,
        website=website,
        drop_tags=drop,
    )
    plan = hugo.plan_conversion(arguments.content, docs, arguments.conference, options, templates)
    if arguments.dry_run:
        for path, source in sorted(plan.copies.items()):
            print(f"  would copy  {source} -> {path}")
        for path in plan.writes:
            print(f"  would write {path}{'  (exists: needs --force)' if path.exists() else ''}")
    else:
        overwritten = hugo.write_plan(plan, force=arguments.force)
        if overwritten:
            _warn(f"overwrote {len(overwritten)} existing files (--force)")
        conference = plan.conference
        print(pages.ensure_home_lists(docs, arguments.conference, conference.start, templates))
    print(hugo.format_report(plan, dry_run=arguments.dry_run, verbose=arguments.verbose))
    return 0
