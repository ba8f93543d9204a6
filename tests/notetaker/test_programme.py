"""A whole KubeCon programme: imported as written, in local time and order, and built with -W.

The programme is generated (``programme.py``): 4 days of 140-180 sessions in
every speaker shape, logistics, umbrellas and hostile text, times in UTC.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import yaml

from talknotes.rules.frontmatter import format_time, split_front_matter
from tests.notetaker.programme import Programme, programme
from tests.notetaker.test_build import sphinx_build
from tests.notetaker.test_import_schedule import counts, snapshot
from tools.notetaker.authoring.markdown import escape_inline

if TYPE_CHECKING:
    from pathlib import Path

SLUG = "kubecon-eu-2026"


def fresh_site(tmp_path: Path, run, made: Programme) -> tuple[Path, Path]:
    """An empty docs/ (no vocabulary), the conference made as the style guide says, the file."""
    docs = tmp_path / "docs"
    docs.mkdir()
    code, _, _ = run(
        "new-conference", SLUG, "--name", "KubeCon + CloudNativeCon Europe 2026",
        "--start", "2026-03-23", "--end", "2026-03-26", "--first-day", "0",
        "--location", "Amsterdam, NL", "--timezone", "Europe/Amsterdam", "--docs", docs,
    )  # fmt: skip
    assert code == 0
    ics = tmp_path / "all.ics"
    ics.write_bytes(made.ics())
    return docs, ics


def pages(docs: Path) -> dict[str, tuple[Path, dict[str, object], list[str]]]:
    """Every talk page by its source: its path, front matter and body."""
    found = {}
    for path in sorted((docs / SLUG).glob("day-*/[0-9]*.md")):
        front, body = split_front_matter(path.read_text(encoding="utf-8"))
        data = yaml.safe_load("\n".join(front))
        found[data["source"]] = (path, data, body)
    return found


def test_a_whole_programme_imports_as_written_in_local_time_and_order(tmp_path: Path, run) -> None:
    made = programme()
    docs, ics = fresh_site(tmp_path, run, made)
    code, out, err = run("import-schedule", SLUG, ics, "--docs", docs)
    assert code == 0
    talks = made.talks()
    assert 500 < len(talks) < 720
    assert counts(out) == {
        "added": len(talks), "updated": 0, "unchanged": 0, "skipped": 38, "not selected": 0,
    }  # fmt: skip
    assert "skipped                  38  (logistics: 22; full-day events: 16)" in out
    assert "not readable              3" in out
    assert len(err.splitlines()) == 3  # the three broken entries, at their lines
    found = pages(docs)
    for talk in talks:
        _, front, body = found[f"sched:{talk.uid}"]
        assert front.get("speakers", []) == list(talk.speakers), talk.summary
        assert front["time"] == format_time(talk.start)  # local, +01:00 in March
        assert front["room"] == talk.room
        assert f"# {escape_inline(talk.title)}" in body
    for day in sorted((docs / SLUG).glob("day-*")):
        names = sorted(path.name for path in day.glob("[0-9]*.md"))
        assert len(names) >= 100
        assert all(re.match(r"\d{3}-", name) for name in names)
        times = [pages_time(day / name) for name in names]
        assert times == sorted(times), day
    before = snapshot(docs)
    code, out, _ = run("import-schedule", SLUG, ics, "--docs", docs)
    assert counts(out)["unchanged"] == len(talks)
    assert snapshot(docs) == before


def pages_time(path: Path) -> str:
    return re.search(r"^time: (.+)$", path.read_text(encoding="utf-8"), re.M)[1]


def test_an_imported_programme_builds_with_w_without_a_hand_edit(tmp_path: Path, run) -> None:
    made = programme(seed=7, days=2, sessions=(25, 25))
    docs, ics = fresh_site(tmp_path, run, made)
    code, _, _ = run("import-schedule", SLUG, ics, "--docs", docs)
    assert code == 0
    result = sphinx_build(docs, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    html = tmp_path / "html"
    for path, _, _ in pages(docs).values():
        page = (html / path.relative_to(docs).with_suffix(".html")).read_text(encoding="utf-8")
        assert page.count("<h1") == 1, path  # nothing in an abstract became a heading
    thematic = next(p for p, _, body in pages(docs).values() if "\\- - -" in body)
    page = (html / thematic.relative_to(docs).with_suffix(".html")).read_text(encoding="utf-8")
    assert re.search(r"<details.*- - -.*</details>", page, re.S)
    # the first keynote of the main days, 08:00 UTC, is shown at 09:00 Amsterdam time
    keynote = min((html / SLUG / "day-1").glob("0*.html")).read_text(encoding="utf-8")
    assert "Tue 24 Mar 2026, 09:00 · Hall 12 | Keynote Stage" in keynote
