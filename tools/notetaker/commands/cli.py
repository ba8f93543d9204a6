"""The command line: ``python -m tools.notetaker <subcommand> ...`` (the nox sessions call it).

Errors in what the note-taker typed or downloaded are one line on stderr, with the
file and line where known, and exit code 2; they never show a traceback.
"""

from __future__ import annotations

import argparse
import sys

from ..errors import UserError
from . import fill_recordings, import_hugo, import_schedule, new_conference, new_talk
from .options import PROGRAM, add_command

__all__ = ["main", "parser"]

USER_ERROR = 2
INTERRUPTED = 130
_SUBCOMMANDS = (new_talk, new_conference, import_schedule, import_hugo, fill_recordings)


def main(argv: list[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    try:
        code: int = arguments.run(arguments)
    except UserError as error:
        print(f"{PROGRAM}: error: {error}", file=sys.stderr)
        return USER_ERROR
    except OSError as error:  # a folder that cannot be written, a full disk
        where = f"{error.filename}: " if error.filename else ""
        print(f"{PROGRAM}: error: {where}{error.strerror or error}", file=sys.stderr)
        return USER_ERROR
    except KeyboardInterrupt:
        print(f"{PROGRAM}: interrupted", file=sys.stderr)
        return INTERRUPTED
    return code


def parser() -> argparse.ArgumentParser:
    """The argument parser: per subcommand, the common options and the module's own."""
    found = argparse.ArgumentParser(
        prog="python -m tools.notetaker",
        description="The note-taker's tools: new talk and conference pages, schedule and "
        "Hugo imports, recordings from a playlist. Run from the repository root; see "
        "docs/style-guide.md.",
    )
    commands = found.add_subparsers(required=True, metavar="COMMAND")
    for subcommand in _SUBCOMMANDS:
        command = add_command(commands, subcommand.NAME, subcommand.SUMMARY, subcommand.run)
        subcommand.add_arguments(command)
    return found
