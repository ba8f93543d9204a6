"""Speakers as front matter and ``--speakers`` write them, and when two spellings are one."""

from __future__ import annotations

import pytest

from talknotes.rules.speakers import (
    Speaker,
    speaker_key,
    speaker_page_slug,
    speaker_sort_key,
    split_speakers,
)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Jane Doe (Acme)", Speaker("Jane Doe", "Acme")),
        ("Jane Doe", Speaker("Jane Doe")),
        ("  Jane Doe ( Acme )  ", Speaker("Jane Doe", "Acme")),
        ("Jane Doe ()", Speaker("Jane Doe")),
        ("(Acme)", Speaker("(Acme)")),
    ],
)
def test_parse(text: str, speaker: Speaker) -> None:
    assert Speaker.parse(text) == speaker


def test_str_writes_what_parse_reads() -> None:
    for speaker in (Speaker("Jane Doe", "Acme"), Speaker("John Roe")):
        assert Speaker.parse(str(speaker)) == speaker


def test_split_keeps_commas_inside_parentheses() -> None:
    assert split_speakers("Jane Doe (Acme), John Roe (Foo, Inc.)") == [
        Speaker("Jane Doe", "Acme"),
        Speaker("John Roe", "Foo, Inc."),
    ]


def test_a_semicolon_separates_instead() -> None:
    assert split_speakers("Doe, Jane (Acme); Roe, John") == [
        Speaker("Doe, Jane", "Acme"),
        Speaker("Roe, John"),
    ]
    assert split_speakers(" , ") == []


def test_two_spellings_of_one_name_share_a_key() -> None:
    assert speaker_key("Jane  DOE") == speaker_key("jane doe")
    composed, decomposed = "Jos\u00e9 N\u00fa\u00f1ez", "Jose\u0301 Nu\u0301n\u0303ez"
    assert speaker_key(composed) == speaker_key(decomposed)
    assert Speaker.parse(decomposed).name == composed


@pytest.mark.parametrize(
    ("name", "page"),
    [
        ("Jane Doe", "jane-doe"),
        ("jane   DOE", "jane-doe"),
        ("Thomas Grønbæk", "thomas-gronbaek-"),
        ("José Núñez", "jose-nunez-"),
        ("Jose Nunez", "jose-nunez"),
        ("李小龍", "li-xiao-long-"),
        ("Index", "index-"),
        ("../../index", "index-"),
        ("!!!", "speaker-"),
        ("A" * 300, "a" * 64 + "-"),
    ],
)
def test_a_speaker_page_name_comes_from_the_name_alone(name: str, page: str) -> None:
    slug = speaker_page_slug(speaker_key(name))
    if page.endswith("-"):  # a digest of the name follows
        assert slug.startswith(page)
        assert len(slug) == len(page) + 6
    else:
        assert slug == page
    assert slug == speaker_page_slug(speaker_key(name))  # stable


def test_names_with_one_slug_get_different_pages() -> None:
    names = ["Jose Nunez", "José Núñez", "JOSÉ NÚÑEZ", "Jose-Nunez", "Jose\u0301 Nu\u0301n\u0303ez"]
    pages = {speaker_key(name): speaker_page_slug(speaker_key(name)) for name in names}
    assert len(pages) == 3  # three people: plain, accented (any case or form), hyphenated
    assert len(set(pages.values())) == 3


def test_names_sort_ignoring_case_and_accents() -> None:
    names = ["Sven", "sébastien", "Zoë", "Ada", "Émile"]
    assert sorted(names, key=speaker_sort_key) == ["Ada", "Émile", "sébastien", "Sven", "Zoë"]
