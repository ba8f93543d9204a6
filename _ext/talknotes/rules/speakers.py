"""Speakers as the authoring format writes them: ``Jane Doe (Acme)``, in lists.

One parser for front matter and the tools' ``--speakers`` option, and one rule for
when two spellings are the same person (their speaker page is shared).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from text_unidecode import unidecode

from .pagenames import RESERVED_SPEAKER_SLUGS
from .slugs import slugify

__all__ = [
    "Speaker",
    "speaker_key",
    "speaker_page_slug",
    "speaker_sort_key",
    "split_speakers",
]

#: the longest slug of a speaker page before its suffix: any name fits a file name
_SLUG_LENGTH = 64
_SUFFIX_LENGTH = 6

_SPEAKER_WITH_COMPANY = re.compile(r"(?P<name>.*?)\s*\((?P<company>[^()]*)\)")


@dataclass(frozen=True)
class Speaker:
    """A speaker as written in front matter: ``Jane Doe (Acme)``."""

    name: str
    company: str | None = None

    @classmethod
    def parse(cls, text: str) -> Speaker:
        """Read ``Jane Doe (Acme)``; names in NFC, so a composed and a decomposed é are one."""
        text = unicodedata.normalize("NFC", text).strip()
        match = _SPEAKER_WITH_COMPANY.fullmatch(text)
        if match and match["name"]:
            return cls(match["name"], match["company"].strip() or None)
        return cls(text)

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
    """How two spellings of one name are matched: Unicode form, case and spacing ignored."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def speaker_page_slug(key: str, suffix_length: int = _SUFFIX_LENGTH, *, plain: bool = True) -> str:
    """The page name of the speaker with match key ``key``: from the name alone, never by order.

    A name in plain letters (``jane doe``) gets its slug (``jane-doe``); two such
    names with one slug are one person. Any other name (``josé núñez``,
    ``李小龍``, ``jane-doe``, a reserved ``index``) gets its transliterated slug and
    a short digest of the name (``jose-nunez-3f2a1b``), so it never takes the page
    of a plainer spelling, whoever speaks first.
    """
    slug = slugify(key, max_length=_SLUG_LENGTH)
    if plain and slug and slug.replace("-", " ") == key and slug not in RESERVED_SPEAKER_SLUGS:
        return slug
    digest = hashlib.sha256(key.encode()).hexdigest()[:suffix_length]
    return f"{slug or 'speaker'}-{digest}"


def speaker_sort_key(name: str) -> tuple[str, str]:
    """Alphabetical order of names, ignoring case and accents (``Sébastien`` before ``Sven``)."""
    return unidecode(unicodedata.normalize("NFC", name)).casefold(), name.casefold()
