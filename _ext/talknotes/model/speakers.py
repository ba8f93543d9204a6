"""The speakers of the site: one entry per person, with their talks across conferences.

A person is who ``speakers.yml`` says (any alias, any spelling), else every
spelling that differs only in case, spacing or Unicode form
(``rules.speakers.speaker_key``). Page names come from the person alone, never
from the order speakers were met, so adding one never moves another's page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..rules.pagenames import speaker_page
from ..rules.speakers import speaker_key, speaker_page_slug, speaker_sort_key

if TYPE_CHECKING:
    from ..rules.people import People
    from .talks import Talk

__all__ = ["SpeakerEntry", "collect_speakers", "speaker_id"]


@dataclass(eq=False)
class SpeakerEntry:
    """One person: the name as most often written, companies seen, talks newest first."""

    name: str
    slug: str = ""
    companies: list[str] = field(default_factory=list)
    talks: list[Talk] = field(default_factory=list)
    #: where to find them, from ``speakers.yml``
    links: tuple[str, ...] = ()

    @property
    def page(self) -> str:
        return speaker_page(self.slug)


def speaker_id(name: str, people: People) -> str:
    """Who a written name stands for: a person of ``speakers.yml``, else its match key."""
    person = people.find(name)
    return f"person:{person.slug}" if person is not None else speaker_key(name)


def collect_speakers(talks: list[Talk], people: People) -> dict[str, SpeakerEntry]:
    """Every speaker by `speaker_id`, in alphabetical order, each with their own page.

    ``talks`` come newest first, so companies are listed latest first; the name
    shown is the person's (``speakers.yml``), else the spelling most talks use,
    the oldest one on a tie.
    """
    found: dict[str, SpeakerEntry] = {}
    spellings: dict[str, Counter[str]] = {}
    for talk in talks:
        for written in talk.record.facts.speakers:
            key = speaker_id(written.name, people)
            speaker = found.setdefault(key, SpeakerEntry(written.name))
            spellings.setdefault(key, Counter())[written.name] += 1
            if talk not in speaker.talks:
                speaker.talks.append(talk)
            if written.company and written.company not in speaker.companies:
                speaker.companies.append(written.company)
    for key, counts in spellings.items():
        # Counter keeps first-seen order (newest first); prefer the last of the most common.
        best = max(counts.values())
        found[key].name = [name for name, count in counts.items() if count == best][-1]
    _name_pages(found, people)
    return dict(sorted(found.items(), key=lambda item: (*speaker_sort_key(item[1].name), item[0])))


def _name_pages(found: dict[str, SpeakerEntry], people: People) -> None:
    """A person of ``speakers.yml`` has the page they name; anyone else one from their name
    (with a digest where it would take a person's page or two digests meet)."""
    for key, speaker in found.items():
        person = people.find(speaker.name) if key.startswith("person:") else None
        if person is not None:
            speaker.name, speaker.slug, speaker.links = person.name, person.slug, person.links
        else:
            speaker.slug = speaker_page_slug(key)
    persons = {speaker.slug for key, speaker in found.items() if key.startswith("person:")}
    pages: dict[str, list[str]] = {}
    for key, speaker in found.items():
        if not key.startswith("person:"):
            pages.setdefault(speaker.slug, []).append(key)
    for slug, keys in pages.items():
        if len(keys) > 1 or slug in persons:
            for key in keys:
                found[key].slug = speaker_page_slug(key, suffix_length=16, plain=False)
