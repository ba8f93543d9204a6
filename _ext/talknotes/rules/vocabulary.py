"""The tag vocabulary, ``docs/tags.yml``: loaded, checked, and matched against talk tags.

Talks name tags loosely (``Backstage``, ``backstage``, an alias); the vocabulary
maps each spelling to one key case-insensitively, so a topic is never split over
two pages, and a tag that matches nothing gets the closest known tags as a hint.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import yaml

from .problems import Problem
from .slugs import SLUG
from .text import did_you_mean

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["DEFAULT_FILE", "Tag", "Vocabulary", "load_vocabulary"]

#: the vocabulary's file in the source folder, unless ``talknotes_tags_file`` names another
DEFAULT_FILE = "tags.yml"
# libyaml's parser where PyYAML was built with it: the same nodes and marks, faster.
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_COMPOSER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        return vocabulary, [Problem(f"not valid YAML: {problem}", _line(mark))]
    if root is None:
        return vocabulary, []
    if not isinstance(root, yaml.MappingNode):
        return vocabulary, [Problem("must map tag keys to entries", _line(root.start_mark))]

    problems = []
    constructor = yaml.SafeLoader("")  # turns each composed entry into plain data
    for key_node, entry_node in root.value:
        line = _line(key_node.start_mark)
        key = key_node.value
        tag, entry_problems = _read_entry(key, entry_node, constructor)
        problems += [Problem(f"tag {key!r}: {text}", line) for text in entry_problems]
        if tag is None:
            continue
        if key in vocabulary.tags:
            problems.append(Problem(f"tag {key!r} is defined twice", line))
            continue
        clashes = vocabulary.add(tag)
        if clashes:
            problems.append(
                Problem(f"tag {key!r} claims spellings of another tag: {', '.join(clashes)}", line)
            )
    return vocabulary, problems


def _read_entry(
    key: str, node: yaml.Node, constructor: yaml.SafeLoader
) -> tuple[Tag | None, list[str]]:
    if not isinstance(key, str) or not SLUG.fullmatch(key):
        return None, ["keys are lowercase slugs: letters a-z, digits and '-'"]
    if not isinstance(node, yaml.MappingNode):
        return None, ["needs a mapping with at least a title"]
    entry = constructor.construct_object(node, deep=True) or {}
    problems = [f"unknown field {name!r}" for name in sorted(set(entry) - _FIELDS)]
    title = entry.get("title")
    if not isinstance(title, str) or not title.strip():
        return None, [*problems, "'title' is required"]
    description = entry.get("description") or ""
    if not isinstance(description, str):
        problems.append("'description' must be text")
        description = ""
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
        problems.append("'aliases' must be a list of names")
        aliases = []
    return Tag(key, title.strip(), description.strip(), tuple(a.strip() for a in aliases)), problems


def _line(mark: yaml.Mark | None) -> int | None:
    return mark.line + 1 if mark is not None else None
