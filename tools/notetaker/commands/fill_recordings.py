"""``fill-recordings``: every pending ``{video}`` of a conference, from its published playlist.

The playlist is a file the note-taker downloaded (see the style guide for how):
the command itself needs no network. Only ``{video}`` arguments change, never
notes; a page with a video keeps it unless ``--force``; running it again changes
nothing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ..authoring.conferences import read_conference
from ..recordings.matching import DEFAULT_MIN_SCORE
from ..recordings.plan import plan_fills
from ..recordings.playlist import load_playlist
from ..recordings.report import ReportOptions, format_report
from ..recordings.talks import conference_talks
from .options import docs_folder, warn

__all__ = ["NAME", "SUMMARY", "add_arguments", "run"]

NAME = "fill-recordings"
SUMMARY = "fill the pending {video} of a conference's talk pages from a recordings playlist"
_HIGHEST_SCORE = 100.0


def add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("conference", help="the conference's folder in docs/")
    command.add_argument(
        "playlist",
        type=Path,
        help="what `yt-dlp --flat-playlist -J <playlist URL>` writes, or a CSV/TSV of title,url",
    )
    command.add_argument("--dry-run", action="store_true", help="print the plan, write nothing")
    command.add_argument(
        "--min-score",
        type=_score,
        default=DEFAULT_MIN_SCORE,
        metavar="S",
        help=f"the lowest score (0-100) a match needs (default {DEFAULT_MIN_SCORE:g})",
    )
    command.add_argument(
        "--force", action="store_true", help="also replace a video URL a page already has"
    )
    command.add_argument(
        "-v", "--verbose", action="store_true", help="list every fill and every unused video"
    )


def run(arguments: argparse.Namespace) -> int:
    started = time.perf_counter()
    docs = docs_folder(arguments)
    site = read_conference(docs, arguments.conference)
    playlist = load_playlist(arguments.playlist)
    problems: list[str] = [*playlist.problems]
    talks = conference_talks(site, problems)
    for problem in problems:
        warn(problem)
    plan = plan_fills(talks, playlist.videos, min_score=arguments.min_score, force=arguments.force)
    if not arguments.dry_run:
        for fill in plan.fills:
            fill.talk.path.write_text(fill.talk.with_video(fill.video.url), encoding="utf-8")
    options = ReportOptions(
        playlist=arguments.playlist,
        min_score=arguments.min_score,
        dry_run=arguments.dry_run,
        verbose=arguments.verbose,
        root=docs,
    )
    print(format_report(plan, playlist, options, time.perf_counter() - started))
    return 0


def _score(text: str) -> float:
    try:
        score = float(text)
    except ValueError:
        score = -1.0
    if not 0 <= score <= _HIGHEST_SCORE:
        raise argparse.ArgumentTypeError(f"{text!r} is not a score from 0 to 100")
    return score
