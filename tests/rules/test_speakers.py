"""Speakers as front matter and ``--speakers`` write them, and when two spellings are one."""

from __future__ import annotations

import pytest

from talknotes.rules.speakers import Speaker, speaker_key, speaker_slug, split_speakers


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


def test_two_spellings_of_one_name_share_a_key_and_slug() -> None:
    assert speaker_key("Jane  DOE") == speaker_key("jane doe")
    assert speaker_slug("Thomas Grønbæk") == "thomas-gronbaek"
    assert speaker_slug("!!!") == "speaker"
