"""Slugs transliterate rather than drop letters, and are cut at word boundaries."""

from __future__ import annotations

import pytest

from talknotes.rules.slugs import SLUG, slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Platform Abstractions: Asset or Liability?", "platform-abstractions-asset-or-liability"),
        ("Thomas Grønbæk", "thomas-gronbaek"),
        ("Zoë Ærø", "zoe-aero"),
        ("Roland Huß", "roland-huss"),
        ("José Núñez", "jose-nunez"),
        ("Jose\u0301 Nu\u0301n\u0303ez", "jose-nunez"),  # the same name, decomposed (NFD)
        ("李小龍", "li-xiao-long"),
        ("Don't panic", "dont-panic"),
        ("Kubernetes\u2019 future", "kubernetes-future"),
        ("  --Hello,\tWorld--  ", "hello-world"),
    ],
)
def test_slugify_transliterates(text: str, slug: str) -> None:
    assert slugify(text) == slug
    assert SLUG.fullmatch(slug)


def test_slugify_cuts_at_a_word_boundary() -> None:
    assert slugify("one two three four", max_length=13) == "one-two-three"
    assert slugify("one two three four", max_length=12) == "one-two"
    assert slugify("supercalifragilistic word", max_length=5) == "super"


@pytest.mark.parametrize("text", ["", "!!!", "🎉🎉"])
def test_slugify_falls_back_when_nothing_is_left(text: str) -> None:
    assert slugify(text) == ""
    assert slugify(text, fallback="talk") == "talk"
