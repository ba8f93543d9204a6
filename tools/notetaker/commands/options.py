"""What every subcommand shares: the common options, the site they name, and warnings.

Every command takes ``--docs`` (the site's content folder), ``--archetypes`` (the
page templates) and ``--conf`` (the Sphinx configuration, for the settings the
tools must share with the build, such as ``talknotes_tags_file``).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..authoring.templates import ARCHETYPES, Templates
from ..authoring.vocabulary import CONF, Tags, load_tags, tags_file
from ..errors import UserError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "PROGRAM",
    "Subcommands",
    "add_command",
    "docs_folder",
    "iso_date",
    "names",
    "tags_of",
    "templates_of",
    "warn",
]

PROGRAM = "notetaker"
Subcommands = argparse._SubParsersAction


def add_command(
    commands: Subcommands[argparse.ArgumentParser],
    name: str,
    summary: str,
    run: Callable[[argparse.Namespace], int],
) -> argparse.ArgumentParser:
    """A subcommand that runs ``run``, with the options every subcommand takes."""
    command = commands.add_parser(name, help=summary, description=summary)
    command.set_defaults(run=run)
    command.add_argument(
        "--docs", type=Path, default=Path("docs"), help="the site's content folder (default docs)"
    )
    command.add_argument(
        "--archetypes",
        type=Path,
        default=ARCHETYPES,
        help="the page templates (default: archetypes/ of this repository)",
    )
    command.add_argument(
        "--conf",
        type=Path,
        default=CONF,
        help="the Sphinx configuration whose talknotes_tags_file names the tag vocabulary "
        "(default: conf.py of this repository)",
    )
    return command


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-04-01") from None


def names(text: str) -> list[str]:
    """A comma-separated option (``--tags a,b``) as its names."""
    return [name.strip() for name in text.split(",") if name.strip()]


def docs_folder(arguments: argparse.Namespace) -> Path:
    docs: Path = arguments.docs
    if not docs.is_dir():
        raise UserError(f"no such folder {docs} (pass --docs to name the site's content folder)")
    return docs


def templates_of(arguments: argparse.Namespace) -> Templates:
    return Templates(arguments.archetypes)


def tags_of(arguments: argparse.Namespace, docs: Path) -> Tags:
    """The site's vocabulary, from the file ``--conf`` names (``tags.yml`` by default)."""
    return load_tags(tags_file(docs, arguments.conf))


def warn(message: object) -> None:
    print(f"{PROGRAM}: warning: {message}", file=sys.stderr)
