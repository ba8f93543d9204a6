"""Trees the note-taker tools make build with the project's conf.py, without a warning."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO

from tools.notetaker.commands import main

FIXTURES = Path(__file__).parent / "fixtures"


def tool(*arguments: str | Path) -> None:
    assert main([str(argument) for argument in arguments]) == 0


def sphinx_build(docs: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """A strict build with the project's conf.py, as `nox -s build` runs it."""
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-W", "--keep-going"]
    command += ["-c", str(REPO), "-D", f"talknotes_diagram_cache={tmp_path / 'cache'}"]
    command += [str(docs), str(tmp_path / "html")]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_new_conference_import_and_new_talk_build_without_warnings(
    docs: Path, tmp_path: Path
) -> None:
    # before: the conferences and their schedules (three days: the last one stays empty)
    tool(
        "new-conference", "example-2025", "--name", "Example Cloud Conference Europe 2025",
        "--start", "2025-04-01", "--end", "2025-04-03", "--location", "London, UK",
        "--website", "https://events.example.org/2025/", "--docs", docs,
    )  # fmt: skip
    tool("import-schedule", "example-2025", FIXTURES / "sched.ics", "--tags", "community",
         "--docs", docs)  # fmt: skip
    tool("new-conference", "rejekts-2025", "--name", "Example Rejekts EU 2025",
         "--start", "2025-03-30", "--end", "2025-03-31", "--docs", docs)  # fmt: skip
    tool("import-schedule", "rejekts-2025", FIXTURES / "pretalx-schedule.json", "--docs", docs)
    # during: a talk that was not in the schedule, with its links
    tool(
        "new-talk", "example-2025/day-2", "Hallway track: GitOps at scale", "--tags", "gitops",
        "--speakers", "Jane Doe (Acme), Alex Polvi (CoreOS, Inc.)",
        "--video", "https://youtu.be/M5X5NCzlzIA?si=x", "--slides", "https://example.org/s.pdf",
        "--demo", "https://github.com/example/demo", "--time", "2025-04-02T15:00+01:00",
        "--room", "Hall 8 | Room G", "--docs", docs,
    )  # fmt: skip
    tool("new-talk", "example-2025/day-3", "A talk with no schedule entry", "--tags", "ai",
         "--docs", docs)  # fmt: skip

    result = sphinx_build(docs, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr

    html = tmp_path / "html"
    assert (
        html / "example-2025" / "day-1" / "04-platform-abstractions-asset-or-liability.html"
    ).is_file()
    talk = (html / "example-2025" / "day-2" / "03-hallway-track-gitops-at-scale.html").read_text()
    assert "https://www.youtube.com/watch?v=M5X5NCzlzIA" in talk
    pending = (html / "pending.html").read_text()
    # after: every imported talk waits for its recording and slides
    assert pending.count("Evaluating Global Load Balancing") == 1
    assert "Platform Abstractions: Asset or Liability?" in pending
    abstract = (
        html / "example-2025" / "day-1" / "04-platform-abstractions-asset-or-liability.html"
    ).read_text()
    assert "<details" in abstract
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in abstract


def test_a_converted_hugo_tree_builds_once_its_report_is_worked_through(
    docs: Path, tmp_path: Path, capsys
) -> None:
    tool(
        "import-hugo", FIXTURES / "hugo" / "content", "notes-2025", "--name", "Notes 2025",
        "--start", "2025-03-30", "--end", "2025-04-04", "--drop-tag", "rejekts,cloudnativecon",
        "--docs", docs,
    )  # fmt: skip
    report = capsys.readouterr().out
    folder = docs / "notes-2025"
    # the note-taker works through what the report lists, and nothing else
    fixes = {
        "day-1/02-controllers.md": ("<tag>, ", ""),
        "day-1/02-gslb.md": ("tags: []", "tags: [networking]"),
        "day-1/index.md": ("[a talk](todo:)", "a talk"),
        "day-1/05-broken-tech.md": ("[the government](../99_missing)", "the government"),
    }
    for name, (old, new) in fixes.items():
        path = folder / name
        assert old in path.read_text()
        path.write_text(path.read_text().replace(old, new))
    for listed in (
        "day-1/02_controllers.md:5: placeholder tag '<tag>'",
        "day-1/02_gslb.md: no tags",
        "day-1/_index.md:13: link to 'todo:'",
        "day-1/05_broken-tech.md:18: link '../99_missing'",
    ):
        assert listed in report

    result = sphinx_build(docs, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    day = (tmp_path / "html" / "notes-2025" / "day-1" / "index.html").read_text()
    assert re.search(r'href="02-gslb.html"[^>]*>.*Evaluating Global Load Balancing', day, re.S)
    assert (tmp_path / "html" / "_images" / "cycle.png").exists()
