"""Session formats: a short list, common aliases, did-you-mean for the rest."""

from __future__ import annotations

import pytest

from talknotes.rules.formats import FORMAT_TITLES, FormatError, read_format
from talknotes.rules.frontmatter import parse_front_matter, read_page_facts


@pytest.mark.parametrize(
    ("text", "format_"),
    [("Keynote", "keynote"), ("lightning-talk", "lightning"), ("Lightning  Talk", "lightning"),
     ("BoF", "bof"), ("birds of a feather", "bof"), ("talk", "talk")],
)  # fmt: skip
def test_formats_and_their_aliases(text: str, format_: str) -> None:
    assert read_format(text) == format_
    assert format_ in FORMAT_TITLES


def test_an_unknown_format_suggests_the_closest() -> None:
    with pytest.raises(FormatError, match=r"'keynot' is not a format .*did you mean 'keynote'"):
        read_format("keynot")


def test_format_and_sponsored_in_front_matter() -> None:
    front = parse_front_matter("---\nformat: Panel\nsponsored: true\n---\n")
    facts, problems = read_page_facts(front)
    assert (facts.format, facts.sponsored, problems) == ("panel", True, [])
    facts, problems = read_page_facts(
        parse_front_matter("---\nformat: keynot\nsponsored: yes please\n---\n")
    )
    assert (facts.format, facts.sponsored) == (None, False)
    assert [(problem.key, problem.line) for problem in problems] == [
        ("format", 2),
        ("sponsored", 3),
    ]
