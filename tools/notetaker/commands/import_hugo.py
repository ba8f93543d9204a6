"""``import-hugo``: a Hugo notes tree converted into a conference, with what is left listed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..authoring.checks import checked_url
from ..authoring.conferences import ensure_home_lists
from ..hugo.plan import HugoOptions, plan_conversion, write_plan
from ..hugo.report import format_report
from .options import docs_folder, iso_date, names, tags_of, templates_of, warn

if TYPE_CHECKING:
    import argparse


__all__ = ["NAME", "SUMMARY", "add_arguments", "run"]


NAME = "import-hugo"
SUMMARY = "convert a Hugo notes tree (content/<day>/NN_slug.md) into a conference"


def add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("content", type=Path, help="the Hugo site's content/ folder")
    command.add_argument("conference", help="the conference's folder to write in docs/")
    command.add_argument("--name", help="the conference's name (if its page is new)")
    command.add_argument("--start", type=iso_date, help="YYYY-MM-DD (if its page is new)")
    command.add_argument("--end", type=iso_date, help="YYYY-MM-DD")
    command.add_argument("--location", help="e.g. London, UK")
    command.add_argument("--website", help="the conference's web site")
    command.add_argument(
        "--drop-tag",
        action="append",
        default=[],
        metavar="TAG",
        help="a Hugo tag to leave out (e.g. an event name); repeat or use commas",
    )
    command.add_argument("--dry-run", action="store_true", help="show the plan and report")
    command.add_argument("--force", action="store_true", help="overwrite existing files")
    command.add_argument("-v", "--verbose", action="store_true", help="list every page")


def run(arguments: argparse.Namespace) -> int:
    docs = docs_folder(arguments)
    templates = templates_of(arguments)
    drop = tuple(name for value in arguments.drop_tag for name in names(value))
    website = checked_url("--website", arguments.website) if arguments.website else None
    options = HugoOptions(
        name=arguments.name,
        start=arguments.start,
        end=arguments.end,
        location=arguments.location,
        website=website,
        drop_tags=drop,
    )
    tags = tags_of(arguments, docs)
    plan = plan_conversion(
        arguments.content, docs, arguments.conference, options, templates=templates, tags=tags
    )
    if arguments.dry_run:
        for path, source in sorted(plan.copies.items()):
            print(f"  would copy  {source} -> {path}")
        for path in plan.writes:
            print(f"  would write {path}{'  (exists: needs --force)' if path.exists() else ''}")
    else:
        overwritten = write_plan(plan, force=arguments.force)
        if overwritten:
            warn(f"overwrote {len(overwritten)} existing files (--force)")
        start = plan.conference.start
        print(ensure_home_lists(docs, arguments.conference, start, templates))
    print(format_report(plan, dry_run=arguments.dry_run, verbose=arguments.verbose))
    return 0
