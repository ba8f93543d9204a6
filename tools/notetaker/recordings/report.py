"""What ``fill-recordings`` did, as the note-taker reads it: counts, then what needs a hand.

Every page of the conference is in one count (filled, already had one, no match,
ambiguous), so nothing is dropped without a reason; pages left over are listed
with the closest video, which the note-taker can check and paste in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from talknotes.rules.text import plural, shorten

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from .plan import Fill, Plan
    from .playlist import Playlist

__all__ = ["ReportOptions", "format_report"]

_TITLE_WIDTH = 60


@dataclass(frozen=True)
class ReportOptions:
    playlist: Path
    min_score: float
    dry_run: bool = False
    verbose: bool = False
    root: Path | None = None  # pages are named relative to it


def format_report(plan: Plan, playlist: Playlist, options: ReportOptions, elapsed: float) -> str:
    def name(path: Path) -> str:
        root = options.root
        return str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)

    verb = "would fill" if options.dry_run else "filled"
    left_out = (
        f", {playlist.unavailable} private or deleted left out" if playlist.unavailable else ""
    )
    lines = [
        f"playlist {options.playlist}: {plural(len(playlist.videos), 'video')}{left_out}"
        + (" (dry run: nothing written)" if options.dry_run else "")
    ]
    rows = [
        (verb, len(plan.fills)),
        ("already had one", len(plan.kept) + len(plan.unchanged)),
        ("no match", len(plan.unmatched)),
        ("ambiguous", len(plan.ambiguous)),
        ("videos not used", len(plan.unused)),
    ]
    lines += [f"  {label:<18}{count:>5}" for label, count in rows]
    if options.dry_run or options.verbose:
        lines += _table(plan.fills, name)
    for talk, rivals in plan.ambiguous:
        lines.append(f"  ambiguous  {name(talk.path)}: too close to tell apart:")
        lines += [
            f"      {score:5.1f}  {_quoted(video.title)}"
            + ("" if other is talk else f"  (also fits {name(other.path)})")
            for video, other, score in rivals
        ]
    far = [talk for talk, best in plan.unmatched if best is None]
    for talk, best in plan.unmatched:
        if best is not None:
            lines.append(
                f"  no match   {name(talk.path)}: closest {_quoted(best.video.title)} "
                f"scores {best.score:.1f}, {best.evidence.value} (needs {options.min_score:g})"
            )
        elif options.verbose:
            lines.append(f"  no match   {name(talk.path)}: no video comes close")
    if far and not options.verbose:
        lines.append(f"  {plural(len(far), 'page')} with no video anywhere close (-v lists them)")
    if options.verbose:
        lines += [f"  not used   {_quoted(video.title)} ({video.where})" for video in plan.unused]
    lines.append(f"  took {elapsed:.2f} s")
    return "\n".join(lines)


def _table(fills: list[Fill], name: Callable[[Path], str]) -> list[str]:
    """The fills as a table: page, video title, score."""
    if not fills:
        return []
    rows = [(name(fill.talk.path), _quoted(fill.video.title), fill.score) for fill in fills]
    width = max(len(page) for page, _, _ in rows)
    head = [f"  {'page':<{width}}  {'video':<{_TITLE_WIDTH}}  score"]
    return head + [
        f"  {page:<{width}}  {title:<{_TITLE_WIDTH}}  {score:5.1f}" for page, title, score in rows
    ]


def _quoted(title: str) -> str:
    return repr(shorten(title, _TITLE_WIDTH - 2))
