"""import-schedule: sessions synced into talk pages, idempotently, with a report."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from tools.notetaker.authoring.templates import Templates
from tools.notetaker.authoring.vocabulary import load_tags
from tools.notetaker.schedule.importer import ImportOptions, import_schedule
from tools.notetaker.schedule.load import load_schedule
from tools.notetaker.schedule.skip import SkipKind

FIXTURES = Path(__file__).parent / "fixtures"
SCHED = FIXTURES / "sched.ics"
PRETALX = FIXTURES / "pretalx-schedule.json"
ABSTRACTIONS_UID = "5061728394a5b6c7d8e9f0a1b2c3d4e5"
DAY_2000_UID = "3e4f5061728394a5b6c7d8e9f0a1b2c3"


@pytest.fixture
def docs(tmp_path: Path, run) -> Path:
    """A site with the test vocabulary and two conferences made by new-conference."""
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(FIXTURES / "tags.yml", folder / "tags.yml")
    for slug, name, start, end in (
        ("example-2025", "Example Cloud Conference Europe 2025", "2025-04-01", "2025-04-02"),
        ("rejekts-2025", "Example Rejekts EU 2025", "2025-03-30", "2025-03-31"),
    ):
        code, _, _ = run(
            "new-conference", slug, "--name", name, "--start", start, "--end", end,
            "--docs", folder,
        )  # fmt: skip
        assert code == 0
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def counts(out: str) -> dict[str, int]:
    found = {}
    for label in ("added", "updated", "unchanged", "skipped", "not selected"):
        line = next(line for line in out.splitlines() if line.strip().startswith(label + " "))
        found[label] = int(line.split()[-1] if "(" not in line else line.split("(")[0].split()[-1])
    return found


# -- importing ------------------------------------------------------------------------


def test_import_creates_stub_pages_in_the_day_of_their_local_date(docs: Path, run) -> None:
    code, out, _ = run("import-schedule", "example-2025", SCHED, "--docs", docs)
    assert code == 0
    assert counts(out) == {
        "added": 6, "updated": 0, "unchanged": 0, "skipped": 4, "not selected": 0,
    }  # fmt: skip
    day_1 = sorted(p.name for p in (docs / "example-2025" / "day-1").glob("[0-9]*.md"))
    assert day_1 == [
        "01-keynote-welcome-opening-remarks.md",
        "02-lightning-talk-ten-minutes-to-a-golden.md",
        "03-day-2000-migrating-from-kubeadm-ansible.md",
        "04-platform-abstractions-asset-or-liability.md",
    ]
    page = (docs / "example-2025" / "day-1" / day_1[3]).read_text()
    assert page.startswith(
        "---\n"
        "tags: [platform]\n"
        "speakers: [Ana Silva (InfraCo), Li Wei (Example Corp), Sam O'Neil (Johnson & Johnson)]\n"
        "time: 2025-04-01T12:00+01:00\n"
        "room: Level 3 | Room S3A\n"
        f"source: sched:{ABSTRACTIONS_UID}\n"
        "---\n\n"
        "# Platform Abstractions: Asset or Liability?\n\n"
        "```{video}\n```\n\n```{slides}\n```\n\n"
        ":::{dropdown} Abstract\n"
        "\\# Why abstractions break\n\n"
    )
    assert "\\<script>" in page
    assert (
        "Schedule entry: <https://example2025.sched.com/event/1aa06/platform-abstractions>" in page
    )
    keynote = (docs / "example-2025" / "day-1" / day_1[0]).read_text()
    assert "\nformat: keynote\n" in keynote  # a format, from the title's prefix: no tag
    lightning = (docs / "example-2025" / "day-1" / day_1[1]).read_text()
    assert "\nformat: lightning\n" in lightning
    assert "tags: [platform]" in lightning
    assert "[0-9]*" in (docs / "example-2025" / "day-1" / "index.md").read_text()
    # 'Networking + Edge' is no tag: the page gets the fallback tag, and the report says
    # which tracks to map
    mesh = docs / "example-2025" / "day-2" / "01-the-service-mesh-wars-a-new-hope-for.md"
    assert mesh.read_text().startswith("---\ntags: [unsorted]\n")
    assert "'Keynote Sessions' (2), 'Networking + Edge' (1); 3 pages got the tag 'unsorted'" in out


def test_importing_twice_changes_nothing(docs: Path, run) -> None:
    run("import-schedule", "example-2025", SCHED, "--docs", docs)
    before = snapshot(docs)
    code, out, _ = run("import-schedule", "example-2025", SCHED, "--docs", docs)
    assert code == 0
    assert counts(out) == {
        "added": 0, "updated": 0, "unchanged": 6, "skipped": 4, "not selected": 0,
    }  # fmt: skip
    assert snapshot(docs) == before


def test_a_schedule_change_updates_the_schedule_fields_and_keeps_the_notes(
    docs: Path, run, tmp_path: Path
) -> None:
    run("import-schedule", "example-2025", SCHED, "--docs", docs)
    day = docs / "example-2025" / "day-1"
    abstractions = day / "04-platform-abstractions-asset-or-liability.md"
    migration = day / "03-day-2000-migrating-from-kubeadm-ansible.md"
    # the note-taker works on the pages
    text = abstractions.read_text()
    text = text.replace("tags: [platform]", "tags: [platform, abstractions]  # mine")
    text = text.replace("```{video}\n```", "```{video} https://youtu.be/M5X5NCzlzIA\n```")
    text = text.replace("## What they did\n", "## What they did\n\nLayered abstractions.\n")
    abstractions.write_text(text)
    migration.write_text(migration.read_text() + "\nMy notes on the migration.\n")

    changed = tmp_path / "all.ics"
    ics = SCHED.read_text()
    moved = ics.replace(  # the talk moves from 11:00Z to 14:30Z and to another room
        "DTSTART:20250401T110000Z\nDTEND:20250401T113000Z\n", "DTSTART:20250401T143000Z\n"
    ).replace(
        f"LOCATION:Level 3 | Room S3A\\, London\\, United Kingdom\nUID:{ABSTRACTIONS_UID}",
        f"LOCATION:Level 0 | Room N1\\, London\\, United Kingdom\nUID:{ABSTRACTIONS_UID}",
    )
    added_speaker = moved.replace(
        "John Roe\\, Beta Systems", "John Roe\\, Beta Systems & Mia Chen\\, Gamma"
    )
    retitled = added_speaker.replace("Keynote: Fireside Chat - ", "Keynote: A Fireside Chat - ")
    assert retitled.count("\n") < ics.count("\n")
    changed.write_text(retitled)

    code, out, _ = run("import-schedule", "example-2025", changed, "--docs", docs)
    assert code == 0
    assert counts(out)["updated"] == 3
    assert f"updated  {abstractions}: time, room" in out
    assert f"updated  {migration}: speakers" in out
    assert "02-keynote-fireside-chat.md: title" in out

    text = abstractions.read_text()
    assert "time: 2025-04-01T15:30+01:00\n" in text
    assert "room: Level 0 | Room N1\n" in text
    assert "tags: [platform, abstractions]  # mine\n" in text
    assert "```{video} https://youtu.be/M5X5NCzlzIA\n```" in text
    assert "Layered abstractions." in text
    migration_text = migration.read_text()
    assert (
        "speakers: [Jane Doe (Acme), John Roe (Beta Systems), Mia Chen (Gamma)]\n" in migration_text
    )
    assert migration_text.endswith("\nMy notes on the migration.\n")
    fireside = (docs / "example-2025" / "day-2" / "02-keynote-fireside-chat.md").read_text()
    assert "\n# Keynote: A Fireside Chat\n" in fireside

    before = snapshot(docs)
    code, out, _ = run("import-schedule", "example-2025", changed, "--docs", docs)
    assert counts(out)["updated"] == 0
    assert snapshot(docs) == before


def test_a_session_gone_from_the_schedule_is_reported_and_its_page_kept(
    docs: Path, run, tmp_path: Path
) -> None:
    run("import-schedule", "example-2025", SCHED, "--docs", docs)
    ics = SCHED.read_text()
    start = ics.index("BEGIN:VEVENT\nDTSTAMP:20250320T120000Z\nDTSTART:20250401T093000Z")
    end = ics.index("END:VEVENT\n", start) + len("END:VEVENT\n")
    shorter = tmp_path / "all.ics"
    shorter.write_text(ics[:start] + ics[end:])
    code, out, _ = run("import-schedule", "example-2025", shorter, "--docs", docs)
    assert code == 0
    page = docs / "example-2025" / "day-1" / "02-lightning-talk-ten-minutes-to-a-golden.md"
    assert f"removed  {page}: sched:2d3e4f5061728394a5b6c7d8e9f0a1b2 is not in this file" in out
    assert re.search(r"removed from schedule +1  \(pages kept\)", out)
    assert page.exists()


def test_a_selection_adds_only_the_chosen_sessions(docs: Path, run, tmp_path: Path) -> None:
    ids = tmp_path / "attend.txt"
    ids.write_text(
        "# sessions I plan to attend\n"
        f"{ABSTRACTIONS_UID}\n"
        "sched:1c2d3e4f5061728394a5b6c7d8e9f0a1   # the opening keynote\n"
        "https://example2025.sched.com/event/1aa08\n"
        "not-a-session\n"
    )
    code, out, _ = run("import-schedule", "example-2025", SCHED, "--ids", ids, "--docs", docs)
    assert code == 0
    assert counts(out) == {
        "added": 3, "updated": 0, "unchanged": 0, "skipped": 4, "not selected": 3,
    }  # fmt: skip
    assert "'not-a-session' is no session of this schedule" in out
    # a later run with --match adds more; the pages already there are kept in sync
    code, out, _ = run(
        "import-schedule", "example-2025", SCHED, "--match", "keynote|kubeadm", "--docs", docs
    )
    assert counts(out) == {
        "added": 2, "updated": 0, "unchanged": 3, "skipped": 4, "not selected": 1,
    }  # fmt: skip
    names = sorted(p.name for p in (docs / "example-2025").glob("day-*/[0-9]*.md"))
    assert names == [
        "01-keynote-welcome-opening-remarks.md",
        "01-the-service-mesh-wars-a-new-hope-for.md",
        "02-keynote-fireside-chat.md",
        "02-platform-abstractions-asset-or-liability.md",
        "03-day-2000-migrating-from-kubeadm-ansible.md",
    ]


def test_pretalx_import_and_extra_tags(docs: Path, run) -> None:
    code, out, _ = run(
        "import-schedule", "rejekts-2025", PRETALX, "--tags", "community", "--docs", docs
    )
    assert code == 0
    assert counts(out)["added"] == 3
    page = docs / "rejekts-2025" / "day-1" / "02-evaluating-global-load-balancing-options.md"
    assert page.read_text().startswith(
        "---\ntags: [platform, community]\nspeakers: [Nico Example, Kim Sample]\n"
        "time: 2025-03-30T10:00+01:00\nroom: Main Hall\nsource: pretalx:GSLB42\n---\n"
    )
    assert (docs / "rejekts-2025" / "day-2" / "01-scaling-pdbs-across-clusters.md").exists()


def test_sessions_outside_the_conference_dates_are_skipped(docs: Path, run) -> None:
    index = docs / "example-2025" / "index.md"
    index.write_text(index.read_text().replace("  end: 2025-04-02\n", ""))
    code, out, _ = run("import-schedule", "example-2025", SCHED, "--docs", docs, "-v")
    assert code == 0
    assert "outside the conference's dates: 2" in out
    assert "'Keynote: Fireside Chat': on 2025-04-02, outside the conference" in out


def test_skipped_sessions_are_counted_by_the_kind_of_reason(docs: Path, run) -> None:
    index = docs / "example-2025" / "index.md"
    index.write_text(index.read_text().replace("  end: 2025-04-02\n", ""))
    outcome = import_schedule(
        docs,
        "example-2025",
        load_schedule(SCHED),
        options=ImportOptions(dry_run=True),
        templates=Templates(),
        tags=load_tags(docs / "tags.yml"),
    )
    kinds = Counter(skip.kind for skip in outcome.skipped)
    assert kinds == {SkipKind.LOGISTICS: 4, SkipKind.OUTSIDE_DATES: 2}
    lunch = next(skip for skip in outcome.skipped if skip.session.title == "Lunch")
    assert (lunch.kind, lunch.reason) == (
        SkipKind.LOGISTICS,
        "no speakers, and the track 'Breaks' is logistics",
    )
    code, out, _ = run("import-schedule", "example-2025", SCHED, "--docs", docs)
    assert code == 0
    assert "skipped                   6  (logistics: 4; outside the conference's dates: 2)" in out


def test_import_and_new_talk_create_a_talk_identically(docs: Path, run, tmp_path: Path) -> None:
    ics = tmp_path / "one.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\nX-WR-TIMEZONE:Europe/London\nBEGIN:VEVENT\n"
        "DTSTART:20250401T100000Z\nSUMMARY:Golden Paths [Part 1] - Jane Doe\\, Acme\n"
        "LOCATION:Room A\\, London\\, United Kingdom\nUID:gp1\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    code, _, _ = run("import-schedule", "example-2025", ics, "--tags", "platform", "--docs", docs)
    assert code == 0
    imported = docs / "example-2025" / "day-1" / "01-golden-paths-part-1.md"
    code, out, _ = run(
        "new-talk", "rejekts-2025/day-1", "Golden Paths [Part 1]", "--tags", "platform",
        "--speakers", "Jane Doe (Acme)", "--time", "2025-04-01T11:00+01:00", "--room", "Room A",
        "--docs", docs,
    )  # fmt: skip
    assert code == 0
    typed = Path(out.strip())
    assert typed.name == imported.name
    assert imported.read_text() == typed.read_text().replace(
        "room: Room A\n", "room: Room A\nsource: sched:gp1\n"
    )
    for day in (imported.parent, typed.parent):  # both days list their talks the same way
        assert (
            (day / "index.md")
            .read_text()
            .endswith("```{toctree}\n:maxdepth: 1\n:glob:\n\n[0-9]*\n```\n")
        )


def test_a_day_zero_conference_gets_day_zero_pages(docs: Path, run) -> None:
    run(
        "new-conference", "kc", "--name", "KC", "--start", "2025-04-01", "--end", "2025-04-02",
        "--first-day", "0", "--docs", docs,
    )  # fmt: skip
    run("import-schedule", "kc", SCHED, "--docs", docs)
    assert len(list((docs / "kc" / "day-0").glob("[0-9]*.md"))) == 4
    assert len(list((docs / "kc" / "day-1").glob("[0-9]*.md"))) == 2


def test_a_dry_run_writes_nothing(docs: Path, run) -> None:
    before = snapshot(docs)
    code, out, _ = run("import-schedule", "example-2025", SCHED, "--dry-run", "--docs", docs)
    assert code == 0
    assert "dry run" in out
    assert counts(out)["added"] == 6
    assert snapshot(docs) == before


@pytest.mark.parametrize(
    ("content", "options", "message"),
    [
        ("nonsense\n", (), "all.ics:1: neither an iCalendar file"),
        (
            "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a1\nDTSTART:20250401T100000Z\n"
            "SUMMARY:T - Jane Doe\\, Acme\nEND:VEVENT\nEND:VCALENDAR\n",
            (),
            "(no X-WR-TIMEZONE): add `timezone:` to the conference's front matter",
        ),
        (
            "BEGIN:VCALENDAR\nX-WR-TIMEZONE:Europe/London\nEND:VCALENDAR\n",
            ("--timezone", "Nowhere/Land"),
            "is not a time zone",
        ),
        ('{"schedule": {\n  "conference": [}\n', (), "all.ics:2: not valid JSON"),
        ('{"version": 1}', (), "not a pretalx schedule.json"),
    ],
)
def test_bad_schedules_are_user_errors(  # noqa: PLR0917 (pytest passes them by name)
    docs: Path, run, tmp_path: Path, content: str, options: tuple[str, ...], message: str
) -> None:
    path = tmp_path / "all.ics"
    path.write_text(content)
    code, _, err = run("import-schedule", "example-2025", path, *options, "--docs", docs)
    assert code == 2
    assert message in err
    assert err.startswith("notetaker: error: ")


def test_unknown_conference_and_bad_options_are_user_errors(docs: Path, run) -> None:
    code, _, err = run("import-schedule", "example-2052", SCHED, "--docs", docs)
    assert code == 2
    assert "did you mean 'example-2025'?" in err
    code, _, err = run("import-schedule", "example-2025", SCHED, "--match", "(", "--docs", docs)
    assert code == 2
    assert "is not a regular expression" in err
    code, _, err = run(
        "import-schedule", "example-2025", SCHED, "--tags", "plattform", "--docs", docs
    )
    assert code == 2
    assert "did you mean 'platform'?" in err
    code, _, err = run(
        "import-schedule", "example-2025", SCHED, "--ids", "missing.txt", "--docs", docs
    )
    assert code == 2
    assert "missing.txt: cannot read the list of sessions" in err
