"""What pages show of the conferences: ``{conferencelist}`` and each conference page's summary.

Both come from the conferences' front matter and the site's days and talks, so a
note-taker never maintains dates or counts by hand; ``pages.taglists`` puts them
in place when a page is written, and compares ``shown`` between builds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..rules.text import plural
from .blocks import internal_link

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..model.records import Listing
    from ..model.site import Site
    from ..model.talks import ConferenceEntry

__all__ = ["conference_list", "conference_summary", "listed_conferences", "shown", "talks_at"]


def listed_conferences(site: Site, listing: Listing) -> list[ConferenceEntry]:
    """What a listing is about: ``{conferencelist}``'s conferences, newest first, or the
    conference of a conference page's summary."""
    if listing.kind == "conference":
        return [entry for entry in site.conferences if entry.docname == listing.conference]
    return list(reversed(site.conferences))[: listing.limit]


def shown(site: Site, listing: Listing) -> object:
    """What the listing shows, to compare between builds."""
    return [
        (
            entry.docname,
            entry.conference,
            [(day.docname, day.title, len(day.talks)) for day in entry.days],
        )
        for entry in listed_conferences(site, listing)
    ]


def talks_at(entry: ConferenceEntry) -> str:
    """``24 talks``: the talks of the conference's days."""
    return plural(sum(len(day.talks) for day in entry.days), "talk")


def _details(entry: ConferenceEntry) -> str:
    """``1-4 April 2025 · London, UK · 24 talks``."""
    conference = entry.conference
    return " · ".join(
        part for part in (conference.dates(), conference.location, talks_at(entry)) if part
    )


def conference_list(app: Sphinx, docname: str, entries: list[ConferenceEntry]) -> nodes.Node:
    """``{conferencelist}``: each conference with its dates, place and number of talks."""
    items = []
    for entry in entries:
        paragraph = nodes.paragraph()
        paragraph += internal_link(app, docname, entry.docname, entry.conference.name)
        paragraph += nodes.Text(" · " + _details(entry))
        items.append(nodes.list_item("", paragraph))
    return nodes.bullet_list("", *items, classes=["talknotes-conference-list"])


def conference_summary(app: Sphinx, docname: str, entry: ConferenceEntry) -> nodes.Node:
    """Under a conference page's title: dates, place, talks, website; each day with its
    number of talks, linking the day (the page's own toctree of days may be hidden)."""
    facts = nodes.paragraph("", _details(entry), classes=["talknotes-when"])
    if entry.conference.website:
        facts += nodes.Text(" · ")
        facts += nodes.reference("", "Conference website", refuri=entry.conference.website)
    summary = nodes.container("", facts, classes=["talknotes-conference-summary"])
    days = []
    for day in entry.days:
        paragraph = nodes.paragraph()
        paragraph += internal_link(app, docname, day.docname, day.title)
        paragraph += nodes.Text(f" · {plural(len(day.talks), 'talk')}")
        days.append(nodes.list_item("", paragraph))
    if days:
        summary += nodes.bullet_list("", *days, classes=["talknotes-day-list"])
    return summary
