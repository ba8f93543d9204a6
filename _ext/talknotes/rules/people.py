"""``speakers.yml``: one person behind many spellings, their page and their links.

Schedules and notes write a speaker as they come (``Lian``, ``Lian Li``,
``LIAN LI``); an entry here says they are one person, names their page, the name
bylines show and where to find them:

.. code-block:: yaml

   lian-li:              # page name: speakers/lian-li.html
     name: Lian Li       # required
     aliases: [Lian]     # optional
     links: [https://example.org/lian]   # optional, http(s) only

Names and aliases match ignoring case, accents and Unicode form. Without the
file every spelling stands for itself (``rules.speakers.speaker_key``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from text_unidecode import unidecode

from .pagenames import RESERVED_SPEAKER_SLUGS
from .slugs import SLUG
from .urls import ResourceURLError, check_resource_url
from .yamlfile import load_registry

if TYPE_CHECKING:
    from pathlib import Path

    from .problems import Problem

__all__ = ["DEFAULT_FILE", "People", "Person", "load_people", "person_key"]

DEFAULT_FILE = "speakers.yml"
_FIELDS = frozenset({"name", "aliases", "links"})
_MAX_SLUG = 64


@dataclass(frozen=True)
class Person:
    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    links: tuple[str, ...] = ()


def person_key(name: str) -> str:
    """How ``speakers.yml`` matches a spelling: case, accents, Unicode form and spacing ignored."""
    return " ".join(unidecode(unicodedata.normalize("NFC", name)).casefold().split())


@dataclass
class People:
    persons: dict[str, Person] = field(default_factory=dict)
    _by_key: dict[str, str] = field(default_factory=dict)

    def find(self, name: str) -> Person | None:
        """The person a written name stands for, or None if ``speakers.yml`` does not say."""
        slug = self._by_key.get(person_key(name))
        return self.persons[slug] if slug is not None else None

    def add(self, person: Person) -> list[str]:
        """Register ``person``; return the spellings another person already claims."""
        self.persons[person.slug] = person
        clashes = []
        for spelling in (person.name, *person.aliases):
            owner = self._by_key.setdefault(person_key(spelling), person.slug)
            if owner != person.slug:
                clashes.append(f"{spelling!r} (already {owner!r})")
        return clashes


def load_people(path: Path) -> tuple[People, list[Problem]]:
    """Read ``path``; a missing file is nobody, bad entries are problems at their lines."""
    people = People()
    problems = load_registry(path, "speaker", _person, people.add, "claims another's name")
    return people, problems or []


def _person(slug: str, value: object) -> tuple[Person | None, list[str]]:
    if not SLUG.fullmatch(slug) or len(slug) > _MAX_SLUG or slug in RESERVED_SPEAKER_SLUGS:
        return None, [f"keys name pages: lowercase slugs of at most {_MAX_SLUG} characters"]
    if not isinstance(value, dict):
        return None, ["needs a mapping with at least a name"]
    problems = [f"unknown field {name!r}" for name in sorted(map(str, set(value) - _FIELDS))]
    name = value.get("name")
    if not isinstance(name, str) or not name.strip():
        return None, [*problems, "'name' is required"]
    aliases = value.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
        problems.append("'aliases' must be a list of names")
        aliases = []
    links = []
    for link in _strings(value.get("links"), "links", problems):
        try:
            links.append(check_resource_url(link))
        except ResourceURLError as error:
            problems.append(f"'links': {error}")
    clean = tuple(alias.strip() for alias in aliases if alias.strip())
    return Person(slug, " ".join(name.split()), clean, tuple(links)), problems


def _strings(value: object, key: str, problems: list[str]) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        problems.append(f"{key!r} must be a list of addresses")
        return []
    return [item.strip() for item in value]
