"""Tags from tracks: matched against the vocabulary, else 'unsorted', filled in on re-import."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.notetaker.test_import_schedule import snapshot

if TYPE_CHECKING:
    from pathlib import Path

TRACKS = (
    "PLATFORM ENGINEERING", "SECURITY", "AI + ML", "OBSERVABILITY", "CONNECTIVITY",
    "EMERGING + ADVANCED", "TUTORIALS", "MAINTAINER TRACK", "CLOUD NATIVE NOVICE",
    "APPLICATION DEVELOPMENT", "DATA PROCESSING + STORAGE", "⚡ LIGHTNING TALKS",
)  # fmt: skip


def schedule(tracks: tuple[str, ...]) -> str:
    """A day with one talk per track, on the hour from 09:00 UTC."""
    events = "".join(
        f"BEGIN:VEVENT\nUID:t{number}\nDTSTART:20250401T{9 + number:02d}0000Z\n"
        f"SUMMARY:Talk {number} - Jane Doe\\, Acme\nCATEGORIES:{track}\nEND:VEVENT\n"
        for number, track in enumerate(tracks)
    )
    return f"BEGIN:VCALENDAR\nX-WR-TIMEZONE:Europe/London\n{events}END:VCALENDAR\n"


@pytest.fixture
def ics(tmp_path: Path) -> Path:
    path = tmp_path / "all.ics"
    path.write_text(schedule(TRACKS))
    return path


@pytest.fixture
def conference(docs: Path, run) -> Path:
    run("new-conference", "c", "--name", "C", "--start", "2025-04-01", "--docs", docs)
    return docs / "c" / "day-1"


def tags_of(page: Path) -> str:
    return next(line for line in page.read_text().splitlines() if line.startswith("tags:"))


def test_tracks_match_keys_and_aliases_by_name_or_slug(
    docs: Path, run, conference: Path, ics: Path
) -> None:
    code, _, _ = run("import-schedule", "c", ics, "--docs", docs)
    assert code == 0
    pages = sorted(conference.glob("[0-9]*.md"))
    assert tags_of(pages[0]) == "tags: [platform]"  # the alias platform-engineering, by slug
    assert tags_of(pages[11]) == "tags: [lightning-talk]"  # "⚡ LIGHTNING TALKS" by slug
    assert tags_of(pages[1]) == "tags: [unsorted]"


def test_every_unmatched_track_is_listed_once_and_unsorted_is_added(
    docs: Path, run, conference: Path, ics: Path
) -> None:
    vocabulary = docs / "tags.yml"
    before = vocabulary.read_text()
    code, out, _ = run("import-schedule", "c", ics, "--docs", docs)
    assert code == 0
    listed = [line for line in out.splitlines() if "tracks that match no tag" in line]
    assert len(listed) == 1
    for track in TRACKS[1:11]:  # all ten, not only the first eight
        assert f"{track!r} (1)" in listed[0]
    assert "; 10 pages got the tag 'unsorted'" in listed[0]
    assert f"note: added the tag 'unsorted' to {vocabulary}" in out
    added = vocabulary.read_text().removeprefix(before)
    assert added.endswith(
        "unsorted:\n  title: Not yet sorted\n"
        "  description: Imported talks whose schedule track matches no topic yet.\n"
    )
    # a second import finds the tag there and adds nothing
    run("import-schedule", "c", ics, "--docs", docs)
    assert vocabulary.read_text().count("unsorted:") == 1


def test_mapping_the_tracks_fills_the_pages_that_have_no_real_tag(
    docs: Path, run, conference: Path, ics: Path
) -> None:
    run("import-schedule", "c", ics, "--docs", docs)
    security, ai, observability = sorted(conference.glob("[0-9]*.md"))[1:4]
    ai.write_text(ai.read_text().replace("tags: [unsorted]", "tags: [unsorted, community]"))
    odd = sorted(conference.glob("[0-9]*.md"))[5]
    odd.write_text(odd.read_text().replace("tags: [unsorted]", "tags: {a: 1}"))
    observability.write_text(observability.read_text().replace("tags: [unsorted]", "tags: []"))
    vocabulary = docs / "tags.yml"
    text = vocabulary.read_text()
    text = text.replace("ai:\n  title: AI\n", "ai:\n  title: AI\n  aliases: [AI + ML]\n")
    text += "security:\n  title: Security\nobservability:\n  title: Observability\n"
    vocabulary.write_text(text)

    code, out, _ = run("import-schedule", "c", ics, "--docs", docs)
    assert code == 0
    assert tags_of(security) == "tags: [security]"
    assert tags_of(observability) == "tags: [observability]"  # an empty list is filled too
    assert tags_of(ai) == "tags: [unsorted, community]"  # the note-taker chose: kept
    assert tags_of(odd) == "tags: {a: 1}"  # not a list: the build reports it, the import keeps it
    assert f"updated  {security}: tags" in out
    assert "'SECURITY'" not in out
    assert "'CONNECTIVITY' (1)" in out
    before = snapshot(docs)
    run("import-schedule", "c", ics, "--docs", docs)
    assert snapshot(docs) == before


def test_a_dry_run_leaves_the_vocabulary_alone(
    docs: Path, run, conference: Path, ics: Path
) -> None:
    before = snapshot(docs)
    code, out, _ = run("import-schedule", "c", ics, "--dry-run", "--docs", docs)
    assert code == 0
    assert "10 pages got the tag 'unsorted'" in out
    assert f"note: would add the tag 'unsorted' to {docs / 'tags.yml'}" in out
    assert snapshot(docs) == before


def test_a_fresh_site_without_a_vocabulary_takes_the_tracks_as_free_tags(
    tmp_path: Path, run, ics: Path
) -> None:
    """Without tags.yml tags are free (as the build has them): tracks become tags as written."""
    docs = tmp_path / "fresh"
    docs.mkdir()
    run("new-conference", "c", "--name", "C", "--start", "2025-04-01", "--docs", docs)
    code, _, _ = run("import-schedule", "c", ics, "--docs", docs)
    assert code == 0
    assert not (docs / "tags.yml").exists()
    pages = [path.read_text() for path in (docs / "c").rglob("[0-9]*.md")]
    assert pages
    assert all("tags: [" in page and "unsorted" not in page for page in pages)


def test_a_vocabulary_the_tag_cannot_be_appended_to_is_left_unchanged(
    docs: Path, run, conference: Path, ics: Path
) -> None:
    vocabulary = docs / "tags.yml"
    vocabulary.write_text("{platform: {title: Platform engineering}}\n")
    code, _, err = run("import-schedule", "c", ics, "--docs", docs)
    assert code == 2
    assert f"{vocabulary}: the tag 'unsorted' cannot be added at the end of this file" in err
    assert "add unsorted: {title: Not yet sorted} by hand" in err
    assert vocabulary.read_text() == "{platform: {title: Platform engineering}}\n"
