"""The topics overview's trends: a chart and a table of talks per topic per conference.

Newest conference first, like every other listing of the site. The chart
(``pages.chart``) is for seeing a topic rise and fall; it is one image with a
name, and the table under it carries the same numbers for screen readers, for
copying, and as links into each topic page's part for that conference. Builders
that write no web site never get here: the overview is a page of the web site.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from docutils import nodes

from ..rules.pagenames import tag_page
from .blocks import conference_anchor, internal_link, table
from .chart import Column, Row, trend_chart
from .conferences import talks_at

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..model.site import Site
    from ..model.talks import ConferenceEntry
    from ..rules.vocabulary import Tag

__all__ = ["CHART_TITLE", "trends_section"]

CHART_TITLE = "Talks per topic at each conference, newest conference first"
_DESCRIPTION = (
    "A row per topic and a column per conference; each dot grows with the "
    "number of talks, written beside it. The table below gives the same numbers."
)


def trends_section(app: Sphinx, pagename: str, site: Site, tags: list[Tag]) -> nodes.section | None:
    """The "Topics across conferences" section; None on a site without conferences."""
    if not site.conferences:
        return None
    conferences = list(reversed(site.conferences))
    counts = {
        tag.key: Counter(talk.conference for talk in site.tagged.get(tag.key, ())) for tag in tags
    }
    section = nodes.section("", nodes.title("", "Topics across conferences"), ids=["trends"])
    section += nodes.paragraph(
        "",
        "How many talks each topic had at each conference, newest conference first: "
        "a topic's row shows it rise or fall.",
    )
    rows = [
        Row(tag.title, tuple(counts[tag.key][entry] for entry in conferences))
        for tag in tags
        if any(counts[tag.key][entry] for entry in conferences)
    ]
    columns = [Column(entry.conference.name, talks_at(entry)) for entry in conferences]
    chart = trend_chart(columns, rows, title=CHART_TITLE, description=_DESCRIPTION)
    if chart:
        section += nodes.raw(
            "", f'<div class="talknotes-chart-box">\n{chart}\n</div>', format="html"
        )
    section += table(
        ["Topic", *(entry.conference.name for entry in conferences)],
        [
            [
                internal_link(app, pagename, tag_page(tag.key), tag.title),
                *(
                    _cell(app, pagename, tag, entry, counts[tag.key][entry])
                    for entry in conferences
                ),
            ]
            for tag in tags
        ],
        classes=["talknotes-tag-trends"],
    )
    return section


def _cell(
    app: Sphinx, pagename: str, tag: Tag, entry: ConferenceEntry, count: int
) -> nodes.Node | str:
    """A count linking to the conference's part of the topic page; empty for none."""
    if not count:
        return ""
    link = internal_link(app, pagename, tag_page(tag.key), str(count))
    link["refuri"] += f"#{conference_anchor(entry)}"
    return link
