"""A conference's time zone: written by new-conference, used by import-schedule."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.notetaker.test_import_schedule import snapshot

if TYPE_CHECKING:
    from pathlib import Path

# A keynote at 09:00 in Amsterdam (08:00 UTC in March), as Sched exports it: in UTC.
KEYNOTE = """BEGIN:VCALENDAR
X-WR-TIMEZONE:UTC
BEGIN:VEVENT
UID:keynote-1
DTSTART:20260324T080000Z
DTEND:20260324T081500Z
SUMMARY:Keynote: Welcome Back - Chris Example\\, CTO\\, CNCF
CATEGORIES:KEYNOTE SESSIONS
LOCATION:Hall 12 | Keynote Stage
END:VEVENT
END:VCALENDAR
"""
PAGE = "kc/day-1/01-keynote-welcome-back.md"


@pytest.fixture
def ics(tmp_path: Path) -> Path:
    path = tmp_path / "all.ics"
    path.write_text(KEYNOTE)
    return path


def new_conference(run, docs: Path, *options: str) -> None:
    code, _, _ = run(
        "new-conference", "kc", "--name", "KubeCon", "--start", "2026-03-23",
        "--end", "2026-03-26", "--first-day", "0", *options, "--docs", docs,
    )  # fmt: skip
    assert code == 0


def test_new_conference_writes_the_time_zone(docs: Path, run) -> None:
    new_conference(run, docs, "--timezone", "Europe/Amsterdam")
    assert (
        (docs / "kc" / "index.md")
        .read_text()
        .startswith(
            "---\nconference:\n  name: KubeCon\n  start: 2026-03-23\n  end: 2026-03-26\n"
            "  timezone: Europe/Amsterdam\n---\n"
        )
    )


@pytest.mark.parametrize("zone", ["Mars/Olympus", "../../etc/passwd", "UTC+1"])
def test_new_conference_refuses_what_is_no_time_zone(docs: Path, run, zone: str) -> None:
    code, _, err = run(
        "new-conference", "kc", "--name", "K", "--start", "2026-03-23", "--timezone", zone,
        "--docs", docs,
    )  # fmt: skip
    assert code == 2
    assert f"--timezone {zone!r} is not a time zone name" in err
    assert not (docs / "kc").exists()


def test_the_import_shows_times_on_the_conference_clock(docs: Path, run, ics: Path) -> None:
    new_conference(run, docs, "--timezone", "Europe/Amsterdam")
    code, out, err = run("import-schedule", "kc", ics, "--docs", docs)
    assert code == 0
    assert "times in Europe/Amsterdam" in out
    assert "warning" not in err
    assert "time: 2026-03-24T09:00+01:00\n" in (docs / PAGE).read_text()


def test_the_timezone_option_still_wins(docs: Path, run, ics: Path) -> None:
    new_conference(run, docs, "--timezone", "Europe/Amsterdam")
    code, _, _ = run("import-schedule", "kc", ics, "--timezone", "Europe/Lisbon", "--docs", docs)
    assert code == 0
    assert "time: 2026-03-24T08:00+00:00\n" in (docs / PAGE).read_text()


def test_utc_without_a_zone_warns_how_to_fix_it_and_a_reimport_fixes_the_times(
    docs: Path, run, ics: Path
) -> None:
    new_conference(run, docs)
    code, _, err = run("import-schedule", "kc", ics, "--docs", docs)
    assert code == 0
    index = docs / "kc" / "index.md"
    assert f"the times are in UTC (UTC) and {index} names no time zone" in err
    assert "add `timezone: <the venue's zone, like Europe/Amsterdam>` under `conference:`" in err
    assert "time: 2026-03-24T08:00+00:00\n" in (docs / PAGE).read_text()
    # the note-taker follows the hint
    index.write_text(index.read_text().replace("  end:", "  timezone: Europe/Amsterdam\n  end:"))
    code, out, err = run("import-schedule", "kc", ics, "--docs", docs)
    assert code == 0
    assert "warning" not in err
    assert f"updated  {docs / PAGE}: time" in out
    assert "time: 2026-03-24T09:00+01:00\n" in (docs / PAGE).read_text()
    before = snapshot(docs)
    run("import-schedule", "kc", ics, "--docs", docs)
    assert snapshot(docs) == before


def test_a_file_without_a_zone_uses_the_conference_one(docs: Path, run, tmp_path: Path) -> None:
    new_conference(run, docs, "--timezone", "Europe/Amsterdam")
    floating = tmp_path / "floating.ics"
    floating.write_text(KEYNOTE.replace("X-WR-TIMEZONE:UTC\n", "").replace("080000Z", "090000"))
    code, _, _ = run("import-schedule", "kc", floating, "--docs", docs)
    assert code == 0
    assert "time: 2026-03-24T09:00+01:00\n" in (docs / PAGE).read_text()
