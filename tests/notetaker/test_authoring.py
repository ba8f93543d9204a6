"""The note-taker's authoring layer: pages written and edited on disk in the authoring format."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml

from talknotes.rules.frontmatter import format_time, parse_time
from talknotes.rules.speakers import split_speakers
from tools.notetaker.authoring.frontmatter import front_matter_line, update_front_matter
from tools.notetaker.authoring.markdown import escape_block, escape_inline
from tools.notetaker.authoring.talks import TalkPage, page_slug, render_talk
from tools.notetaker.authoring.templates import ARCHETYPES, Templates
from tools.notetaker.authoring.vocabulary import load_tags, tags_file
from tools.notetaker.errors import UserError

FIXTURES = Path(__file__).parent / "fixtures"


# -- text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Platform Abstractions: Asset or Liability?", "platform-abstractions-asset-or-liability"),
        ("Tech is broken and AI won't fix it", "tech-is-broken-and-ai-wont-fix-it"),
        (
            "⚡ Lightning Talk: Ten Minutes to a Golden Path",
            "lightning-talk-ten-minutes-to-a-golden",
        ),
        ("Kubernetes für Anfänger", "kubernetes-fur-anfanger"),
        ("Ask Grønbæk and Zoë", "ask-gronbaek-and-zoe"),  # transliterated, not dropped
        ("Облачные технологии", "oblachnye-tekhnologii"),
        ("クラウドネイティブ入門", "kuraudoneiteiburu-men"),
    ],
)
def test_slugs_are_short_ascii_and_cut_at_a_word(title: str, slug: str) -> None:
    assert page_slug(title) == slug
    assert len(page_slug(title)) <= 40


def test_titles_with_nothing_to_transliterate_get_distinct_stable_slugs() -> None:
    rockets, fire = page_slug("🚀🚀"), page_slug("🔥🔥")
    assert rockets.startswith("talk-")
    assert fire.startswith("talk-")
    assert rockets != fire
    assert page_slug("🚀🚀") == rockets  # the same title, the same name, on every machine


def test_titles_are_escaped_so_they_stay_text() -> None:
    escaped = escape_inline("Why <b>[this]</b> {note}`x` works *now*: snake_case _em_ C #")
    assert escaped == (r"Why \<b>\[this\]\</b> \{note\}\`x\` works \*now\*: snake_case \_em\_ C \#")


def test_abstracts_cannot_break_out_of_their_dropdown() -> None:
    text = (
        "# Heading\nline\n---\n:::\n:class: x\n% comment\n(target)=\n<script>x</script>\n- item"
        "\n- - -\n> # quoted\n1. :::\nbefore\u2028:::"
    )
    lines = escape_block(text).splitlines()
    assert lines == [
        r"\# Heading",
        "line",
        r"\---",
        r"\:::",
        r"\:class: x",
        r"\% comment",
        r"\(target)=",
        r"\<script>x\</script>",
        "- item",
        r"\- - -",  # a thematic break stays text, not a list of lists
        r"> \# quoted",
        r"1. \:::",
        "before",
        r"\:::",
    ]


def test_speakers_keep_commas_inside_parentheses() -> None:
    speakers = split_speakers("Jane Doe (Acme), Alex Polvi (CoreOS, Inc.), John Roe")
    assert [str(s) for s in speakers] == [
        "Jane Doe (Acme)",
        "Alex Polvi (CoreOS, Inc.)",
        "John Roe",
    ]
    assert [s.name for s in split_speakers("Doe, Jane; Roe, John")] == [
        "Doe, Jane",
        "Roe, John",
    ]


def test_times_keep_their_offset() -> None:
    moment = datetime(2025, 4, 1, 11, 0, tzinfo=timezone(timedelta(hours=1)))
    assert format_time(moment) == "2025-04-01T11:00+01:00"
    assert parse_time("2025-04-01T11:00+01:00") == moment


# -- front matter ---------------------------------------------------------------------


def test_front_matter_updates_touch_only_the_given_keys() -> None:
    text = (
        "---\n"
        "tags: [platform]  # my tags\n"
        "speakers:\n"
        "  - Old Name (Acme)\n"
        "time: 2025-04-01T11:00+01:00\n"
        "source: sched:abc\n"
        "---\n\n# Title\n\nMy notes.\n"
    )
    new = update_front_matter(
        text, {"speakers": ["New Name (Acme)", "Jo Bloggs"], "room": "Hall 8 | Room G"}
    )
    assert new == (
        "---\n"
        "tags: [platform]  # my tags\n"
        "speakers: [New Name (Acme), Jo Bloggs]\n"
        "time: 2025-04-01T11:00+01:00\n"
        "room: Hall 8 | Room G\n"
        "source: sched:abc\n"
        "---\n\n# Title\n\nMy notes.\n"
    )
    assert "room" not in update_front_matter(new, {"room": None})
    # a key that belongs before every other one goes first
    assert update_front_matter("---\nroom: A\n---\n", {"tags": ["ai"]}) == (
        "---\ntags: [ai]\nroom: A\n---\n"
    )


@pytest.mark.parametrize(
    "value",
    [
        "Hall 8 | Room G", "Room #3", "yes", "2025-04-01", "a: b", "[x]", "Tomás (Acme, Inc.)",
        # what YAML refuses or reads as a line break: written as escapes, read back the same
        "Acme\x7f Corp", "Hall\u2028Room", "Next\x85line", "Para\u2029graph", "\x1b[31mred",
        "Lone \ud800 surrogate", "Not a character \ufffe", " padded ", "tab\there",
    ],
)  # fmt: skip
def test_front_matter_values_read_back_as_written(value: str) -> None:
    line = front_matter_line("k", [value]) + "\n" + front_matter_line("r", value)
    assert len(line.splitlines()) == 2
    assert yaml.safe_load(line) == {"k": [value], "r": value}


# -- the one talk page ----------------------------------------------------------------


def test_a_new_talk_page_gets_the_sections_of_talk_notes() -> None:
    text = render_talk(Templates(), TalkPage("A talk", tags=["ai"], slides="https://e.org/s"))
    assert text == (
        "---\ntags: [ai]\n---\n\n# A talk\n\n"
        "```{video}\n```\n\n```{slides} https://e.org/s\n```\n\n"
        "## The problem\n\n## What they did\n\n## What they learned\n"
    )


def test_a_page_with_its_own_notes_keeps_them_and_its_own_buttons() -> None:
    notes = "```{video} https://e.org/v\n```\n\nMy notes."
    text = render_talk(Templates(), TalkPage("Old", tags=["ai"], notes=notes, pending=False))
    assert text == f"---\ntags: [ai]\n---\n\n# Old\n\n{notes}\n"


def test_a_template_without_notes_refuses_to_lose_a_pages_notes(tmp_path: Path) -> None:
    shutil.copytree(ARCHETYPES, tmp_path / "archetypes")
    (tmp_path / "archetypes" / "talk.md").write_text("---\n${front_matter}\n---\n\n# ${title}\n")
    templates = Templates(tmp_path / "archetypes")
    assert render_talk(templates, TalkPage("New")).endswith("# New\n")  # nothing to lose
    with pytest.raises(UserError, match=r"talk.md: has no \$\{notes\}"):
        render_talk(templates, TalkPage("Old", notes="My notes."))


# -- the vocabulary -------------------------------------------------------------------


def test_the_vocabulary_file_is_the_one_conf_py_names(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    conf = tmp_path / "conf.py"
    conf.write_text('talknotes_tags_file = "meta/topics.yml"\n')
    assert tags_file(docs, conf) == docs / "meta" / "topics.yml"
    conf.write_text("project = 'no setting'\n")
    assert tags_file(docs, conf) == docs / "tags.yml"  # the build's default
    assert tags_file(docs, None) == docs / "tags.yml"
    with pytest.raises(UserError, match="no such Sphinx configuration"):
        tags_file(docs, tmp_path / "missing.py")
    conf.write_text("raise RuntimeError('broken')\n")
    with pytest.raises(UserError, match="the Sphinx configuration fails"):
        tags_file(docs, conf)


def test_vocabulary_problems_print_as_file_line_message(tmp_path: Path) -> None:
    path = tmp_path / "tags.yml"
    path.write_text("ai:\n  title: AI\nBad Key:\n  title: X\nnotitle:\n  description: none\n")
    tags = load_tags(path)
    assert [str(problem) for problem in tags.problems] == [
        f"{path}:3: tag 'Bad Key': keys are lowercase slugs: letters a-z, digits and '-'",
        f"{path}:5: tag 'notitle': 'title' is required",
    ]
    assert tags.keys(["AI"]) == ["ai"]


def test_unknown_tags_name_the_vocabulary_file_and_the_closest_tags() -> None:
    tags = load_tags(FIXTURES / "tags.yml")
    with pytest.raises(UserError) as raised:
        tags.keys(["plattform", "zzz"])
    assert str(raised.value) == (
        "unknown tag 'plattform' (did you mean 'platform'?), 'zzz': "
        f"tags come from {FIXTURES / 'tags.yml'}; add new topics there first"
    )
