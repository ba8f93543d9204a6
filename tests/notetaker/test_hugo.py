"""import-hugo: a Hugo notes tree converted into the authoring format, losing nothing."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from tools.notetaker.authoring.templates import ARCHETYPES, Templates
from tools.notetaker.authoring.vocabulary import load_tags
from tools.notetaker.hugo.model import HugoPage, HugoTree, Report
from tools.notetaker.hugo.plan import HugoOptions, plan_conversion
from tools.notetaker.hugo.targets import name_targets

FIXTURES = Path(__file__).parent / "fixtures"
CONTENT = FIXTURES / "hugo" / "content"
CONFERENCE = ("--name", "Cloud Native Week London 2025", "--start", "2025-03-30")
# Page links masked the same way on both sides: the text outside links must survive as is.
_ANY_LINK = re.compile(
    r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\((?:\{\{.*?\}\}|[^)\s]*)(?:\s+\"[^\"]*\")?\)"
)
_BUTTON_LINE = re.compile(
    r"\s*(?:<!--\s*)?\{\{[%<]\s*button\b.*\{\{[%<]\s*/button\s*[%>]\}\}(?:\s*-->)?"
)

EXPECTED_PAGES = {
    "_index.md": "index.md",
    "about.md": "about.md",
    "day-1/_index.md": "day-1/index.md",
    "day-1/02_controllers.md": "day-1/02-controllers.md",
    "day-1/02_gslb.md": "day-1/02-gslb.md",
    "day-1/05_broken-tech.md": "day-1/05-broken-tech.md",
    "day0/_index.md": "day0/index.md",
    "day0/01_project-update.md": "day0/01-project-update.md",
    "day0/10_abstractions.md": "day0/10-abstractions.md",
    "day0/11_toml-page.md": "day0/11-toml-page.md",
}


@pytest.fixture
def converted(docs: Path, run) -> tuple[Path, str]:
    code, out, _ = run("import-hugo", CONTENT, "notes-2025", *CONFERENCE, "--docs", docs)
    assert code == 0
    return docs / "notes-2025", out


def test_the_tree_becomes_a_conference_with_days_and_numbered_talks(converted) -> None:
    folder, _ = converted
    written = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert written == sorted(
        [*EXPECTED_PAGES.values(), "day-1/_img/cycle.png", "day0/_img/abstraction-cycle.png"]
    )
    index = (folder / "index.md").read_text()
    assert index.startswith(
        "---\nconference:\n  name: Cloud Native Week London 2025\n  start: 2025-03-30\n---\n\n"
        "# Cloud Native Notes 2025\n"
    )
    # days in weight order (day-1 has weight 2, day0 weight 3), other pages after them
    assert "day-1/index\nday0/index\n```" in index
    assert ":caption: More\n\nabout\n```" in index
    day = (folder / "day-1" / "index.md").read_text()
    assert day.startswith("# Day -1\n")
    assert day.endswith("## Talks\n\n```{toctree}\n:maxdepth: 1\n:glob:\n\n[0-9]*\n```\n")
    for image in ("day-1/_img/cycle.png", "day0/_img/abstraction-cycle.png"):
        assert (folder / image).read_bytes() == (CONTENT / image).read_bytes()


def test_buttons_become_resource_directives(converted) -> None:
    folder, _ = converted
    gslb = (folder / "day-1" / "02-gslb.md").read_text()
    assert gslb == (
        "---\ntags: [rejekts]\n---\n\n"
        "# Evaluating Global Load Balancing Options for Kubernetes in Practice\n\n"
        "```{video} https://youtu.be/RBMRU8rtxfI\n```\n\n"
        "```{demo} https://github.com/example/rejekts2025-gslb\n:label: Demo-Code and more\n```\n\n"
        "```{slides} https://example.org/slides/gslb.pdf\n```\n\n"
        "My talk, notes will follow.\n"
    )
    controllers = (folder / "day-1" / "02-controllers.md").read_text()
    # the commented-out video is superseded by the real one; the slides one becomes pending
    assert controllers.count("```{video}") == 1
    assert "```{video} https://www.youtube.com/watch?v=PciVvE02L2w\n```\n\n```{slides}\n```" in (
        controllers
    )
    assert "rkteV6Mzjfs" not in controllers
    toml = (folder / "day0" / "11-toml-page.md").read_text()
    assert "```{video} https://www.youtube.com/watch?v=dQw4w9WgXcQ\n```" in toml  # {{< >}} form


def test_relative_links_become_cross_references(converted) -> None:
    folder, _ = converted
    day = (folder / "day-1" / "index.md").read_text()
    assert "- My talk: [](02-gslb.md)\n" in day  # text equal to the title: the title is used
    assert "[The Hidden Brains of Kubernetes](02-controllers.md)" in day
    controllers = (folder / "day-1" / "02-controllers.md").read_text()
    assert "[the load balancing talk](02-gslb.md)" in controllers  # Hugo's ../ from a page
    assert "`[not a link](./02_gslb)`" in controllers  # code stays code
    day0 = (folder / "day0" / "index.md").read_text()
    assert "[](../day-1/05-broken-tech.md)" in day0
    abstractions = (folder / "day0" / "10-abstractions.md").read_text()
    assert "![The abstraction cycle](_img/abstraction-cycle.png)" in abstractions
    assert "[the project update](01-project-update.md) and\n[](01-project-update.md)." in (
        abstractions
    )
    broken = (folder / "day-1" / "05-broken-tech.md").read_text()
    assert "![The hiring cycle](_img/cycle.png)" in broken
    assert "[](day-1/02-gslb.md)" not in (folder / "index.md").read_text()
    assert "[my own talk](day-1/02-gslb.md)" in (folder / "index.md").read_text()
    assert "see [](day0/index.md) for" in (folder / "about.md").read_text()


def test_tags_are_matched_and_unknown_ones_left_for_the_user(converted) -> None:
    folder, out = converted
    front = (folder / "day-1" / "02-controllers.md").read_text().split("---")[1]
    assert yaml.safe_load(front) == {"tags": ["<tag>", "rejekts", "controllers"]}
    assert "tags: [platform, abstractions]" in (folder / "day0" / "10-abstractions.md").read_text()
    assert "tags: [hiring, ai]" in (folder / "day-1" / "05-broken-tech.md").read_text()
    assert "day-1/02_controllers.md:5: placeholder tag '<tag>' left in tags" in out
    assert "day-1/02_controllers.md:6: tag 'rejekts' is not in tags.yml" in out
    assert "day0/01_project-update.md:7: tag 'cloudnativecon' is not in tags.yml" in out


def test_the_report_lists_every_construct_kept_verbatim(converted) -> None:
    _, out = converted
    left = out.split("left for you (")[1]
    expected = [
        "_index.md:2: front matter archetype has no equivalent: kept as a % comment",
        "day-1/_index.md:13: link to 'todo:' is neither a web address nor a page",
        "day-1/02_controllers.md:10: placeholder video button dropped",
        "day-1/05_broken-tech.md:16: shortcode {{< figure",
        "day-1/05_broken-tech.md:18: link '../99_missing' points to nothing",
        "day0/01_project-update.md:2: front matter date has no equivalent",
        "day0/01_project-update.md:12: button with icon 'square-poll-vertical'",
        "day0/01_project-update.md:16: shortcode {{% notice note %}}",
        "day0/01_project-update.md:18: shortcode {{% /notice %}}",
        "day0/11_toml-page.md:2: front matter draft has no equivalent",
    ]
    for entry in expected:
        assert entry in left
    assert left.startswith("16)")
    assert "buttons -> {video}" in out
    assert "2  Mermaid diagrams kept" in out


def _mask(line: str) -> str:
    return _ANY_LINK.sub("LINK", line)


def test_nothing_is_lost(converted) -> None:
    """Every Hugo line is in the output, converted, or a placeholder the report names."""
    folder, out = converted
    for source, target in EXPECTED_PAGES.items():
        original = (CONTENT / source).read_text().splitlines()
        result = (folder / target).read_text()
        masked = {_mask(line) for line in result.splitlines()}
        fence = original[0]
        end = original.index(fence, 1)
        front, body = original[1:end], original[end + 1 :]
        for line in body:
            if not line.strip():
                continue
            if _BUTTON_LINE.fullmatch(line) and "square-poll" not in line:
                href = re.search(r'href="([^"]+)"', line)[1]
                if line.lstrip().startswith("<!--"):
                    kind = "video" if 'icon="video"' in line else "slides"
                    assert f"```{{{kind}}}\n```" in result or f"{source}:" in out, line
                else:
                    assert href in result, (source, line)
                continue
            assert _mask(line) in masked, (source, line)
        for line in front:
            key = re.match(r"(\w+)\s*[:=]", line)
            if key and key[1] == "title":
                title = yaml.safe_load(line.replace(" = ", ": "))["title"]
                assert f"# {title}\n" in result
            elif (key and key[1] in ("weight", "tags")) or line.lstrip().startswith("- "):
                continue  # the NN- prefix, the tags: checked in their own tests
            else:
                assert f"% {line}\n" in result, (source, line)


def test_a_dry_run_shows_the_plan_and_writes_nothing(docs: Path, run) -> None:
    code, out, _ = run(
        "import-hugo", CONTENT, "notes-2025", *CONFERENCE, "--dry-run", "--docs", docs
    )
    assert code == 0
    assert not (docs / "notes-2025").exists()
    assert f"would write {docs / 'notes-2025' / 'day0' / '10-abstractions.md'}" in out
    assert "day0/10_abstractions.md -> day0/10-abstractions.md" in out
    assert "(dry run: nothing written)" in out


def test_existing_files_are_not_overwritten_unless_forced(docs: Path, converted, run) -> None:
    folder, _ = converted
    page = folder / "day0" / "10-abstractions.md"
    page.write_text(page.read_text() + "\nMy later notes.\n")
    code, _, err = run("import-hugo", CONTENT, "notes-2025", "--docs", docs)
    assert code == 2
    assert "files exist already" in err
    assert "nothing was written" in err
    assert "My later notes." in page.read_text()
    # with --force it is rewritten, keeping the conference front matter of the existing page
    code, _, err = run(
        "import-hugo", CONTENT, "notes-2025", "--force", "--drop-tag", "rejekts,cloudnativecon",
        "--docs", docs,
    )  # fmt: skip
    assert code == 0
    assert "overwrote 12 existing files" in err
    assert "My later notes." not in page.read_text()
    assert "name: Cloud Native Week London 2025" in (folder / "index.md").read_text()
    assert "tags: [<tag>, controllers]" in (folder / "day-1" / "02-controllers.md").read_text()


def test_a_new_conference_needs_its_name_and_start(docs: Path, run) -> None:
    code, _, err = run("import-hugo", CONTENT, "notes-2025", "--docs", docs)
    assert code == 2
    assert "pass --name and --start" in err
    code, _, err = run("import-hugo", CONTENT.parent / "missing", "x", *CONFERENCE, "--docs", docs)
    assert code == 2
    assert "not a folder" in err


def test_the_site_root_is_accepted_for_the_content_folder(docs: Path) -> None:
    plan = plan_conversion(
        CONTENT.parent,
        docs,
        "notes-2025",
        HugoOptions(name="N", start=date(2025, 3, 30)),
        templates=Templates(),
        tags=load_tags(docs / "tags.yml"),
    )
    assert plan.content == CONTENT


def test_converted_talks_are_composed_by_the_sites_talk_template(
    docs: Path, run, tmp_path: Path
) -> None:
    archetypes = tmp_path / "archetypes"
    shutil.copytree(ARCHETYPES, archetypes)
    talk = archetypes / "talk.md"
    talk.write_text(talk.read_text() + "\n## Follow-ups\n")
    code, _, _ = run(
        "import-hugo", CONTENT, "notes-2025", *CONFERENCE, "--docs", docs,
        "--archetypes", archetypes,
    )  # fmt: skip
    assert code == 0
    gslb = (docs / "notes-2025" / "day-1" / "02-gslb.md").read_text()
    assert gslb.endswith("My talk, notes will follow.\n\n## Follow-ups\n")
    assert "## The problem" not in gslb  # a converted page keeps its own notes


def test_a_day_of_more_than_99_talks_gets_three_digit_numbers() -> None:
    def page(rel: str, kind: str) -> HugoPage:
        return HugoPage(Path(rel), rel, kind, {}, [], 1, [], [], 1, title="T")

    talks = [page(f"d/talk-{n:03d}.md", "talk") for n in range(100)]
    tree = HugoTree(days=[(page("d/_index.md", "day"), talks)])
    report = Report()
    name_targets(tree, report)
    assert [talks[0].target, talks[99].target] == ["d/001-talk-000.md", "d/100-talk-099.md"]
    assert "numbered 1, 2, ..." in str(report.findings[0])
