"""import-hugo never reads outside its tree and never lets two files become one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.notetaker.test_import_schedule import snapshot

CONTENT = Path(__file__).parent / "fixtures" / "hugo" / "content"
CONFERENCE = ("--name", "Notes 2025", "--start", "2025-03-30")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the Hugo fixture, and a secret outside it that links may point at."""
    copied = tmp_path / "site" / "content"
    shutil.copytree(CONTENT, copied)
    secret = tmp_path / "home" / ".ssh"
    secret.mkdir(parents=True)
    (secret / "id_ed25519").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\n")
    (secret / "notes.md").write_text("---\ntitle: Private\n---\nsecret\n")
    return copied


def test_links_out_of_the_tree_are_reported_and_skipped(docs: Path, run, content: Path) -> None:
    secret = content.parents[1] / "home" / ".ssh"
    (content / "day-1" / "_img" / "keys").symlink_to(secret)  # a folder inside a day
    (content / "_img").symlink_to(secret)  # a top-level folder
    (content / "day-1" / "07_keys.md").symlink_to(secret / "notes.md")  # a talk page
    (content / "day-1" / "_img" / "key.png").symlink_to(secret / "id_ed25519")  # a file
    (content / "day-1" / "_img" / "gone.png").symlink_to(content / "nothing")
    (content / "day0" / "_img" / "same.png").symlink_to(content / "day0/_img/abstraction-cycle.png")
    code, out, _ = run("import-hugo", content, "notes", *CONFERENCE, "--docs", docs)
    assert code == 0
    for rel in ("_img", "day-1/07_keys.md", "day-1/_img/key.png", "day-1/_img/keys"):
        assert f"{rel}: a link to {secret.resolve()}" in out, rel
    assert "day-1/_img/gone.png: a link to nothing: skipped" in out
    written = [path.read_bytes() for path in (docs / "notes").rglob("*") if path.is_file()]
    assert not any(b"OPENSSH" in data or b"secret" in data for data in written)
    assert not (docs / "notes" / "day-1" / "07-keys.md").exists()
    # a link to a file inside the tree is followed
    assert (docs / "notes" / "day0" / "_img" / "same.png").is_file()


@pytest.mark.parametrize(
    ("first", "second"),
    [("day-1", "Day 1"), ("day-1", "DAY-1")],
)
def test_two_sources_for_one_target_are_an_error_naming_both(
    docs: Path, run, content: Path, first: str, second: str
) -> None:
    shutil.copytree(content / first, content / second)
    before = snapshot(docs)
    code, out, err = run("import-hugo", content, "notes", *CONFERENCE, "--docs", docs)
    assert code == 2
    assert out == ""
    [line] = err.splitlines()  # the first clash: a page or an image of the two days
    assert f" {second}/" in line
    assert f" and {first}/" in line
    assert f"would both become {docs / 'notes' / 'day-1'}/" in line
    assert line.endswith("rename one of them in the Hugo tree (nothing was written)")
    assert snapshot(docs) == before
