"""The site's structure: conferences, their days and their talks, from the environment.

Per-page facts are collected while reading and kept in the ``talknotes`` domain, so
Sphinx purges them when a page is re-read or removed and merges them after a
parallel read. The structure built from them (which page is a talk, of which day
and conference, in which order) depends on the whole site, so it is derived after
reading, once per build, and shared by every listing page.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.domains import Domain
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from .frontmatter import Conference, PageFacts, read_page_facts
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from collections.abc import Iterator, Set

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

__all__ = [
    "ConferenceEntry",
    "Day",
    "Resource",
    "Site",
    "SpeakerEntry",
    "Talk",
    "TalkNotesDomain",
    "page_title",
    "speaker_key",
    "tag_page_name",
]

_NO_TIME = datetime.max.replace(tzinfo=UTC)

#: the fixed pages the build generates, by name, with their titles
PENDING_PAGE = "pending"
TOPICS_PAGE = "tags/index"
SPEAKERS_PAGE = "speakers/index"
TODOS_PAGE = "todos"
GENERATED_TITLES = {
    PENDING_PAGE: "Pending material",
    TOPICS_PAGE: "Topics",
    SPEAKERS_PAGE: "Speakers",
    TODOS_PAGE: "Open to-dos",
}


def tag_page_name(key: str) -> str:
    """The generated page of a tag."""
    return f"tags/{key}"


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
    #: tag names from ``{tags}`` directives, with their lines
    directive_tags: list[tuple[str, int]] = field(default_factory=list)
    #: the vocabulary keys the page's tags resolve to, in the order written
    tag_keys: list[str] = field(default_factory=list)
    #: the first paragraph of the notes, for feeds and link previews
    summary: str = ""
    #: the page's ``{taglist}`` listings (``taglist.Listing``), which show other pages
    listings: list[Any] = field(default_factory=list)
    #: the page's Mermaid diagrams (``diagrams.Diagram``), drawn after reading
    diagrams: list[Any] = field(default_factory=list)

    def pending(self) -> list[str]:
        """The kinds of material still to come, in page order."""
        return [resource.kind for resource in self.resources if resource.url is None]


@dataclass(frozen=True, eq=False)  # compared and hashed by identity
class Talk:
    docname: str
    title: str
    record: PageRecord
    day: Day
    conference: ConferenceEntry

    @cached_property
    def digest(self) -> str:
        """A short stable digest of ``shown``: what generated pages compare between builds."""
        return hashlib.sha256(repr(self.shown).encode()).hexdigest()[:16]

    @cached_property
    def shown(self) -> tuple[object, ...]:
        """What listings and feeds show of the talk: when it changes, they do."""
        facts = self.record.facts
        return (
            self.docname,
            self.title,
            self.day.title,
            self.conference.docname,
            self.conference.conference,
            facts.speakers,
            facts.time,
            tuple(self.record.tag_keys),
            tuple(self.record.pending()),
            self.record.summary,
        )


@dataclass(eq=False)
class Day:
    docname: str
    title: str
    talks: list[Talk] = field(default_factory=list)


@dataclass(eq=False)
class ConferenceEntry:
    docname: str
    conference: Conference
    days: list[Day] = field(default_factory=list)

    def talks(self) -> Iterator[Talk]:
        for day in self.days:
            yield from day.talks


@dataclass(eq=False)
class SpeakerEntry:
    """One person: the name as first written, companies seen, talks newest first."""

    name: str
    slug: str = ""
    companies: list[str] = field(default_factory=list)
    talks: list[Talk] = field(default_factory=list)

    @property
    def page(self) -> str:
        return f"speakers/{self.slug}"


def speaker_key(name: str) -> str:
    """How two spellings of one name are matched: case and spacing ignored."""
    return " ".join(name.casefold().split())


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "speaker"


def _speakers(talks: list[Talk]) -> dict[str, SpeakerEntry]:
    """Every speaker by match key, in name order, each with a unique page slug.

    ``talks`` come newest first, so companies are listed latest first; the name
    shown is the spelling most talks use, the oldest one on a tie.
    """
    found: dict[str, SpeakerEntry] = {}
    spellings: dict[str, Counter[str]] = {}
    for talk in talks:
        for person in talk.record.facts.speakers:
            key = speaker_key(person.name)
            speaker = found.setdefault(key, SpeakerEntry(person.name))
            spellings.setdefault(key, Counter())[person.name] += 1
            if talk not in speaker.talks:
                speaker.talks.append(talk)
            if person.company and person.company not in speaker.companies:
                speaker.companies.append(person.company)
    for key, counts in spellings.items():
        # Counter keeps first-seen order (newest first); prefer the last of the most common.
        best = max(counts.values())
        found[key].name = [name for name, count in counts.items() if count == best][-1]
    ordered = dict(sorted(found.items(), key=lambda item: (item[1].name.casefold(), item[0])))
    taken: set[str] = set()
    for speaker in ordered.values():
        slug = base = _slug(speaker.name)
        number = 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        speaker.slug = slug
    return ordered


class TalkNotesDomain(Domain):
    """Keeps each page's facts in the environment, purged and merged per document."""

    name = "talknotes"
    label = "Talk notes"
    roles: ClassVar[dict[str, XRefRole]] = {"tag": XRefRole(), "speaker": XRefRole()}
    dangling_warnings: ClassVar[dict[str, str]] = {
        "tag": "unknown tag %(target)r",
        "speaker": "no talk names the speaker %(target)r",
    }
    initial_data: ClassVar[dict[str, Any]] = {"pages": {}}
    data_version = 4

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        #: the tag vocabulary, loaded anew by every build (not kept in the environment)
        self.vocabulary = Vocabulary()
        self.vocabulary_path = ""
        #: the navigation tree of this build (``navigation.NavigationTree``), after reading
        self.navigation: Any = None
        #: what the generated pages and feeds were made from (``generated.GeneratedOutputs``)
        self.outputs: Any = None
        self._site: Site | None = None

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

    def resolve_xref(  # noqa: PLR0917 (Sphinx's signature)
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: Any,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        """Resolve tags (badges, ``{talknotes:tag}``) and speakers to their pages."""
        if typ == "speaker":
            speaker = self.site.speakers.get(speaker_key(target))
            if speaker is None:
                return None
            return make_refnode(builder, fromdocname, speaker.page, "", contnode, speaker.name)
        key = self.vocabulary.resolve(target)
        if typ != "tag" or key is None:
            return None
        title = self.vocabulary.tags[key].title
        return make_refnode(builder, fromdocname, tag_page_name(key), "", contnode, title)

    def resolve_any_xref(  # noqa: PLR0917 (Sphinx's signature)
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: Any,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        """Let Markdown links such as ``[topics](tags/index)`` reach the generated pages.

        A target is tried relative to the linking page (``../tags/x``), then from
        the site's root (``tags/x`` or ``/tags/x``).
        """
        target = target.removesuffix(".html")
        candidates = [target.lstrip("/")]
        if not target.startswith("/"):
            folder = posixpath.dirname(fromdocname)
            candidates.insert(0, posixpath.normpath(posixpath.join(folder, target)))
        found = next(
            ((name, title) for name in candidates if (title := self._generated_title(name))),
            None,
        )
        if found is None:
            return []
        target, title = found
        if not contnode.astext():
            contnode = nodes.inline("", title)
        return [("talknotes:page", make_refnode(builder, fromdocname, target, "", contnode, title))]

    def _generated_title(self, name: str) -> str | None:
        """The title of the generated page ``name``, or None if the build makes none."""
        key = name.removeprefix("tags/")
        if name.startswith("tags/") and key in self.vocabulary.tags:
            return self.vocabulary.tags[key].title
        speaker = self.site.speaker_pages.get(name)
        if speaker is not None:
            return speaker.name
        return GENERATED_TITLES.get(name)

    @property
    def site(self) -> Site:
        """The site's structure, derived once per build and dropped when a page changes."""
        if self._site is None:
            self._site = Site.from_env(self.env, self.pages)
        return self._site


def collect_page_facts(app: Sphinx, doctree: nodes.document) -> None:
    """Keep the page's front matter (decoded and checked) in the domain."""
    env = app.env
    metadata = env.metadata.get(env.docname, {})
    domain: TalkNotesDomain = env.domains["talknotes"]
    record = domain.record(env.docname)
    record.facts = read_page_facts(metadata, env.docname, env.doc2path(env.docname))
    record.summary = _summary(doctree)


_SUMMARY_LENGTH = 300


def _summary(doctree: nodes.document) -> str:
    """The first paragraph of the notes (not a button or byline), shortened."""
    for paragraph in doctree.findall(nodes.paragraph):
        if isinstance(paragraph.parent, nodes.section) and not any(
            name.startswith("talknotes-") for name in paragraph["classes"]
        ):
            words = (
                text.astext()
                for text in paragraph.findall(nodes.Text)
                if not isinstance(text.parent, nodes.raw)  # inline HTML is markup, not words
            )
            text = " ".join("".join(words).split())
            if len(text) <= _SUMMARY_LENGTH:
                return text
            return text[: _SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return ""


class Site:
    """Conferences in date order, each with its days and each day's talks in order."""

    def __init__(self, conferences: list[ConferenceEntry]) -> None:
        self.conferences = conferences
        self.talks = {talk.docname: talk for entry in conferences for talk in entry.talks()}
        #: tag key -> its talks, newest conference first, then in day and talk order
        self.tagged: dict[str, list[Talk]] = {}
        for entry in reversed(conferences):
            for talk in entry.talks():
                for key in talk.record.tag_keys:
                    self.tagged.setdefault(key, []).append(talk)
        #: speaker match key -> the speaker, in name order
        self.speakers = _speakers(self.talks_newest_first())
        #: speaker page name -> the speaker, for resolving links and rendering pages
        self.speaker_pages = {speaker.page: speaker for speaker in self.speakers.values()}

    def talks_newest_first(self) -> list[Talk]:
        """Every talk: newest conference first, then in day and talk order."""
        return [talk for entry in reversed(self.conferences) for talk in entry.talks()]

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
