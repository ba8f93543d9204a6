"""tags.yml: each problem at its line; tags matched ignoring case, with suggestions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from talknotes.rules.vocabulary import free_tag_key, free_vocabulary, load_vocabulary

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize(
    ("vocabulary", "line", "message"),
    [
        ("platform:\n  title: [unclosed\n", 3, "not valid YAML"),
        ("- a\n- b\n", 1, "tags.yml must map names to values"),
        (
            "platform:\n  title: P\nplatform:\n  title: Q\n",
            3,
            "'platform' is given twice (first on line 1)",
        ),
        ("platform:\n  title: P\n  title: Q\n", 3, "'title' is given twice; the first counts"),
        (
            "platform:\n  title: P\n  aliases: " + "[" * 3000 + "]" * 3000 + "\n",
            3,
            "nested more than 20 levels",
        ),
        ("[a, b]:\n  title: P\n", 1, "a key must be a plain name"),
        ("index:\n  title: Everything\n", 1, "'index' is the name of the topics overview"),
        ("x" * 65 + ":\n  title: Long\n", 1, "keys are at most 64 characters"),
        ("platform:\n  description: no title\n", 1, "tag 'platform': 'title' is required"),
        ("platform: just a title\n", 1, "tag 'platform': needs a mapping with at least a title"),
        ("Platform_X:\n  title: P\n", 1, "tag 'Platform_X': keys are lowercase slugs"),
        (
            "platform:\n  title: P\n  aliases: [k8s]\nkubernetes:\n  title: K\n  aliases: [K8s]\n",
            4,
            "tag 'kubernetes' claims spellings of another tag: 'K8s' (already 'platform')",
        ),
        ("platform:\n  title: P\n  colour: red\n", 1, "tag 'platform': unknown field 'colour'"),
        ("platform:\n  title: P\n  aliases: k8s\n", 1, "'aliases' must be a list of names"),
        ("platform:\n  title: P\n  description: [x]\n", 1, "'description' must be text"),
    ],
)
def test_each_problem_has_its_line(
    tmp_path: Path, vocabulary: str, line: int, message: str
) -> None:
    path = tmp_path / "tags.yml"
    path.write_text(vocabulary, encoding="utf-8")
    _, problems = load_vocabulary(path)
    assert problems[0].line == line
    assert message in problems[0].message
    assert str(problems[0]) == problems[0].message  # printed as text, never as a repr


def test_matching_ignores_case_and_knows_aliases(tmp_path: Path) -> None:
    path = tmp_path / "tags.yml"
    path.write_text(
        "platform:\n  title: Platform engineering\n  aliases: [Platforms]\n"
        "security:\n  title: Security\n",
        encoding="utf-8",
    )
    vocabulary, problems = load_vocabulary(path)
    assert problems == []
    assert vocabulary.resolve("PLATFORM") == "platform"
    assert vocabulary.resolve(" platforms ") == "platform"
    assert vocabulary.resolve("k8s") is None
    assert vocabulary.suggest("plattform") == ["platform"]
    assert vocabulary.suggest("secure") == ["security"]


def test_without_a_file_tags_are_free_and_an_empty_file_knows_none(tmp_path: Path) -> None:
    free, problems = load_vocabulary(tmp_path / "none.yml")
    assert (free.free, free.tags, problems) == (True, {}, [])
    assert free.resolve("Tag 3") == free.resolve("tag  3") == "tag-3"
    assert free.suggest("anything") == []
    (tmp_path / "empty.yml").write_text("", encoding="utf-8")
    empty, problems = load_vocabulary(tmp_path / "empty.yml")
    assert (empty.free, empty.tags, problems) == (False, {}, [])
    assert empty.resolve("platform") is None


def test_free_tags_are_titled_by_their_most_used_spelling() -> None:
    vocabulary = free_vocabulary(["tag 3", "Tag 3", "tag 3", "tag_1", "🎉", "index", " "])
    assert vocabulary.free
    assert vocabulary.tags["tag-3"].title == "tag 3"
    assert vocabulary.tags["tag-3"].aliases == ("Tag 3",)
    assert set(vocabulary.tags) == {"tag-3", "tag-1", free_tag_key("🎉"), free_tag_key("index")}
    assert free_tag_key("🎉").startswith("tag-")
    assert free_tag_key("index").startswith("index-")  # never the overview's name
