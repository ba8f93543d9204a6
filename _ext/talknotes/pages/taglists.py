"""Listings inside a page, when it is written: ``{taglist}``, ``{conferencelist}`` and a
conference page's summary filled in.

A listing shows other pages, so what it shows is compared between builds
(``shown``) and the pages whose listings changed are written again
(``speed.rewrites``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..diagnostics import warn
from ..model import build_state, talknotes_domain
from ..reading.listings import taglist
from ..rules.pagenames import tag_page
from ..rules.problems import Subtype
from . import conferences
from .blocks import internal_link, talk_list

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from ..model.records import Listing
    from ..model.site import Site
    from ..model.talks import ConferenceEntry, Talk

__all__ = ["render_taglists", "shown"]


def _conference(site: Site, listing: Listing) -> ConferenceEntry | None:
    return site.conference(listing.conference or "")


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
    env: BuildEnvironment, listing: Listing, entry: ConferenceEntry | None
) -> list[tuple[str, str, int]]:
    """The topics at a glance: (key, title, number of talks), most talks first."""
    tags = build_state(env).vocabulary.tags
    site = talknotes_domain(env).site
    counts = {
        key: site.counted(talk for talk in talks if entry is None or talk.conference is entry)
        for key, talks in site.tagged.items()
    }
    titles = {key: tags[key].title for key in counts}
    ranked = sorted(
        (key for key, count in counts.items() if count),
        key=lambda key: (-counts[key], titles[key].casefold()),
    )
    return [(key, titles[key], counts[key]) for key in ranked[: listing.limit]]


def shown(env: BuildEnvironment, listing: Listing) -> object:
    """What a listing shows, to compare between builds."""
    site = talknotes_domain(env).site
    if listing.kind in {"conferences", "conference"}:
        return conferences.shown(site, listing)
    entry = _conference(site, listing)
    if listing.tags:
        return [talk.digest for talk in _talks(site, listing, entry)]
    return _topics(env, listing, entry)


def render_taglists(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    site = talknotes_domain(app.env).site
    for node in list(doctree.findall(taglist)):
        listing: Listing = node["listing"]
        entry = _conference(site, listing)
        if listing.kind == "conferences":
            listed = conferences.listed_conferences(site, listing)
            node.replace_self(conferences.conference_list(app, docname, listed))
        elif listing.kind == "conference":
            summaries = [
                conferences.conference_summary(app, docname, entry)
                for entry in conferences.listed_conferences(site, listing)
            ]
            node.replace_self(summaries)
        elif listing.conference and entry is None:
            warn(
                f"{{taglist}}: no conference {listing.conference!r}; give its folder or name",
                location=node,
                subtype=Subtype.TAGLIST,
            )
            node.replace_self([])
        elif listing.tags:
            talks = _talks(site, listing, entry)
            node.replace_self(talk_list(app, docname, talks, with_conference=entry is None))
        else:
            node.replace_self(_glance(app, docname, _topics(app.env, listing, entry)))


def _glance(app: Sphinx, docname: str, topics: list[tuple[str, str, int]]) -> nodes.paragraph:
    glance = nodes.paragraph("", "", classes=["talknotes-topics"])
    for key, title, count in topics:
        link = internal_link(app, docname, tag_page(key), "")
        link += nodes.inline(
            "", f"{title} {count}", classes=["sd-badge", "sd-outline-primary", "sd-text-primary"]
        )
        glance += [link, nodes.Text(" ")]
    return glance
