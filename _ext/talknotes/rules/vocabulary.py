"""The tag vocabulary, ``docs/tags.yml``: loaded, checked, and matched against talk tags.

Talks name tags loosely (``Backstage``, ``backstage``, an alias); the vocabulary
maps each spelling to one key case-insensitively, so a topic is never split over
two pages, and a tag that matches nothing gets the closest known tags as a hint.

A site without a ``tags.yml`` has free tags, as sphinx-tags does: every tag is
accepted as written, its key is a slug of it (so ``Tag 1`` and ``tag 1`` meet on
one page), and its title is the spelling most pages use.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .pagenames import RESERVED_TAG_KEYS
from .slugs import SLUG, slugify
from .text import did_you_mean
from .yamlfile import load_registry

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from .problems import Problem

__all__ = [
    "DEFAULT_FILE",
    "Tag",
    "Vocabulary",
    "free_tag_key",
    "free_vocabulary",
    "load_vocabulary",
]

#: the vocabulary's file in the source folder, unless ``talknotes_tags_file`` names another
DEFAULT_FILE = "tags.yml"
#: a key names a page and a feed file: long enough for any topic, short enough for any disk
MAX_KEY_LENGTH = 64
_FIELDS = frozenset({"title", "description", "aliases"})


@dataclass(frozen=True)
class Tag:
    key: str
    title: str
    description: str = ""
    aliases: tuple[str, ...] = ()


@dataclass
class Vocabulary:
    tags: dict[str, Tag] = field(default_factory=dict)
    _spellings: dict[str, str] = field(default_factory=dict)
    #: no ``tags.yml``: every tag is accepted as written (`free_tag_key`)
    free: bool = False

    def add(self, tag: Tag) -> list[str]:
        """Register ``tag``; return the spellings another tag already claims."""
        clashes = []
        self.tags[tag.key] = tag
        for spelling in (tag.key, *tag.aliases):
            owner = self._spellings.setdefault(spelling.casefold(), tag.key)
            if owner != tag.key:
                clashes.append(f"{spelling!r} (already {owner!r})")
        return clashes

    def resolve(self, name: str) -> str | None:
        """The key a talk's tag name stands for, ignoring case; None if unknown."""
        if self.free:
            return free_tag_key(name) if name.strip() else None
        return self._spellings.get(name.strip().casefold())

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """The known keys closest to an unknown name, best first."""
        if self.free:
            return []
        close = did_you_mean(name, self._spellings, limit * 2)
        return list(dict.fromkeys(self._spellings[spelling] for spelling in close))[:limit]


def free_tag_key(name: str) -> str:
    """The key of a free tag: a slug of its name; a digest where the slug says too little."""
    folded = " ".join(name.casefold().split())
    slug = slugify(folded, max_length=MAX_KEY_LENGTH)
    if slug and slug not in RESERVED_TAG_KEYS:
        return slug
    return f"{slug or 'tag'}-{hashlib.sha256(folded.encode()).hexdigest()[:6]}"


def free_vocabulary(names: Iterable[str]) -> Vocabulary:
    """Free tags from every name the pages use: each key titled by its most used spelling."""
    spellings: dict[str, Counter[str]] = {}
    for name in names:
        if name.strip():
            spellings.setdefault(free_tag_key(name), Counter())[name.strip()] += 1
    vocabulary = Vocabulary(free=True)
    for key, counts in sorted(spellings.items()):
        title = min(counts, key=lambda spelling: (-counts[spelling], spelling))
        vocabulary.tags[key] = Tag(key, title, aliases=tuple(sorted(set(counts) - {title})))
    return vocabulary


def load_vocabulary(path: Path) -> tuple[Vocabulary, list[Problem]]:
    """Read ``path``; without the file, tags are free; bad entries are problems."""
    vocabulary = Vocabulary()
    problems = load_registry(
        path, "tag", _read_entry, vocabulary.add, "claims spellings of another tag"
    )
    if problems is None:
        return Vocabulary(free=True), []
    return vocabulary, problems


def _read_entry(key: str, value: object) -> tuple[Tag | None, list[str]]:
    if not SLUG.fullmatch(key):
        return None, ["keys are lowercase slugs: letters a-z, digits and '-'"]
    if len(key) > MAX_KEY_LENGTH:
        return None, [f"keys are at most {MAX_KEY_LENGTH} characters (they name a page)"]
    if key in RESERVED_TAG_KEYS:
        return None, [
            f"{key!r} is the name of the topics overview (tags/{key}); "
            "choose another key (it may keep this spelling as an alias)"
        ]
    if not isinstance(value, dict):
        return None, ["needs a mapping with at least a title"]
    problems = [f"unknown field {name!r}" for name in sorted(map(str, set(value) - _FIELDS))]
    title = value.get("title")
    if not isinstance(title, str) or not title.strip():
        return None, [*problems, "'title' is required"]
    description = value.get("description") or ""
    if not isinstance(description, str):
        problems.append("'description' must be text")
        description = ""
    aliases = value.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
        problems.append("'aliases' must be a list of names")
        aliases = []
    return Tag(key, title.strip(), description.strip(), tuple(a.strip() for a in aliases)), problems
