"""The skip rule: logistics and full-day umbrella entries get no page, talks always do."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

from talknotes.rules.speakers import Speaker
from tools.notetaker.schedule.sessions import Session
from tools.notetaker.schedule.skip import SkipKind, skip_reason

if TYPE_CHECKING:
    from pathlib import Path

START = datetime(2026, 3, 24, 9, tzinfo=ZoneInfo("Europe/Amsterdam"))
JANE = (Speaker("Jane Doe", "Acme"),)


def session(title: str, minutes: int = 30, tracks: tuple[str, ...] = (), **extra) -> Session:
    end = START + timedelta(minutes=minutes)
    return Session("sched", "u1", title, START, end, tracks=tracks, **extra)


@pytest.mark.parametrize(
    ("entry", "kind"),
    [
        # logistics by track, whatever the title says
        (session("Solutions Showcase", 540, ("SOLUTIONS SHOWCASE",)), SkipKind.LOGISTICS),
        (session("Badge Pick-Up", 630, ("REGISTRATION",)), SkipKind.LOGISTICS),
        (session("Welcome Coffee", 30, ("BREAKS",)), SkipKind.LOGISTICS),
        # logistics by a title made of logistics words only
        (session("Lunch"), SkipKind.LOGISTICS),
        (session("Coffee Break ☕"), SkipKind.LOGISTICS),
        (session("All-Attendee Reception + Networking"), SkipKind.LOGISTICS),
        # the umbrella entry of a co-located event: a whole day without speakers
        (
            session(
                "ArgoCon Hosted by CNCF - Full-Day Event | ALL ACCESS PASS REQUIRED",
                510,
                ("CNCF-HOSTED CO-LOCATED EVENTS",),
            ),
            SkipKind.FULL_DAY,
        ),
        (session("Day 0", 0, all_day=True), SkipKind.FULL_DAY),
        # talks: a word of a title is no reason, nor a showcase track with speakers
        (session("BoF: Platform Engineers Meetup / Training / Networking", 60), None),
        (session("Break the Monolith"), None),
        (session("Welcome + Opening Remarks", 10), None),
        (session("Lunch", speakers=JANE), None),
        (
            session("Cloud Native Theater | Scaling", 20, ("SOLUTIONS SHOWCASE",), speakers=JANE),
            None,
        ),
        (session("Hands-on Workshop", 510, ("TUTORIALS",), speakers=JANE), None),
    ],
)
def test_the_skip_rule(entry: Session, kind: SkipKind | None) -> None:
    found = skip_reason(entry)
    assert (found[0] if found else None) is kind


UMBRELLA_AND_BOF = """BEGIN:VCALENDAR
X-WR-TIMEZONE:UTC
BEGIN:VEVENT
UID:umbrella-1
DTSTART:20250401T080000Z
DTEND:20250401T163000Z
SUMMARY:Platform Engineering Day Hosted by CNCF - Full-Day Event | ALL ACCESS PASS REQUIRED
CATEGORIES:CNCF-HOSTED CO-LOCATED EVENTS
END:VEVENT
BEGIN:VEVENT
UID:bof-1
DTSTART:20250401T160000Z
DTEND:20250401T170000Z
SUMMARY:BoF: Platform Engineers Meetup / Training / Networking
CATEGORIES:COMMUNITY
END:VEVENT
BEGIN:VEVENT
UID:theater-1
DTSTART:20250401T120000Z
DTEND:20250401T122000Z
SUMMARY:Cloud Native Theater | Golden Paths - Ana Silva and Li Wei\\, Example Corp
CATEGORIES:SOLUTIONS SHOWCASE
END:VEVENT
BEGIN:VEVENT
UID:lunch-1
DTSTART:20250401T110000Z
DTEND:20250401T120000Z
SUMMARY:Lunch
CATEGORIES:BREAKS
END:VEVENT
END:VCALENDAR
"""


def test_umbrellas_are_reported_and_verbose_lists_every_skip(
    docs: Path, run, tmp_path: Path
) -> None:
    run("new-conference", "c", "--name", "C", "--start", "2025-04-01", "--docs", docs)
    ics = tmp_path / "all.ics"
    ics.write_text(UMBRELLA_AND_BOF)
    code, out, _ = run("import-schedule", "c", ics, "--timezone", "Europe/London", "--docs", docs)
    assert code == 0
    assert "skipped                   2  (logistics: 1; full-day events: 1)" in out
    # the umbrella is named in the report, the lunch only with -v
    assert "'Platform Engineering Day Hosted by CNCF - Full-Day Event" in out
    assert "'Lunch'" not in out
    pages = sorted(path.name for path in (docs / "c" / "day-1").glob("[0-9]*.md"))
    assert pages == [
        "01-cloud-native-theater-golden-paths.md",
        "02-bof-platform-engineers-meetup-training.md",
    ]
    code, out, _ = run(
        "import-schedule", "c", ics, "--timezone", "Europe/London", "-v", "--docs", docs
    )
    assert (
        "skipped  2025-04-01 12:00 'Lunch': no speakers, and the track 'BREAKS' is logistics"
    ) in out
    assert "skipped  2025-04-01 09:00 'Platform Engineering Day Hosted by CNCF" in out
    assert "09:00-17:30 without speakers: the entry of a whole (co-located) event" in out
