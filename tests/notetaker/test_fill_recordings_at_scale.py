"""fill-recordings on a KubeCon-sized programme and the organiser's playlist: right, or reported.

The programme (tests/notetaker/programme.py) is imported as the style guide says;
the playlist (tests/notetaker/playlist.py) is made the way the CNCF titles its
videos, by code that knows nothing of the matcher. No wrong video may land on a
page, and every page left without one must be in the report.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from typing import TYPE_CHECKING

import pytest

from tests.notetaker.playlist import playlist
from tests.notetaker.programme import Programme, programme
from tests.notetaker.test_programme import SLUG, fresh_site, pages

if TYPE_CHECKING:
    from pathlib import Path

WATCH = "https://www.youtube.com/watch?v="
# Places and audiences that tell apart the generator's repeated titles, as real titles differ.
_QUALIFIERS = [
    f"{where} {what}"
    for where, what in itertools.product(
        ("at", "for", "in"),
        ("Adobe", "Banks", "Retail", "the Edge", "Small Teams", "Telcos", "Airlines",
         "Startups", "Hospitals", "Game Studios", "Universities", "Satellites"),
    )
]  # fmt: skip


def distinct_titles(made: Programme) -> Programme:
    """The programme with each repeated title told apart, as in a real programme."""
    seen: Counter[str] = Counter()
    entries = []
    for entry in made.entries:
        seen[entry.title] += 1
        repeat = seen[entry.title] - 1
        if entry.kind != "talk" or not repeat or not entry.summary.startswith(entry.title):
            entries.append(entry)
            continue
        title = f"{entry.title} {_QUALIFIERS[repeat - 1]}"
        summary = title + entry.summary[len(entry.title) :]
        entries.append(dataclasses.replace(entry, title=title, summary=summary))
    return Programme(entries)


def filled_site(tmp_path: Path, run, made: Programme) -> tuple[Path, dict[str, str | None], str]:
    """Import the programme, fill from its playlist: each page's video id by source, the report."""
    docs, ics = fresh_site(tmp_path, run, made)
    assert run("import-schedule", SLUG, ics, "--docs", docs)[0] == 0
    made_playlist = playlist(made)
    file = tmp_path / "playlist.json"
    file.write_bytes(made_playlist.json())
    code, out, _ = run("fill-recordings", SLUG, file, "--docs", docs)
    assert code == 0
    return docs, _videos(docs), out


def _videos(docs: Path) -> dict[str, str | None]:
    found = {}
    for source, (_, _, body) in pages(docs).items():
        line = next(line for line in body if line.startswith("```{video}"))
        url = line.removeprefix("```{video}").strip()
        found[source.removeprefix("sched:")] = url.removeprefix(WATCH) or None
    return found


def score(got: dict[str, str | None], truth: dict[str, str]) -> tuple[int, int, int]:
    """(right, wrong, missed) over the talks that have a video; a decoy given to any is wrong."""
    right = sum(1 for uid, video in truth.items() if got.get(uid) == video)
    wrong = sum(1 for uid, video in got.items() if video is not None and truth.get(uid) != video)
    return right, wrong, len(truth) - right


def counts(report: str) -> dict[str, int]:
    return {m[1]: int(m[2]) for m in re.finditer(r"^  ([a-z ]+?) +(\d+)$", report, re.MULTILINE)}


def test_a_real_size_programme_is_filled_right_or_reported(tmp_path: Path, run) -> None:
    made = distinct_titles(programme())
    truth = playlist(made).truth()
    docs, got, report = filled_site(tmp_path, run, made)
    right, wrong, missed = score(got, truth)
    assert wrong == 0
    assert right / len(truth) >= 0.95, f"{right} of {len(truth)}, {missed} missed"
    listed = counts(report)
    assert listed["filled"] == right
    assert sum(listed[key] for key in ("filled", "no match", "ambiguous")) == len(got)
    before = {path: path.read_bytes() for path in docs.rglob("*.md")}
    code, out, _ = run("fill-recordings", SLUG, tmp_path / "playlist.json", "--docs", docs)
    assert (code, counts(out)["filled"]) == (0, 0)
    assert {path: path.read_bytes() for path in docs.rglob("*.md")} == before


@pytest.mark.parametrize("seed", [2026, 1])
def test_repeated_titles_are_never_guessed(tmp_path: Path, run, seed: int) -> None:
    """The generator's programme repeats titles (16 opening remarks without speakers): no guess."""
    made = programme(seed)
    truth = playlist(made).truth()
    _, got, _ = filled_site(tmp_path, run, made)
    right, wrong, _ = score(got, truth)
    assert wrong == 0
    assert right / len(truth) >= 0.85
