"""speakers.yml: one person behind many spellings, checked at each line."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from talknotes.rules.people import load_people, person_key

if TYPE_CHECKING:
    from pathlib import Path

PEOPLE = """\
lian-li:
  name: Lian Li
  aliases: [Lian]
  links: [https://example.org/lian]
jose-nunez:
  name: José Núñez
"""


def _load(tmp_path: Path, text: str):
    path = tmp_path / "speakers.yml"
    path.write_text(text, encoding="utf-8")
    return load_people(path)


def test_names_and_aliases_match_ignoring_case_accents_and_form(tmp_path: Path) -> None:
    people, problems = _load(tmp_path, PEOPLE)
    assert problems == []
    for written in ("Lian", "LIAN  LI", "lian li"):
        assert people.find(written).slug == "lian-li"
    for written in ("Jose Nunez", "JOSÉ NÚÑEZ", "Jose\u0301 Nu\u0301n\u0303ez"):
        assert people.find(written).name == "José Núñez"
    assert people.find("Lian Lee") is None
    assert people.find("Lian").links == ("https://example.org/lian",)
    assert person_key("Zoë  ÆRØ") == "zoe aero"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Lian:\n  name: Lian Li\n", 1, "keys name pages: lowercase slugs"),
        ("index:\n  name: Index\n", 1, "keys name pages"),
        ("lian:\n  aliases: [L]\n", 1, "'name' is required"),
        ("lian: Lian Li\n", 1, "needs a mapping with at least a name"),
        ("lian:\n  name: L\n  links: [javascript:x]\n", 1, "'links': 'javascript:x' is not a web"),
        ("lian:\n  name: L\n  links: https://x.org\n", 1, "'links' must be a list"),
        ("lian:\n  name: L\n  email: x\n", 1, "unknown field 'email'"),
        ("a:\n  name: A\n  aliases: [Lian]\nb:\n  name: B\n  aliases: [lian]\n", 4,
         "claims another's name: 'lian' (already 'a')"),
        ("a:\n  name: A\na:\n  name: B\n", 3, "'a' is given twice"),
    ],
)  # fmt: skip
def test_each_bad_entry_is_a_problem_at_its_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    _, problems = _load(tmp_path, text)
    assert problems[0].line == line
    assert message in problems[0].message


def test_without_the_file_nobody_is_known(tmp_path: Path) -> None:
    people, problems = load_people(tmp_path / "missing.yml")
    assert (people.persons, problems) == ({}, [])
