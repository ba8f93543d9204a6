"""Faceted search: what each page tells Pagefind's index, and the search page itself.

Sphinx's own search makes every reader download the whole site's index before the
first result. On the web-site builders it is turned off: Pagefind indexes the
written pages after the build (``outputs/search_index.py``) and the search page
loads only the parts of the index a query needs.

A page that is a result (every page written in ``docs/`` but those marked
``nosearch``) gets its article wrapped in ``data-pagefind-body`` and, in a hidden
block beside it, its title, where it was given, its speakers, a date to sort by
and its filter values: conference, year, topics, speakers and format. Generated
pages (topics, speakers, pending material, to-dos), the search page and the 404
page are no results: they list talks the search finds by themselves.

The filter values of a page come from the whole site (a speaker's name as most
talks spell it, a conference's name from its own page), so a page whose values
changed is written again even when its own source did not change.
"""

from __future__ import annotations

import hashlib
import html
import json
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from ..model import build_state, talknotes_domain
from ..model.generated import SITE_BUILDERS
from ..model.site import page_title
from ..rules.formats import FORMAT_TITLES
from ..rules.pagenames import SPEAKERS, TOPICS
from ..rules.speakers import speaker_key
from ..rules.text import talk_context

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from ..model.site import Site
    from ..model.talks import ConferenceEntry, Day, Talk

__all__ = [
    "ENTRY_START",
    "FACETS",
    "INDEXED_START",
    "SEARCH_PAGE",
    "Facet",
    "SearchEntry",
    "add_search_page",
    "changed_search_entries",
    "mark_up_for_search",
    "search_entries",
    "turn_off_sphinx_search",
]

SEARCH_PAGE = "search"
#: where the part of a result page that Pagefind reads starts, and where its entry does
INDEXED_START = "<div data-pagefind-body>"
ENTRY_START = '<div class="talknotes-search-entry" hidden>'
_RECORD = "talknotes-search.json"
_UNDATED = "0000"  # sorts after every date when the newest come first


@dataclass(frozen=True)
class Facet:
    """A filter on the search page: its key in the index and its label."""

    key: str
    label: str


#: the search page's filters, in the order it shows them
FACETS = (
    Facet("conference", "Conference"),
    Facet("year", "Year"),
    Facet("topic", "Topic"),
    Facet("speaker", "Speaker"),
    Facet("format", "Format"),
)


@dataclass(frozen=True)
class SearchEntry:
    """What the index keeps of a result page besides its text."""

    title: str
    #: the line under the title in the results: conference and day, or dates and place
    where: str = ""
    speakers: str = ""
    #: ISO date (and time) to list the newest first when only filters are chosen
    date: str = _UNDATED
    #: facet key -> values, in the order of ``FACETS``
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def markup(self) -> str:
        """The hidden block Pagefind reads the entry from (it is never shown)."""
        spans = [
            _span("data-pagefind-meta", "title", self.title),
            _span("data-pagefind-meta", "where", self.where),
            _span("data-pagefind-meta", "speakers", self.speakers),
            _span("data-pagefind-sort", "date", self.date),
        ] + [
            _span("data-pagefind-filter", key, value)
            for key, values in self.filters
            for value in values
        ]
        return ENTRY_START + "".join(spans) + "</div>"


def _span(attribute: str, key: str, value: str) -> str:
    if not value:
        return ""
    return f'<span {attribute}="{key}">{html.escape(value)}</span>'


_ENTRIES: WeakKeyDictionary[Site, dict[str, SearchEntry]] = WeakKeyDictionary()


def search_entries(env: BuildEnvironment) -> dict[str, SearchEntry]:
    """Every result page's entry by page name, derived once per site structure."""
    site = talknotes_domain(env).site
    entries = _ENTRIES.get(site)
    if entries is None:
        entries = _ENTRIES[site] = _derive(env, site)
    return entries


