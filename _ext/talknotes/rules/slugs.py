"""Slugs: the ASCII names of files and generated pages, made from titles and names.

Letters outside ASCII are transliterated (``Grønbæk`` -> ``gronbaek``, ``Zoë`` ->
``zoe``, CJK to its romanisation) rather than dropped, so two people or two talks
rarely share a slug and a slug still reads like the name it came from.
"""

from __future__ import annotations

import re

from text_unidecode import unidecode

__all__ = ["SLUG", "slugify"]

#: what a slug looks like (tag keys, conference folders)
SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
_APOSTROPHES = re.compile(r"['\u2019`]")
_WORD = re.compile(r"[a-z0-9]+")


def slugify(text: str, *, max_length: int | None = None, fallback: str = "") -> str:
    """Lowercase ASCII words of ``text`` joined by ``-``, cut at a word boundary.

    Apostrophes join their words (``don't`` -> ``dont``); ``fallback`` is returned
    when nothing of ``text`` survives (only punctuation or emoji).
    """
    words = _WORD.findall(unidecode(_APOSTROPHES.sub("", text)).lower())
    if not words:
        return fallback
    slug = "-".join(words)
    if max_length is None or len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1].rsplit("-", 1)[0]
    return cut if len(cut) <= max_length else words[0][:max_length]
