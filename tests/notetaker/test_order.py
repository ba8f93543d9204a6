"""A day's talks stay in time order with any number of talks: numbers as wide as the day needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.notetaker.test_import_schedule import snapshot


def schedule(count: int) -> str:
    """``count`` talks on 1 April 2025, five minutes apart from 08:00 UTC, in reverse order."""
    events = "".join(
        f"BEGIN:VEVENT\nUID:talk-{number:03d}\n"
        f"DTSTART:20250401T{8 + number * 5 // 60:02d}{number * 5 % 60:02d}00Z\n"
        f"SUMMARY:Talk {number} - Jane Doe\\, Acme\nCATEGORIES:Operations\nEND:VEVENT\n"
        for number in reversed(range(count))
    )
    return f"BEGIN:VCALENDAR\nX-WR-TIMEZONE:Europe/London\n{events}END:VCALENDAR\n"


@pytest.fixture
def day(docs: Path, run) -> Path:
    run("new-conference", "c", "--name", "C", "--start", "2025-04-01", "--docs", docs)
    return docs / "c" / "day-1"


def talks(day: Path) -> list[str]:
    return sorted(path.name for path in day.glob("[0-9]*.md"))  # as the day page's glob


def test_a_day_of_more_than_99_talks_is_numbered_with_three_digits_in_time_order(
    docs: Path, run, day: Path, tmp_path: Path
) -> None:
    ics = tmp_path / "all.ics"
    ics.write_text(schedule(120))
    code, _, _ = run("import-schedule", "c", ics, "--docs", docs)
    assert code == 0
    names = talks(day)
    assert len(names) == 120
    assert names[:3] == ["001-talk-0.md", "002-talk-1.md", "003-talk-2.md"]
    assert names[99:101] == ["100-talk-99.md", "101-talk-100.md"]
    assert names == [f"{number + 1:03d}-talk-{number}.md" for number in range(120)]
    # re-imports keep every name, and a talk added by hand joins with three digits
    before = snapshot(docs)
    run("import-schedule", "c", ics, "--docs", docs)
    assert snapshot(docs) == before
    code, out, _ = run("new-talk", "c/day-1", "Hallway track", "--docs", docs)
    assert Path(out.strip()).name == "121-hallway-track.md"


def test_a_selection_reserves_the_width_of_the_whole_day(
    docs: Path, run, day: Path, tmp_path: Path
) -> None:
    ics = tmp_path / "all.ics"
    ics.write_text(schedule(120))
    ids = tmp_path / "attend.txt"
    ids.write_text("talk-010\ntalk-110\n")
    run("import-schedule", "c", ics, "--ids", ids, "--docs", docs)
    assert talks(day) == ["001-talk-10.md", "002-talk-110.md"]
    code, out, _ = run("import-schedule", "c", ics, "--docs", docs)
    assert code == 0
    assert len(talks(day)) == 120
    assert all(len(name.split("-")[0]) == 3 for name in talks(day))
    # the rest come after the two chosen first, and the report says so
    assert f"note: {day}: new talks from 2025-04-01T09:00+01:00 come after the day's pages" in out


def test_a_day_that_outgrows_its_two_digits_says_how_to_keep_the_order(
    docs: Path, run, day: Path, tmp_path: Path
) -> None:
    ics = tmp_path / "all.ics"
    ics.write_text(schedule(90))
    run("import-schedule", "c", ics, "--docs", docs)
    assert talks(day)[-1] == "90-talk-89.md"
    more = tmp_path / "more.ics"
    more.write_text(schedule(90).replace("talk-", "more-"))
    code, out, _ = run("import-schedule", "c", more, "--docs", docs)
    assert code == 0
    assert "talk 180 needs 3 digits, and the day's pages have 2" in out
    assert "rename the day's pages to 3 digits (01-… to 001-…) to keep them in order" in out
    assert (day / "90-talk-89.md").exists()  # existing names are never changed


def test_a_day_numbered_by_hand_keeps_its_width(docs: Path, run, day: Path) -> None:
    (day / "1-opening.md").write_text("---\ntags: [ai]\n---\n\n# Opening\n")
    code, out, _ = run("new-talk", "c/day-1", "Second", "--tags", "ai", "--docs", docs)
    assert code == 0
    assert Path(out.strip()).name == "2-second.md"  # not 02-, which would sort first