def _derive(env: BuildEnvironment, site: Site) -> dict[str, SearchEntry]:
    places: dict[str, tuple[ConferenceEntry, Day | None]] = {}
    for conference in site.conferences:
        places[conference.docname] = (conference, None)
        places.update((day.docname, (conference, day)) for day in conference.days)
    entries = {}
    for docname in sorted(env.found_docs):
        if "nosearch" in env.metadata.get(docname, {}):
            continue
        title = page_title(env, docname)
        talk = site.listed.get(docname)
        if talk is not None:
            entries[docname] = _talk_entry(env, site, talk)
        elif docname in places:
            entries[docname] = _place_entry(title, *places[docname])
        else:
            entries[docname] = SearchEntry(title)
    return entries


def _talk_entry(env: BuildEnvironment, site: Site, talk: Talk) -> SearchEntry:
    facts = talk.record.facts
    tags = build_state(env).vocabulary.tags
    speakers = [
        speaker.name if (speaker := site.speakers.get(speaker_key(person.name))) else person.name
        for person in facts.speakers
    ]
    conference = talk.conference.conference if talk.conference else None
    if talk.time is not None:
        date, year = talk.time.isoformat(timespec="minutes"), talk.time.year
    elif conference is not None:
        date, year = conference.start.isoformat(), conference.start.year
    else:
        date, year = _UNDATED, None
    values = {
        "conference": [conference.name] if conference else [],
        "year": [str(year)] if year is not None else [],
        "topic": [tags[key].title for key in talk.record.tag_keys if key in tags],
        "speaker": speakers,
        # The session format is not part of the front matter yet: read it once it is.
        "format": [FORMAT_TITLES[facts.format]] if facts.format else [],
    }
    return SearchEntry(talk.title, talk.where(), ", ".join(speakers), date, _filters(values))


def _place_entry(title: str, entry: ConferenceEntry, day: Day | None) -> SearchEntry:
    """A conference's page, or one of its days: found under its conference and year."""
    conference = entry.conference
    if day is not None:
        where = talk_context(conference.name, day.title)
    else:
        parts = (conference.name, conference.dates(), conference.location)
        where = " · ".join(part for part in parts if part)  # every result names its conference
    values = {"conference": [conference.name], "year": [str(conference.start.year)]}
    return SearchEntry(title, where, "", conference.start.isoformat(), _filters(values))


def _filters(values: dict[str, list[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(
        (facet.key, tuple(dict.fromkeys(values[facet.key])))
        for facet in FACETS
        if values.get(facet.key)
    )


# -- handlers ---------------------------------------------------------------------------


def turn_off_sphinx_search(app: Sphinx) -> None:
    """No ``searchindex.js`` on the web-site builders: nothing reads it any more."""
    if app.builder.name in SITE_BUILDERS:
        app.builder.search = False  # type: ignore[attr-defined]


def changed_search_entries(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: the unchanged pages whose search entry changed, to be written again."""
    if app.builder.name not in SITE_BUILDERS:
        return []
    path = Path(app.doctreedir, _RECORD)
    try:
        before: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        before = {}
    after = {
        docname: hashlib.sha256(repr(entry).encode()).hexdigest()[:16]
        for docname, entry in search_entries(env).items()
    }
    with suppress(OSError):  # without the record, the next build compares with this one's
        path.write_text(json.dumps(after, indent=0, sort_keys=True), encoding="utf-8")
    return sorted(
        docname for docname, digest in after.items() if before.get(docname, digest) != digest
    )


def mark_up_for_search(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Every page links the search page; a result page carries what the index keeps of it."""
    if app.builder.name not in SITE_BUILDERS:
        return
    href = context["pathto"](SEARCH_PAGE)
    context["metatags"] = context.get("metatags", "") + (
        f'<link rel="search" title="Search" href="{href}">'
    )
    entry = search_entries(app.env).get(pagename)
    if entry is not None and "body" in context:
        context["body"] = f"{INDEXED_START}{context['body']}</div>{entry.markup()}"


def add_search_page(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """The search page, in place of Sphinx's (``search.html?q=...`` keeps working)."""
    if app.builder.name not in SITE_BUILDERS:
        return
    context = {
        "title": "Search",
        "talknotes_facets": FACETS,
        "talknotes_browse": [(TOPICS, "topics"), (SPEAKERS, "speakers")],
    }
    yield SEARCH_PAGE, context, "talknotes/search.html"
