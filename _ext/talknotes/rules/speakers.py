"""Speakers as the authoring format writes them: ``Jane Doe (Acme)``, in lists.

One parser for front matter and the tools' ``--speakers`` option, and one rule for
when two spellings are the same person (their speaker page is shared).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .slugs import slugify

__all__ = ["Speaker", "speaker_key", "speaker_slug", "split_speakers"]

_SPEAKER_WITH_COMPANY = re.compile(r"(?P<name>.*?)\s*\((?P<company>[^()]*)\)")


@dataclass(frozen=True)
class Speaker:
    """A speaker as written in front matter: ``Jane Doe (Acme)``."""

    name: str
    company: str | None = None

    @classmethod
    def parse(cls, text: str) -> Speaker:
        match = _SPEAKER_WITH_COMPANY.fullmatch(text.strip())
        if match and match["name"]:
            return cls(match["name"], match["company"].strip() or None)
        return cls(text.strip())

    def __str__(self) -> str:
        return f"{self.name} ({self.company})" if self.company else self.name


def split_speakers(text: str) -> list[Speaker]:
    """``"Jane Doe (Acme), John Roe (Foo, Inc.)"``: commas inside parentheses stay.

    A ``;`` anywhere makes ``;`` the separator instead, for names written with commas.
    """
    separator = ";" if ";" in text else ","
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for character in text:
        depth += {"(": 1, ")": -1}.get(character, 0)
        if character == separator and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(character)
    parts.append("".join(current))
    return [Speaker.parse(part) for part in parts if part.strip()]


def speaker_key(name: str) -> str:
    """How two spellings of one name are matched: case and spacing ignored."""
    return " ".join(name.casefold().split())


def speaker_slug(name: str) -> str:
    """The slug of a speaker's page, before two people with one slug are told apart."""
    return slugify(name, fallback="speaker")
