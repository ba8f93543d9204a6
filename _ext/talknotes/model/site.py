"""The site's structure: conferences, their days and talks, tags and speakers.

Derived from the per-page records after reading, once per build (it depends on
the whole site), and shared by every listing, generated page and feed.

A talk is a page directly in a day folder of a conference. Any other page with
tags or speakers (a "lessons learned" page, a page of a site without
conferences) is listed too, on its topic and speaker pages and in the feeds: in
its conference's group after the talks, or in a group of its own.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..rules.layout import conference_of, folder_of, is_index, place_talk
from .records import PageRecord
from .related import related_talks
from .speakers import SpeakerEntry, collect_speakers, speaker_id
from .talks import ConferenceEntry, Day, Talk

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from sphinx.environment import BuildEnvironment

    from ..rules.people import People

__all__ = ["Site", "page_title"]

_NO_TIME = datetime.max.replace(tzinfo=UTC)


class Site:
    """Conferences in date order, each with its days and each day's talks in order."""

    def __init__(
        self,
        conferences: list[ConferenceEntry],
        others: list[Talk],
        titles: dict[str, str],
        people: People,
    ) -> None:
        self.conferences = conferences
        #: every page's title, by name
        self.titles = titles
        #: pages with tags or speakers outside any conference, by name
        self.others = others
        self.talks = {talk.docname: talk for entry in conferences for talk in entry.talks()}
        self._newest_first = [
            talk for entry in reversed(conferences) for talk in [*entry.talks(), *entry.others]
        ] + others
        #: every listed page (talks, conferences' other pages, pages outside), by name
        self.listed = {talk.docname: talk for talk in self._newest_first}
        #: tag key -> its talks, newest conference first, then in day and talk order
        self.tagged: dict[str, list[Talk]] = {}
        for talk in self.talks_newest_first():
            for key in talk.record.tag_keys:
                self.tagged.setdefault(key, []).append(talk)
        #: speaker match key -> the speaker, in name order
        self.people = people
        self.speakers = collect_speakers(self.talks_newest_first(), people)
        #: speaker page name -> the speaker, for resolving links and rendering pages
        self.speaker_pages = {speaker.page: speaker for speaker in self.speakers.values()}
        self._related: dict[str, list[Talk]] | None = None

    def speaker_for(self, name: str) -> SpeakerEntry | None:
        """The speaker a written name stands for (any alias of ``speakers.yml``)."""
        return self.speakers.get(speaker_id(name, self.people))

    def page(self, docname: str) -> Talk:
        """A page as listings show it: the listed entry, or the page with its title alone."""
        listed = self.listed.get(docname)
        if listed is not None:
            return listed
        return Talk(docname, self.titles.get(docname, docname), PageRecord(), None, None)

    @property
    def related(self) -> dict[str, list[Talk]]:
        """Each talk's related talks (``model.related``), ranked once per build unless
        `reuse_related` gave them."""
        if self._related is None:
            self._related = related_talks(self)
        return self._related

    def reuse_related(self, names: Mapping[str, Sequence[str]]) -> None:
        """Take the related talks by page name, as a build ranked them from the same
        inputs (``model.related.ranked_from``)."""
        self._related = {
            docname: [self.page(name) for name in listed] for docname, listed in names.items()
        }

    def counted(self, listed: Iterable[Talk]) -> int:
        """How many talks a count shows: the talks of days, or every page on a site
        without conferences (a sphinx-tags site)."""
        return sum(1 for talk in listed if talk.day is not None or not self.conferences)

    @property
    def counted_noun(self) -> str:
        """What `counted` counts, as a column or a sentence says it."""
        return "talk" if self.conferences else "page"

    def talks_newest_first(self) -> list[Talk]:
        """Every listed page: newest conference first, its talks in day order, then its
        other pages; last the pages outside any conference. Computed once: the site is
        fixed once built, and listings, feeds and search all walk it."""
        return self._newest_first

    def conference(self, wanted: str) -> ConferenceEntry | None:
        """The conference named by its folder or its name (ignoring case)."""
        wanted = wanted.strip().strip("/").casefold()
        for entry in self.conferences:
            if wanted in {entry.folder.casefold(), entry.conference.name.casefold()}:
                return entry
        return None

    @classmethod
    def from_env(
        cls, env: BuildEnvironment, pages: Mapping[str, PageRecord], people: People
    ) -> Site:
        conferences = {
            folder_of(docname): ConferenceEntry(docname, record.facts.conference)
            for docname, record in sorted(pages.items())
            if record.facts.conference is not None and is_index(docname)
        }
        days: dict[str, Day] = {}
        others: list[Talk] = []
        for docname in sorted(env.found_docs):
            place = place_talk(docname, conferences)
            if place is None:
                record = pages.get(docname)
                if record is not None and _listed(record):
                    folder = conference_of(docname, conferences)
                    entry = conferences[folder] if folder is not None else None
                    other = Talk(docname, page_title(env, docname), record, None, entry)
                    (entry.others if entry else others).append(other)
                continue
            entry = conferences[place.conference]
            day_docname = f"{place.day}/index"
            day = days.get(day_docname)
            if day is None:
                day = days[day_docname] = Day(day_docname, page_title(env, day_docname, place.day))
                entry.days.append(day)
            record = pages.get(docname, PageRecord())
            day.talks.append(Talk(docname, page_title(env, docname), record, day, entry))

        for entry in conferences.values():
            day_place = _toctree_place(env, entry.docname)
            entry.days.sort(key=lambda day: day_place(day.docname))
            for day in entry.days:
                talk_place = _toctree_place(env, day.docname)
                day.talks.sort(key=lambda talk: (talk.time or _NO_TIME, talk_place(talk.docname)))
        ordered = sorted(
            conferences.values(), key=lambda entry: (entry.conference.start, entry.docname)
        )
        titles = {docname: page_title(env, docname) for docname in env.found_docs}
        return cls(ordered, others, titles, people)


def _listed(record: PageRecord) -> bool:
    """Whether a page that is no talk still belongs on topic and speaker pages."""
    facts = record.facts
    return bool(facts.tags or record.directive_tags or facts.speakers)


def page_title(env: BuildEnvironment, docname: str, fallback: str | None = None) -> str:
    """The page's first heading as text; ``fallback`` (or the docname) if it has none."""
    title = env.titles.get(docname)
    return title.astext() if title is not None else (fallback or docname)


def _toctree_place(env: BuildEnvironment, parent: str) -> Callable[[str], tuple[int, str]]:
    """A sort key: a page's place in ``parent``'s toctrees, unlisted pages last by name."""
    places = {docname: index for index, docname in enumerate(env.toctree_includes.get(parent, ()))}

    def key(docname: str) -> tuple[int, str]:
        return places.get(docname, len(places)), docname

    return key
