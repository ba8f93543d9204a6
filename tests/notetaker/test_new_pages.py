"""new-conference and new-talk: the pages a note-taker makes before and during a conference."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from tools.notetaker.authoring.templates import ARCHETYPES


@pytest.fixture
def conference(docs: Path, run) -> Path:
    code, _, _ = run(
        "new-conference", "conf-2025", "--name", "Conf 2025", "--start", "2025-04-01",
        "--end", "2025-04-03", "--location", "London, UK", "--docs", docs,
    )  # fmt: skip
    assert code == 0
    return docs / "conf-2025"


# -- new-conference -------------------------------------------------------------------


def test_new_conference_writes_the_conference_and_one_page_per_day(
    docs: Path, conference: Path
) -> None:
    index = (conference / "index.md").read_text()
    assert index.startswith(
        "---\nconference:\n  name: Conf 2025\n  location: London, UK\n"
        "  start: 2025-04-01\n  end: 2025-04-03\n---\n\n# Conf 2025\n"
    )
    assert "day-1/index\nday-2/index\nday-3/index" in index
    day = (conference / "day-2" / "index.md").read_text()
    assert day.startswith("# Day 2\n\nWednesday 2 April 2025, Conf 2025.\n")
    assert "toctree" not in day  # an empty glob would be a build warning
    assert "*/index" in (docs / "index.md").read_text()  # a fresh site gets a home page


def test_new_conference_joins_the_home_page_list_in_date_order(docs: Path, run) -> None:
    (docs / "index.md").write_text(
        "# Notes\n\n```{toctree}\n:caption: Conferences\n\nnewer/index\nolder/index\n```\n"
    )
    for slug, start in (("newer", "2025-04-01"), ("older", "2023-04-01")):
        (docs / slug).mkdir()
        (docs / slug / "index.md").write_text(
            f"---\nconference:\n  name: {slug}\n  start: {start}\n---\n\n# {slug}\n"
        )
    code, _, err = run(
        "new-conference", "middle", "--name", "M", "--start", "2024-03-19", "--docs", docs
    )
    assert code == 0
    assert "added middle/index" in err
    assert "newer/index\nmiddle/index\nolder/index" in (docs / "index.md").read_text()


def test_new_conference_refuses_to_overwrite(docs: Path, conference: Path, run) -> None:
    before = (conference / "index.md").read_text()
    code, _, err = run(
        "new-conference", "conf-2025", "--name", "X", "--start", "2025-01-01", "--docs", docs
    )
    assert code == 2
    assert "exists already" in err
    assert (conference / "index.md").read_text() == before


def test_new_conference_first_day_zero(docs: Path, run) -> None:
    code, out, _ = run(
        "new-conference", "kc", "--name", "KC", "--start", "2025-04-01", "--end", "2025-04-02",
        "--first-day", "0", "--docs", docs,
    )  # fmt: skip
    assert code == 0
    assert "kc/day-0/index.md" in out
    assert "kc/day-1/index.md" in out


# -- new-talk -------------------------------------------------------------------------


def test_new_talk_writes_the_next_page_of_the_day(docs: Path, conference: Path, run) -> None:
    code, out, _ = run(
        "new-talk", "conf-2025/day-1", "Platform Abstractions: Asset or Liability?",
        "--tags", "Platforms,abstractions",
        "--speakers", "Jane Doe (Acme), Alex Polvi (CoreOS, Inc.)",
        "--video", "https://youtu.be/M5X5NCzlzIA?si=tracking", "--room", "Hall 8 | Room G",
        "--time", "2025-04-01T11:00+01:00", "--docs", docs,
    )  # fmt: skip
    assert code == 0
    path = Path(out.strip())
    assert path == conference / "day-1" / "01-platform-abstractions-asset-or-liability.md"
    assert path.read_text() == (
        "---\n"
        "tags: [platform, abstractions]\n"
        'speakers: [Jane Doe (Acme), "Alex Polvi (CoreOS, Inc.)"]\n'
        "time: 2025-04-01T11:00+01:00\n"
        "room: Hall 8 | Room G\n"
        "---\n\n"
        "# Platform Abstractions: Asset or Liability?\n\n"
        "```{video} https://www.youtube.com/watch?v=M5X5NCzlzIA\n```\n\n"
        "```{slides}\n```\n\n"
        "## The problem\n\n## What they did\n\n## What they learned\n"
    )
    assert "[0-9]*" in (conference / "day-1" / "index.md").read_text()  # the day lists its talks

    code, out, _ = run("new-talk", "conf-2025/day-1", "Second talk", "--tags", "ai", "--docs", docs)
    assert Path(out.strip()).name == "02-second-talk.md"
    assert (conference / "day-1" / "index.md").read_text().count("toctree") == 1


def test_new_talk_accepts_the_docs_prefix_and_an_explicit_number(
    docs: Path, conference: Path, run
) -> None:
    code, out, _ = run(
        "new-talk", f"{docs.name}/conf-2025/day-3", "Late", "--number", "7", "--tags", "ai",
        "--docs", docs,
    )  # fmt: skip
    assert code == 0
    assert Path(out.strip()) == conference / "day-3" / "07-late.md"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["conf-2025/day1", "T"], "no day page"),
        (["conf-2025/day1", "T"], "did you mean 'day-1'"),
        (["nope/day-1", "T"], "no conference page"),
        (["conf-2025/day-1", "T", "--tags", "plattform"], "did you mean 'platform'?"),
        (["conf-2025/day-1", "T", "--slides", "javascript:alert(1)"], "--slides"),
        (["conf-2025/day-1", "T", "--video", "https://youtu.be/short"], "not a YouTube video ID"),
        (["conf-2025/day-1", "T", "--time", "2025-04-01T11:00"], "UTC offset"),
        (["conf-2025", "T"], "CONFERENCE/DAY"),
    ],
)
def test_new_talk_refuses_bad_input_with_exit_code_2(
    docs: Path, conference: Path, run, arguments: list[str], message: str
) -> None:
    code, out, err = run("new-talk", *arguments, "--docs", docs)
    assert code == 2
    assert message in err
    assert out == ""
    assert not list(conference.glob("*/[0-9]*.md"))


def test_new_talk_never_overwrites(docs: Path, conference: Path, run) -> None:
    run("new-talk", "conf-2025/day-1", "Same", "--tags", "ai", "--docs", docs)
    page = conference / "day-1" / "01-same.md"
    page.write_text(page.read_text() + "\nMy notes.\n")
    code, _, err = run("new-talk", "conf-2025/day-1", "Same", "--tags", "ai", "--docs", docs)
    assert code == 2
    assert "01-same.md has the same title already" in err
    assert "My notes." in page.read_text()
    # two talks may share a number (the day's order is then by name), never a file
    code, out, _ = run("new-talk", "conf-2025/day-1", "Other", "--number", "1", "--docs", docs)
    assert code == 0
    assert Path(out.strip()).name == "01-other.md"
    assert "My notes." in page.read_text()


def test_new_talk_without_tags_warns(docs: Path, conference: Path, run) -> None:
    code, _, err = run("new-talk", "conf-2025/day-2", "Untagged", "--docs", docs)
    assert code == 0
    assert "no --tags" in err
    assert "tags: []" in (conference / "day-2" / "01-untagged.md").read_text()


def test_a_site_can_change_the_templates(docs: Path, conference: Path, run, tmp_path: Path) -> None:
    archetypes = tmp_path / "archetypes"
    shutil.copytree(ARCHETYPES, archetypes)
    (archetypes / "talk.md").write_text(
        "%# my template\n---\n${front_matter}\n---\n\n# ${title}\n\n${resources}\n\n## Notes\n"
    )
    code, out, _ = run(
        "new-talk", "conf-2025/day-1", "Custom", "--tags", "ai", "--docs", docs,
        "--archetypes", archetypes,
    )  # fmt: skip
    assert code == 0
    text = Path(out.strip()).read_text()
    assert text.endswith("```{slides}\n```\n\n## Notes\n")
    assert "my template" not in text

    (archetypes / "talk.md").write_text("---\n${front_matter}\n---\n\n# ${title}\n\n${speaker}\n")
    code, _, err = run(
        "new-talk", "conf-2025/day-1", "Broken", "--docs", docs, "--archetypes", archetypes
    )
    assert code == 2
    assert f"{archetypes / 'talk.md'}:7: unknown placeholder ${{speaker}}" in err


def test_the_package_runs_as_a_module_from_the_repository_root() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tools.notetaker", "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    for command in ("new-talk", "new-conference", "import-schedule", "import-hugo"):
        assert command in result.stdout


# -- the site's settings and problems -------------------------------------------------


def test_new_talk_reads_the_vocabulary_conf_py_names(
    docs: Path, conference: Path, run, tmp_path: Path
) -> None:
    (docs / "tags.yml").rename(docs / "topics.yml")
    conf = tmp_path / "conf.py"
    conf.write_text('talknotes_tags_file = "topics.yml"\n')
    code, out, _ = run(
        "new-talk", "conf-2025/day-1", "T", "--tags", "platforms", "--docs", docs, "--conf", conf
    )
    assert code == 0
    assert "tags: [platform]" in Path(out.strip()).read_text()
    # without the setting, the tools look where the build would: tags.yml, now missing,
    # which makes tags free (as sphinx-tags has them): any tag is taken as written
    code, out, _ = run(
        "new-talk", "conf-2025/day-1", "U", "--tags", "Machine Learning", "--docs", docs
    )
    assert code == 0
    assert "tags: [Machine Learning]" in Path(out.strip()).read_text()


def test_vocabulary_problems_are_warnings_at_their_line(docs: Path, conference: Path, run) -> None:
    tags = docs / "tags.yml"
    tags.write_text(tags.read_text() + "broken:\n  description: no title\n")
    line = tags.read_text().splitlines().index("broken:") + 1
    code, _, err = run("new-talk", "conf-2025/day-1", "T", "--tags", "ai", "--docs", docs)
    assert code == 0
    assert f"notetaker: warning: {tags}:{line}: tag 'broken': 'title' is required\n" in err


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  end: 2025-04-03\n", "  end: 2025-03-01\n", "'end' is before 'start'"),
        ("  end: 2025-04-03\n", "  end: 2025-04-03\n  website: javascript:x\n", "'website'"),
        ("  name: Conf 2025\n", "", "'name' is required"),
        (
            "conference:\n  name: Conf 2025\n  location: London, UK\n",
            "conference: Conf 2025\nplace:\n  location: London, UK\n",
            "'conference' must be a mapping",
        ),
    ],
)
def test_bad_conference_front_matter_is_an_error_at_its_line(  # noqa: PLR0917 (pytest's)
    docs: Path, conference: Path, run, old: str, new: str, message: str
) -> None:
    index = conference / "index.md"
    index.write_text("---\n# the conference\n" + index.read_text().removeprefix("---\n"))
    index.write_text(index.read_text().replace(old, new))
    code, _, err = run("new-talk", "conf-2025/day-1", "T", "--tags", "ai", "--docs", docs)
    assert code == 2
    assert err.startswith(f"notetaker: error: {index}:3: ")  # the line of conference:
    assert message in err
