"""The tag vocabulary, ``docs/tags.yml``: loaded, checked, and matched against talk tags.

Talks name tags loosely (``Backstage``, ``backstage``, an alias); the vocabulary
maps each spelling to one key case-insensitively, so a topic is never split over
two pages, and a tag that matches nothing gets the closest known tags as a hint.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .pagenames import RESERVED_TAG_KEYS
from .problems import Problem
from .slugs import SLUG
from .text import did_you_mean
from .yamlfile import load_mapping

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["DEFAULT_FILE", "Tag", "Vocabulary", "load_vocabulary"]

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
        return self._spellings.get(name.strip().casefold())

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """The known keys closest to an unknown name, best first."""
        close = did_you_mean(name, self._spellings, limit * 2)
        return list(dict.fromkeys(self._spellings[spelling] for spelling in close))[:limit]


def load_vocabulary(path: Path) -> tuple[Vocabulary, list[Problem]]:
    """Read ``path``; a missing file is an empty vocabulary, bad entries are problems."""
    vocabulary = Vocabulary()
    if not path.is_file():
        return vocabulary, []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return vocabulary, [Problem(f"cannot be read: {error}")]
    read = load_mapping(text, what=path.name)
    problems = list(read.problems)
    for key, entry in read.entries.items():
        tag, entry_problems = _read_entry(key, entry.value)
        problems += [Problem(f"tag {key!r}: {text}", entry.line) for text in entry_problems]
        if tag is None:
            continue
        clashes = vocabulary.add(tag)
        if clashes:
            problems.append(
                Problem(
                    f"tag {key!r} claims spellings of another tag: {', '.join(clashes)}",
                    entry.line,
                )
            )
    problems.sort(key=lambda problem: problem.line or 0)
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
