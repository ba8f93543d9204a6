"""new-talk and new-conference: a page only where it belongs, saying only text."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def conference(docs: Path, run) -> Path:
    code, _, _ = run(
        "new-conference", "conf-2025", "--name", "Conf 2025", "--start", "2025-04-01",
        "--end", "2025-04-03", "--docs", docs,
    )  # fmt: skip
    assert code == 0
    return docs / "conf-2025"


@pytest.mark.parametrize(
    "day", ["conf-2025/..", "../conf-2025", "conf-2025/.", "./day-1", "conf-2025/day-1/.."]
)
def test_a_day_must_be_a_day_folder_of_the_conference(
    docs: Path, conference: Path, run, day: str
) -> None:
    before = sorted(docs.rglob("*"))
    code, out, err = run("new-talk", day, "Escape", "--tags", "ai", "--docs", docs)
    assert code == 2
    assert out == ""
    assert err.startswith("notetaker: error: ")
    assert sorted(docs.rglob("*")) == before


def test_a_link_to_a_folder_elsewhere_is_no_day(
    docs: Path, conference: Path, run, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "index.md").write_text("# Not a day\n")
    (conference / "day-9").symlink_to(elsewhere)
    code, _, err = run("new-talk", "conf-2025/day-9", "Escape", "--docs", docs)
    assert code == 2
    assert "no day page" in err
    assert sorted(path.name for path in elsewhere.iterdir()) == ["index.md"]


def test_titles_in_any_script_get_distinct_names(docs: Path, conference: Path, run) -> None:
    names = []
    for title in (
        "🚀🚀",
        "🔥🔥",
        "クラウドネイティブ入門",
        "クラウドネイティブ入門 第二部",
        "Облако",
    ):
        code, out, _ = run("new-talk", "conf-2025/day-1", title, "--tags", "ai", "--docs", docs)
        assert code == 0
        names.append(Path(out.strip()).name)
    assert names[0].startswith("01-talk-")
    assert names[1].startswith("02-talk-")
    assert names[0][3:] != names[1][3:]
    assert names[2:] == [
        "03-kuraudoneiteiburu-men.md",
        "04-kuraudoneiteiburu-men-di-er-bu.md",
        "05-oblako.md",
    ]
    # the same title again is refused, whatever its script
    code, _, err = run("new-talk", "conf-2025/day-1", "🔥🔥", "--docs", docs)
    assert code == 2
    assert f"{conference / 'day-1' / names[1]} has the same title already" in err


def test_every_template_value_is_escaped(docs: Path, run) -> None:
    name = "<img src=x onerror=alert(1)> [Conf](javascript:x) {raw}`html`"
    code, _, _ = run(
        "new-conference", "evil", "--name", name, "--start", "2025-04-01",
        "--location", "<b>London</b>", "--docs", docs,
    )  # fmt: skip
    assert code == 0
    escaped = r"\<img src=x onerror=alert(1)> \[Conf\](javascript:x) \{raw\}\`html\`"
    day = (docs / "evil" / "day-1" / "index.md").read_text()
    assert f"Tuesday 1 April 2025, {escaped}.\n" in day
    index = (docs / "evil" / "index.md").read_text()
    assert f"\n# {escaped}\n" in index
    assert f"Notes from {escaped} in \\<b>London\\</b>, 1 April 2025." in index
    assert "<img" not in day.replace("\\<img", "")


@pytest.mark.parametrize("slug", ["../outside", "..", "outside/../../outside"])
def test_a_conference_is_a_folder_of_the_site(docs: Path, run, slug: str) -> None:
    """Even when ``docs/../outside`` is a conference page, nothing is imported there."""
    outside = docs.parent / "outside"
    outside.mkdir()
    page = outside / "index.md"
    page.write_text("---\nconference:\n  name: Elsewhere\n  start: 2025-04-01\n---\n\n# E\n")
    (docs.parent / "index.md").write_text(page.read_text())
    ics = docs.parent / "all.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\nX-WR-TIMEZONE:UTC\nBEGIN:VEVENT\nUID:a\nDTSTART:20250401T100000Z\n"
        "SUMMARY:Talk - Jane Doe\\, Acme\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    code, _, err = run("import-schedule", slug, ics, "--docs", docs)
    assert code == 2
    assert "is not the name of a conference folder" in err
    assert sorted(path.name for path in outside.iterdir()) == ["index.md"]
