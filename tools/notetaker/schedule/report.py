"""What an import did, as the note-taker reads it: counts first, then what needs them.

The counts put every entry of the file in one row (added, updated, unchanged,
skipped by kind, not selected, not readable), so it shows at a glance that
nothing was dropped without a reason. Tracks that match no tag are listed in
full, once, with what to do about them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from talknotes.rules.text import plural

from .skip import SkipKind
from .tracks import FALLBACK_TAG

if TYPE_CHECKING:
    from pathlib import Path

    from .importer import ImportOutcome
    from .sessions import Schedule
    from .skip import Skipped

__all__ = ["ReportOptions", "format_report"]

_SYSTEMS = {"sched": "Sched", "pretalx": "pretalx"}
_LIST_LIMIT = 20


@dataclass(frozen=True)
class ReportOptions:
    """How the report was asked for, and what it names."""

    file: Path
    vocabulary: Path
    ids: Path | None = None
    dry_run: bool = False
    verbose: bool = False


def format_report(
    loaded: Schedule, outcome: ImportOutcome, options: ReportOptions, elapsed: float
) -> str:
    verb = "would be " if options.dry_run else ""
    broken = len(loaded.problems) if loaded.entries else 0
    lines = [
        f"{_SYSTEMS[loaded.system]} schedule {options.file}: {loaded.entries} entries, "
        f"times in {loaded.timezone}" + (" (dry run: nothing written)" if options.dry_run else "")
    ]
    reasons = _reasons(outcome.skipped)
    rows = [
        ("added", len(outcome.added), ""),
        ("updated", len(outcome.updated), ""),
        ("unchanged", len(outcome.unchanged), ""),
        ("skipped", len(outcome.skipped), f"  ({reasons})" if reasons else ""),
        ("not selected", len(outcome.not_selected), ""),
        ("not readable", broken, "  (the warnings above say why)" if broken else ""),
        (
            "removed from schedule",
            len(outcome.removed),
            "  (pages kept)" if outcome.removed else "",
        ),
    ]
    lines += [f"  {label:<22}{count:>5}{extra}" for label, count, extra in rows]
    if options.verbose or len(outcome.added) <= _LIST_LIMIT:
        lines += [f"  {verb}added    {path}" for _, path in outcome.added]
    lines += [
        f"  {verb}updated  {path}: {', '.join(fields)}" for _, path, fields in outcome.updated
    ]
    lines += [
        f"  removed  {path}: {source} is not in this file (removed from the schedule, or "
        "from another schedule file); the page is kept"
        for source, path in outcome.removed
    ]
    shown = [s for s in outcome.skipped if options.verbose or s.kind is SkipKind.FULL_DAY]
    lines += [
        f"  skipped  {skip.session.start:%Y-%m-%d %H:%M} {skip.session.title!r}: {skip.reason}"
        for skip in shown
    ]
    lines += [
        f"  warning: {options.ids}: {entry!r} is no session of this schedule"
        for entry in outcome.unknown_ids
    ]
    lines += _tracks(outcome, options)
    lines += [f"  note: {hint}" for hint in outcome.hints]
    lines.append(f"  took {elapsed:.2f} s")
    return "\n".join(lines)


def _reasons(skipped: list[Skipped]) -> str:
    """``logistics: 4; outside the conference's dates: 2``: the skipped sessions by kind."""
    counts = Counter(skip.kind for skip in skipped)
    return "; ".join(f"{kind.value}: {counts[kind]}" for kind in SkipKind if counts[kind])


def _tracks(outcome: ImportOutcome, options: ReportOptions) -> list[str]:
    tracks = outcome.tracks
    if tracks is None:
        return []
    lines = []
    if tracks.added_fallback:
        verb = "would add" if options.dry_run else "added"
        lines.append(f"  note: {verb} the tag {FALLBACK_TAG!r} to {options.vocabulary}")
    if tracks.unmatched:
        listed = ", ".join(
            f"{track!r} ({count})" for track, count in tracks.unmatched.most_common()
        )
        pages = f"; {plural(tracks.fallback_pages, 'page')} got the tag {FALLBACK_TAG!r}"
        lines.append(
            f"  tracks that match no tag in {options.vocabulary}: {listed}"
            + (pages if tracks.fallback_pages else "")
            + ". Add each track to the aliases of a tag there and import again: pages "
            f"tagged {FALLBACK_TAG!r} alone get their track's tag"
        )
    return lines
