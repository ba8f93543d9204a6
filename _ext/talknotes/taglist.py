"""Listings inside a page: ``{taglist}`` and ``{conferencelist}``.

``{taglist}`` without ``:tags:`` shows the topics at a glance (each tag with its
number of talks); with ``:tags:`` it lists the talks carrying any of them, newest
first. ``:conference:`` narrows either to one conference, ``:limit:`` caps the
length. ``{conferencelist}`` lists the conferences, newest first, with their dates
and places. A listing depends on other pages: after reading, each listing's content
is compared with the last build's, and the pages whose listings changed are rewritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .diagnostics import logger
from .listings import talk_list
from .site import tag_page_name
from .tags import TAG_WARNING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

    from .site import ConferenceEntry, Site, Talk, TalkNotesDomain

__all__ = [
    "ConferenceListDirective",
    "Listing",
    "TagListDirective",
    "changed_listings",
    "render_taglists",
    "taglist",
]


@dataclass(frozen=True)
class Listing:
    """What one ``{taglist}`` asks for."""

    tags: tuple[str, ...] = ()
    conference: str | None = None
    limit: int | None = None
    kind: str = "talks"  # or "conferences"


class taglist(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes in lower case)
    """Where a listing goes; replaced when the page is written."""


class TagListDirective(SphinxDirective):
    has_content = False
    option_spec: ClassVar[OptionSpec] = {
        "tags": directives.unchanged_required,
        "conference": directives.unchanged_required,
        "limit": directives.positive_int,
    }

    def run(self) -> list[nodes.Node]:
        domain: TalkNotesDomain = self.env.domains["talknotes"]
        keys = []
        for name in filter(
            None, (part.strip() for part in self.options.get("tags", "").split(","))
        ):
            key = domain.vocabulary.resolve(name)
            if key is None:
                hint = ", ".join(map(repr, domain.vocabulary.suggest(name)))
                logger.warning(
                    f"{{taglist}}: unknown tag {name!r}"
                    + (f"; did you mean {hint}?" if hint else ""),
                    location=self.get_location(),
                    type=TAG_WARNING,
                    subtype="unknown",
                )
            else:
                keys.append(key)
        if "tags" in self.options and not keys:
            return []
        if keys:
            self.env.note_dependency(domain.vocabulary_path)
        listing = Listing(tuple(keys), self.options.get("conference"), self.options.get("limit"))
        node = taglist("", listing=listing)
        self.set_source_info(node)
        domain.record(self.env.docname).listings.append(listing)
        return [node]


class ConferenceListDirective(SphinxDirective):
    """``{conferencelist}``: every conference, newest first, with dates and places."""

    has_content = False
    option_spec: ClassVar[OptionSpec] = {"limit": directives.positive_int}

    def run(self) -> list[nodes.Node]:
        listing = Listing(limit=self.options.get("limit"), kind="conferences")
        node = taglist("", listing=listing)
        self.set_source_info(node)
        self.env.domains["talknotes"].record(self.env.docname).listings.append(listing)
        return [node]


def _conferences(site: Site, listing: Listing) -> list[ConferenceEntry]:
    return list(reversed(site.conferences))[: listing.limit]


def _conference_list(app: Sphinx, docname: str, entries: list[ConferenceEntry]) -> nodes.Node:
    items = []
    for entry in entries:
        paragraph = nodes.paragraph()
        uri = app.builder.get_relative_uri(docname, entry.docname)
        paragraph += nodes.reference("", entry.conference.name, internal=True, refuri=uri)
        details = [entry.conference.dates(), entry.conference.location or ""]
        talks = sum(1 for _ in entry.talks())
        details.append(f"{talks} talk{'' if talks == 1 else 's'}")
        paragraph += nodes.Text(" · " + " · ".join(part for part in details if part))
        items.append(nodes.list_item("", paragraph))
    return nodes.bullet_list("", *items, classes=["talknotes-conference-list"])


def _conference(site: Site, listing: Listing) -> ConferenceEntry | None:
    wanted = (listing.conference or "").strip().strip("/").casefold()
    for entry in site.conferences:
        folder = entry.docname.removesuffix("index").strip("/").casefold()
        if wanted in {folder, entry.conference.name.casefold()}:
            return entry
    return None


def _talks(site: Site, listing: Listing, entry: ConferenceEntry | None) -> list[Talk]:
    """The talks a listing with ``:tags:`` shows, newest first."""
    wanted = {
        talk
        for key in listing.tags
        for talk in site.tagged.get(key, ())
        if entry is None or talk.conference is entry
    }
    return [talk for talk in site.talks_newest_first() if talk in wanted][: listing.limit]


def _topics(
    domain: TalkNotesDomain, listing: Listing, entry: ConferenceEntry | None
) -> list[tuple[str, str, int]]:
    """The topics at a glance: (key, title, number of talks), most talks first."""
    counts = {
        key: sum(1 for talk in talks if entry is None or talk.conference is entry)
        for key, talks in domain.site.tagged.items()
    }
    titles = {key: domain.vocabulary.tags[key].title for key in counts}
    ranked = sorted(
        (key for key, count in counts.items() if count),
        key=lambda key: (-counts[key], titles[key].casefold()),
    )
    return [(key, titles[key], counts[key]) for key in ranked[: listing.limit]]


def _shown(domain: TalkNotesDomain, listing: Listing) -> object:
    """What a listing shows, to compare between builds."""
    if listing.kind == "conferences":
        return [
            (entry.docname, entry.conference, sum(1 for _ in entry.talks()))
            for entry in _conferences(domain.site, listing)
        ]
    entry = _conference(domain.site, listing)
    if listing.tags:
        return [talk.digest for talk in _talks(domain.site, listing, entry)]
    return _topics(domain, listing, entry)


def render_taglists(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    domain: TalkNotesDomain = app.env.domains["talknotes"]
    for node in list(doctree.findall(taglist)):
        listing: Listing = node["listing"]
        entry = _conference(domain.site, listing)
        if listing.kind == "conferences":
            entries = _conferences(domain.site, listing)
            node.replace_self(_conference_list(app, docname, entries))
        elif listing.conference and entry is None:
            logger.warning(
                f"{{taglist}}: no conference {listing.conference!r}; give its folder or name",
                location=node,
                type="talknotes",
                subtype="taglist",
            )
            node.replace_self([])
        elif listing.tags:
            talks = _talks(domain.site, listing, entry)
            node.replace_self(talk_list(app, docname, talks, with_conference=entry is None))
        else:
            node.replace_self(_glance(app, docname, _topics(domain, listing, entry)))


def _glance(app: Sphinx, docname: str, topics: list[tuple[str, str, int]]) -> nodes.paragraph:
    glance = nodes.paragraph("", "", classes=["talknotes-topics"])
    for key, title, count in topics:
        uri = app.builder.get_relative_uri(docname, tag_page_name(key))
        link = nodes.reference("", "", internal=True, refuri=uri)
        link += nodes.inline(
            "", f"{title} {count}", classes=["sd-badge", "sd-outline-primary", "sd-text-primary"]
        )
        glance += [link, nodes.Text(" ")]
    return glance


def changed_listings(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: the pages whose listings now show something else."""
    domain: TalkNotesDomain = env.domains["talknotes"]
    before = domain.data.setdefault("listings", {})
    after = {
        docname: repr([_shown(domain, listing) for listing in record.listings])
        for docname, record in sorted(domain.pages.items())
        if record.listings
    }
    domain.data["listings"] = after
    return [docname for docname, shown in after.items() if before.get(docname) != shown]
