"""The talk's byline under its title: speakers with companies, when and where, tags.

It is added while the page is read, from the page's own front matter, so it is
cached with the doctree and found by the site search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from ..model import build_state, talknotes_domain
from .badges import format_badges, tag_badges

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..rules.speakers import Speaker

__all__ = ["add_byline"]


def add_byline(app: Sphinx, doctree: nodes.document) -> None:
    """Insert speakers, time and room, and tag badges right after the page title."""
    record = talknotes_domain(app.env).pages[app.env.docname]
    facts = record.facts
    lines = []
    if facts.speakers:
        people = build_state(app.env).people
        speakers = nodes.paragraph("", "", classes=["talknotes-speakers"])
        for index, speaker in enumerate(facts.speakers):
            if index:
                speakers += nodes.Text(", ")
            person = people.find(speaker.name)
            speakers += _speaker(speaker, person.name if person else speaker.name)
        lines.append(speakers)
    when_where = [
        part
        for part in (
            facts.time and facts.time.strftime("%a %d %b %Y, %H:%M"),
            facts.room,
        )
        if part
    ]
    if when_where:
        lines.append(nodes.paragraph("", " · ".join(when_where), classes=["talknotes-when"]))
    badges = tag_badges(record, build_state(app.env).vocabulary, app.config)
    kinds = format_badges(facts)
    if kinds:
        if badges is None:
            badges = nodes.paragraph("", "", classes=["talknotes-tags"])
        badges[0:0] = kinds
    if badges is not None:
        lines.append(badges)
    section = next(iter(doctree.findall(nodes.section)), None)
    if not lines or section is None or not isinstance(section[0], nodes.title):
        return
    section[1:1] = lines


def _speaker(speaker: Speaker, shown: str) -> nodes.inline:
    """The speaker's name (``shown``: theirs in ``speakers.yml``), linking to their page,
    and their company."""
    node = nodes.inline("", "", classes=["talknotes-speaker"])
    node += addnodes.pending_xref(
        "",
        nodes.inline("", shown),
        refdomain="talknotes",
        reftype="speaker",
        reftarget=speaker.name,
        refexplicit=True,
    )
    if speaker.company:
        node += nodes.Text(" ")
        node += nodes.inline("", f"({speaker.company})", classes=["talknotes-company"])
    return node
