"""fill-recordings end to end: the pages it fills, the ones it leaves, and running it twice."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tools.notetaker.authoring.conferences import read_conference
from tools.notetaker.authoring.frontmatter import read_front_matter
from tools.notetaker.recordings.talks import conference_talks

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
WATCH = "https://www.youtube.com/watch?v="
ABSTRACTIONS, GITOPS, UNRECORDED, BARE = (
    "01-platform-abstractions-asset-or-liability.md",
    "02-gitops-for-the-rest-of-us.md",
    "03-a-talk-nobody-recorded.md",
    "04-hiring-platform-engineers.md",
)


@pytest.fixture
def in_tmp_path(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def docs(tmp_path: Path, run) -> Path:
    """A conference day of four talks: pending, with a video, never recorded, no {video}."""
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(FIXTURES / "tags.yml", folder / "tags.yml")
    made = run("new-conference", "example-2025", "--name", "Example 2025",
               "--start", "2025-04-01", "--docs", folder)  # fmt: skip
    assert made[0] == 0
    for title, extra in (
        ("Platform abstractions: asset or liability", ["--speakers", "Jane Doe (Acme)"]),
        ("GitOps for the rest of us", ["--video", "https://youtu.be/JAy6Ra0ulSw"]),
        ("A talk nobody recorded", ["--speakers", "Ann Lee"]),
        ("Hiring platform engineers", ["--speakers", "Kim Park (Foo); Lu Wei (Bar)"]),
    ):
        code, _, err = run("new-talk", "example-2025/day-1", title, "--tags", "platform",
                           "--docs", folder, *extra)  # fmt: skip
        assert code == 0, err
    bare = day(folder) / BARE
    bare.write_text(bare.read_text().replace("```{video}\n```\n\n", ""))
    return folder


def day(docs: Path) -> Path:
    return docs / "example-2025" / "day-1"


def playlist(tmp_path: Path, titles: dict[str, str]) -> Path:
    path = tmp_path / "playlist.json"
    entries = [
        {"_type": "url", "ie_key": "Youtube", "id": i, "title": t} for i, t in titles.items()
    ]
    path.write_text(json.dumps({"_type": "playlist", "id": "PL1", "entries": entries}))
    return path


VIDEOS = {
    "M5X5NCzlzIA": "Platform Abstractions: Asset or Liability? - Jane Doe, Acme",
    "JAy6Ra0ulSw": "GitOps for the Rest of Us - John Roe, Foo",
    "cl-MO7j7MHY": "Keynote: Hiring Platform Engineers - Lu Wei, Bar",
    "rkteV6Mzjfs": "KubeCon + CloudNativeCon Europe 2025 Highlights",
}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_fills_pending_and_missing_videos_and_nothing_else(docs: Path, tmp_path: Path, run) -> None:
    before = snapshot(docs)
    code, out, err = run("fill-recordings", "example-2025", playlist(tmp_path, VIDEOS),
                         "--docs", docs)  # fmt: skip
    assert (code, err) == (0, "")
    assert (
        "  filled                2\n  already had one       1\n  no match              1\n" in out
    )
    assert "  ambiguous             0\n  videos not used       1\n" in out
    after = snapshot(docs)
    changed = sorted(Path(name).name for name in after if after[name] != before[name])
    assert changed == [ABSTRACTIONS, BARE]
    old, new = (
        text[str(day(docs) / ABSTRACTIONS)].decode().split("\n") for text in (before, after)
    )
    assert [line for line in new if line not in old] == [f"```{{video}} {WATCH}M5X5NCzlzIA"]
    assert len(old) == len(new)
    bare = (day(docs) / BARE).read_text()
    assert f"# Hiring platform engineers\n\n```{{video}} {WATCH}cl-MO7j7MHY\n```\n\n" in bare


def test_running_again_changes_nothing(docs: Path, tmp_path: Path, run) -> None:
    videos = playlist(tmp_path, VIDEOS)
    assert run("fill-recordings", "example-2025", videos, "--docs", docs)[0] == 0
    filled = snapshot(docs)
    code, out, _ = run("fill-recordings", "example-2025", videos, "--docs", docs)
    assert code == 0
    assert snapshot(docs) == filled
    assert "  filled                0\n  already had one       3\n" in out


def test_a_dry_run_prints_the_plan_and_writes_nothing(docs: Path, tmp_path: Path, run) -> None:
    before = snapshot(docs)
    code, out, _ = run("fill-recordings", "example-2025", playlist(tmp_path, VIDEOS),
                       "--docs", docs, "--dry-run")  # fmt: skip
    assert code == 0
    assert snapshot(docs) == before
    assert "(dry run: nothing written)" in out
    assert "  would fill            2\n" in out
    table = [line.split() for line in out.splitlines() if line.startswith("  example-2025/")]
    assert [(row[0], row[-1]) for row in table] == [
        (f"example-2025/day-1/{ABSTRACTIONS}", "100.0"),
        (f"example-2025/day-1/{BARE}", "95.0"),  # one of its two speakers named
    ]


def test_a_video_a_page_has_is_replaced_only_with_force(docs: Path, tmp_path: Path, run) -> None:
    gitops = day(docs) / GITOPS
    gitops.write_text(gitops.read_text().replace(f"{WATCH}JAy6Ra0ulSw", "https://vimeo.com/1"))
    videos = playlist(tmp_path, VIDEOS)
    run("fill-recordings", "example-2025", videos, "--docs", docs)
    assert "{video} https://vimeo.com/1\n" in gitops.read_text()
    code, out, _ = run("fill-recordings", "example-2025", videos, "--docs", docs, "--force")
    assert code == 0
    assert f"{{video}} {WATCH}JAy6Ra0ulSw\n" in gitops.read_text()
    assert "  filled                1\n" in out


def test_pages_left_out_are_named_with_the_closest_video(docs: Path, tmp_path: Path, run) -> None:
    videos = {**VIDEOS, "PciVvE02L2w": "A Talk Somebody Recorded - Kim Park, Foo"}
    code, out, _ = run("fill-recordings", "example-2025", playlist(tmp_path, videos),
                       "--docs", docs)  # fmt: skip
    assert code == 0
    assert (
        f"  no match   example-2025/day-1/{UNRECORDED}: closest "
        "'A Talk Somebody Recorded - Kim Park, Foo' scores"
    ) in out


def test_unusable_pages_are_warnings_and_the_rest_is_filled(
    docs: Path, tmp_path: Path, run
) -> None:
    broken = day(docs) / UNRECORDED
    broken.write_text("---\ntags: [platform\n---\n# Broken\n")
    outside = tmp_path / "outside.md"
    outside.write_text("# Platform abstractions: asset or liability\n\n```{video}\n```\n")
    (day(docs) / ABSTRACTIONS).unlink()
    (day(docs) / ABSTRACTIONS).symlink_to(outside)
    elsewhere = tmp_path / "elsewhere"  # a day folder that is a link out of the conference
    elsewhere.mkdir()
    (elsewhere / "index.md").write_text("# Day 9\n")
    (elsewhere / "01-gitops.md").write_text("# GitOps for the rest of us\n\n```{video}\n```\n")
    (docs / "example-2025" / "day-9").symlink_to(elsewhere)
    code, out, err = run("fill-recordings", "example-2025", playlist(tmp_path, VIDEOS),
                         "--docs", docs)  # fmt: skip
    assert code == 0
    assert f"{broken}:2: front matter is not valid YAML" in err
    assert f"{day(docs) / ABSTRACTIONS}: a link to a file elsewhere; left alone" in err
    assert "{video}\n" in outside.read_text()
    linked = docs / "example-2025" / "day-9"
    assert f"{linked}: a link to a folder elsewhere; its pages are left alone" in err
    assert "{video}\n" in (elsewhere / "01-gitops.md").read_text()
    assert f"{WATCH}cl-MO7j7MHY" in (day(docs) / BARE).read_text()
    assert "  filled                1\n" in out


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["example-2025", "missing.json"], "missing.json: cannot read: No such file or directory"),
        (["example-2025", "bad.json"], "bad.json:1: is not valid JSON"),
        (["nowhere", "bad.json"], "no conference page"),
    ],
)
@pytest.mark.usefixtures("in_tmp_path")
def test_unreadable_input_is_one_line_and_exit_code_2(
    docs: Path, tmp_path: Path, run, arguments: list[str], message: str
) -> None:
    (tmp_path / "bad.json").write_text("{oops")
    code, out, err = run("fill-recordings", *arguments, "--docs", docs)
    assert (code, out) == (2, "")
    assert message in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("score", ["120", "-1", "nan", "high"])
def test_a_min_score_outside_0_to_100_is_refused(docs: Path, tmp_path: Path, run, score) -> None:
    with pytest.raises(SystemExit) as exited:
        run("fill-recordings", "example-2025", playlist(tmp_path, VIDEOS), "--docs", docs,
            "--min-score", score)  # fmt: skip
    assert exited.value.code == 2


def test_the_real_sites_recordings_come_back(tmp_path: Path, run) -> None:
    """Every video of the real site taken out, then filled again from a playlist of its titles."""
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    conferences = [read_conference(docs, index.parent.name) for index in docs.glob("*/index.md")]
    rows, expected = ["title,url"], {}
    for conference in conferences:
        for talk in conference_talks(conference, []):
            if talk.url is None:
                continue
            names = read_front_matter(talk.path).get("speakers") or []
            byline = " & ".join(str(name).replace(" (", ", ").rstrip(")") for name in names)
            title = re.sub(r"\\(.)", r"\1", talk.title) + (f" - {byline}" if byline else "")
            rows.append(f'"{title[:100]}",{talk.url}')
            expected[talk.path] = talk.url
            talk.path.write_text(talk.with_video("PENDING").replace(" PENDING\n", "\n"))
    file = tmp_path / "recordings.csv"
    file.write_text("\n".join(rows) + "\n")
    assert len(expected) >= 30
    for conference in sorted({path.parent.parent.name for path in expected}):
        assert run("fill-recordings", conference, file, "--docs", docs)[0] == 0
    got = {
        talk.path: talk.url
        for conference in conferences
        for talk in conference_talks(conference, [])
        if talk.url
    }
    assert got == expected


@pytest.mark.parametrize(
    ("speakers", "names"),
    [
        ("[Kim Park (Foo), Lu Wei]", ("kim park", "lu wei")),
        ("Kim Park (Foo), Lu Wei", ("kim park", "lu wei")),  # the build warns, reads both
        ("[Kim Park (Foo), 42]", ()),  # the build reports it and shows no speakers
        ("7", ()),
    ],
)
def test_speakers_are_matched_as_the_build_reads_them(docs: Path, speakers, names) -> None:
    page = day(docs) / GITOPS
    text = page.read_text()
    page.write_text(text.replace("---\n", f"---\nspeakers: {speakers}\n", 1))
    conference = read_conference(docs, "example-2025")
    talk = next(talk for talk in conference_talks(conference, []) if talk.path == page)
    assert talk.words.names == names
