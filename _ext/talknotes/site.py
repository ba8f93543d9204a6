"""The site's structure: conferences, their days and their talks, from the environment.

Per-page facts are collected while reading and kept in the ``talknotes`` domain, so
Sphinx purges them when a page is re-read or removed and merges them after a
parallel read. The structure built from them (which page is a talk, of which day
and conference, in which order) depends on the whole site, so it is derived after
reading, once per build, and shared by every listing page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from sphinx.domains import Domain

from .frontmatter import Conference, PageFacts, read_page_facts

if TYPE_CHECKING:
    from collections.abc import Iterator, Set

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

__all__ = [
    "ConferenceEntry",
    "Day",
    "Resource",
    "Site",
    "Talk",
    "TalkNotesDomain",
    "page_title",
]

_NO_TIME = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Resource:
    """A ``{video}``, ``{slides}`` or ``{demo}`` on a page; ``url`` None means pending."""

    kind: str
    url: str | None
    line: int | None


@dataclass
class PageRecord:
    """Everything the build keeps of one page between builds."""

    facts: PageFacts = field(default_factory=PageFacts)
    resources: list[Resource] = field(default_factory=list)

    def pending(self) -> list[str]:
        """The kinds of material still to come, in page order."""
        return [resource.kind for resource in self.resources if resource.url is None]


@dataclass(frozen=True)
class Talk:
    docname: str
    title: str
    record: PageRecord
    day: Day
    conference: ConferenceEntry


@dataclass
class Day:
    docname: str
    title: str
    talks: list[Talk] = field(default_factory=list)


@dataclass
class ConferenceEntry:
    docname: str
    conference: Conference
    days: list[Day] = field(default_factory=list)

    def talks(self) -> Iterator[Talk]:
        for day in self.days:
            yield from day.talks


class TalkNotesDomain(Domain):
    """Keeps each page's facts in the environment, purged and merged per document."""

    name = "talknotes"
    label = "Talk notes"
    initial_data: ClassVar[dict[str, Any]] = {"pages": {}}
    data_version = 1

    @property
    def pages(self) -> dict[str, PageRecord]:
        return self.data["pages"]

    def record(self, docname: str) -> PageRecord:
        self._site = None
        return self.pages.setdefault(docname, PageRecord())

    def clear_doc(self, docname: str) -> None:
        self._site = None
        self.pages.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self._site = None
        for docname in docnames:
            if docname in otherdata["pages"]:
                self.pages[docname] = otherdata["pages"][docname]

    def resolve_any_xref(  # noqa: PLR0917 (Sphinx's signature)
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: Any,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        return []

    @property
    def site(self) -> Site:
        """The site's structure, derived once per build and dropped when a page changes."""
        if getattr(self, "_site", None) is None:
            self._site = Site.from_env(self.env, self.pages)
        return self._site


def collect_page_facts(app: Sphinx, doctree: nodes.document) -> None:
    """Keep the page's front matter (decoded and checked) in the domain."""
    env = app.env
    metadata = env.metadata.get(env.docname, {})
    domain: TalkNotesDomain = env.domains["talknotes"]
    record = domain.record(env.docname)
    record.facts = read_page_facts(metadata, env.docname, env.doc2path(env.docname))


class Site:
    """Conferences in date order, each with its days and each day's talks in order."""

    def __init__(self, conferences: list[ConferenceEntry]) -> None:
        self.conferences = conferences
        self.talks = {talk.docname: talk for entry in conferences for talk in entry.talks()}

    @classmethod
    def from_env(cls, env: BuildEnvironment, pages: dict[str, PageRecord]) -> Site:
        conferences = {
            _folder(docname): ConferenceEntry(docname, record.facts.conference)
            for docname, record in sorted(pages.items())
            if record.facts.conference is not None and _is_index(docname)
        }
        days: dict[str, Day] = {}
        for docname in sorted(env.found_docs):
            placed = _place(docname, conferences)
            if placed is None:
                continue
            entry, day_folder = placed
            day_docname = f"{day_folder}/index"
            day = days.get(day_docname)
            if day is None:
                day = days[day_docname] = Day(day_docname, page_title(env, day_docname, day_folder))
                entry.days.append(day)
            record = pages.get(docname, PageRecord())
            day.talks.append(Talk(docname, page_title(env, docname), record, day, entry))

        for entry in conferences.values():
            entry.days.sort(key=_toctree_order(env, entry.docname, lambda day: day.docname))
            for day in entry.days:
                position = _toctree_order(env, day.docname, lambda talk: talk.docname)
                day.talks.sort(key=lambda talk: (_talk_time(talk), position(talk)))
        ordered = sorted(
            conferences.values(), key=lambda entry: (entry.conference.start, entry.docname)
        )
        return cls(ordered)


def _is_index(docname: str) -> bool:
    return docname == "index" or docname.endswith("/index")


def _folder(docname: str) -> str:
    return docname.rpartition("/")[0]


def _place(
    docname: str, conferences: dict[str, ConferenceEntry]
) -> tuple[ConferenceEntry, str] | None:
    """The conference and day folder of a talk page, or None if it is no talk.

    A talk is a page ``<day>/<name>`` (not an index) directly inside a day folder of
    the conference whose index is the page's nearest ancestor with ``conference:``.
    """
    if _is_index(docname):
        return None
    folder = _folder(docname)
    parent = folder
    while True:
        if parent in conferences:
            break
        if not parent:
            return None
        parent = _folder(parent)
    if folder == parent or _folder(folder) != parent:
        return None
    return conferences[parent], folder


def page_title(env: BuildEnvironment, docname: str, fallback: str | None = None) -> str:
    """The page's first heading as text; ``fallback`` (or the docname) if it has none."""
    title = env.titles.get(docname)
    return title.astext() if title is not None else (fallback or docname)


def _toctree_order(env: BuildEnvironment, parent: str, docname_of):
    """A sort key: the place of an item in ``parent``'s toctrees, unlisted ones last by name."""
    places = {docname: index for index, docname in enumerate(env.toctree_includes.get(parent, ()))}

    def key(item: object) -> tuple[int, str]:
        docname = docname_of(item)
        return places.get(docname, len(places)), docname

    return key


def _talk_time(talk: Talk) -> datetime:
    return talk.record.facts.time or _NO_TIME
