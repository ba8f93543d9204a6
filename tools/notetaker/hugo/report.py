"""What a Hugo conversion did and left for the note-taker, each finding at its Hugo file and line.

The report is the conversion's promise that nothing is lost silently: every
construct kept verbatim is listed, in the order of the pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Plan

__all__ = ["format_report"]


def format_report(plan: Plan, *, dry_run: bool, verbose: bool) -> str:
    report = plan.report
    lines = [
        f"Hugo conversion of {plan.content} into {plan.folder}"
        + (" (dry run: nothing written)" if dry_run else "")
    ]
    counts = report.counts
    lines.append(
        f"  pages: {counts['conference pages']} conference, {counts['day pages']} days, "
        f"{counts['talk pages']} talks, {counts['other pages']} other; "
        f"{counts['files copied']} files copied"
    )
    if report.converted:
        lines.append("  converted:")
        lines += [f"    {number:4d}  {what}" for what, number in sorted(report.converted.items())]
    if verbose or dry_run:
        lines.append("  pages:")
        lines += [f"    {source} -> {target}" for source, target in report.mapping]
    if report.findings:
        lines.append(f"  left for you ({len(report.findings)}), kept as they were:")
        order = {source: place for place, (source, _) in enumerate(report.mapping)}
        findings = sorted(
            report.findings, key=lambda f: (order.get(f.source, len(order)), f.source, f.line or 0)
        )
        lines += [f"    {finding}" for finding in findings]
    else:
        lines.append("  nothing left for you: everything had an equivalent")
    return "\n".join(lines)
