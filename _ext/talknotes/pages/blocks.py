"""Docutils building blocks shared by generated pages and ``{taglist}``: links, lists, tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.errors import NoUri

from ..model import build_state, talknotes_domain

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx

    from ..model.talks import ConferenceEntry, Talk
    from ..rules.speakers import Speaker

__all__ = [
    "OTHER_PAGES",
    "by_conference",
    "conference_anchor",
    "conference_section",
    "internal_link",
    "table",
    "talk_list",
]


def internal_link(app: Sphinx, from_page: str, target: str, text: str) -> nodes.Element:
    """A link to a page of the site, relative like Sphinx's own; text where it cannot be.

    A builder that writes no generated pages (EPUB, LaTeX, text) gets the text of a
    link to one, and so does one that cannot address the target at all.
    """
    if build_state(app.env).unreachable(target):
        return nodes.inline("", text)
    try:
        uri = app.builder.get_relative_uri(from_page, target)
    except NoUri:
        return nodes.inline("", text)
    return nodes.reference("", text, internal=True, refuri=uri)


#: the group of pages outside any conference on topic and speaker pages
OTHER_PAGES = "Other pages"


def conference_anchor(entry: ConferenceEntry | None) -> str:
    """The id of a conference's section on a tag page: its folder, as a slug."""
    if entry is None:
        return nodes.make_id(OTHER_PAGES)
    return nodes.make_id(entry.folder or "conference")


def talk_list(
    app: Sphinx, from_page: str, talks: Sequence[Talk], *, with_conference: bool = False
) -> nodes.bullet_list:
    """Talks as a list: title (link), day (and conference), speakers (links to their pages)."""
    items = []
    for talk in talks:
        paragraph = nodes.paragraph()
        paragraph += internal_link(app, from_page, talk.docname, talk.title)
        where = talk.where(with_conference=with_conference)
        if where:
            paragraph += nodes.Text(" · ")
            paragraph += nodes.inline("", where, classes=["talknotes-day"])
        if talk.record.facts.speakers:
            paragraph += nodes.Text(" · ")
            paragraph += _speakers(app, from_page, talk.record.facts.speakers)
        items.append(nodes.list_item("", paragraph))
    return nodes.bullet_list("", *items, classes=["talknotes-talk-list"])


def _speakers(app: Sphinx, from_page: str, speakers: Sequence[Speaker]) -> nodes.inline:
    """``Jane Doe (Acme), John Roe``, each name linking to its speaker page, so a reader
    can follow a co-speaker; the page being written is not linked to itself."""
    site = talknotes_domain(app.env).site
    shown = nodes.inline("", "", classes=["talknotes-speakers-inline"])
    for index, speaker in enumerate(speakers):
        if index:
            shown += nodes.Text(", ")
        entry = site.speaker_for(speaker.name)  # the name speakers.yml gives, if any
        name = entry.name if entry is not None else speaker.name
        if entry is None or entry.page == from_page:
            shown += nodes.Text(name)
        else:
            shown += internal_link(app, from_page, entry.page, name)
        if speaker.company:
            shown += nodes.Text(f" ({speaker.company})")
    return shown


def by_conference(app: Sphinx, from_page: str, talks: Sequence[Talk]) -> list[nodes.Element]:
    """Talks (newest conference first) as one section per conference, each with an anchor;
    pages outside any conference last, in a section of their own (a site without
    conferences gets just the list)."""
    groups = dict.fromkeys(talk.conference for talk in talks)
    if list(groups) == [None]:
        return [talk_list(app, from_page, talks)]
    return [
        conference_section(
            entry, talk_list(app, from_page, [talk for talk in talks if talk.conference is entry])
        )
        for entry in groups
    ]


def conference_section(entry: ConferenceEntry | None, *content: nodes.Node) -> nodes.section:
    """A conference's part of a generated page (or the other pages' part, for None), with
    the same anchor on every page, so ``tags/x.html#kubecon-eu-2025`` can be linked."""
    title = entry.conference.name if entry else OTHER_PAGES
    return nodes.section("", nodes.title("", title), *content, ids=[conference_anchor(entry)])


def table(
    header: Sequence[str], rows: Sequence[Sequence[nodes.Node | str]], classes: Sequence[str] = ()
) -> nodes.container:
    """A plain table (cells are text or inline nodes) that scrolls on its own when wide.

    Furo wraps the tables of documents in a scrolling ``table-wrapper`` while reading
    them; generated pages are never read, so their tables get the wrapper here.
    """
    group = nodes.tgroup(cols=len(header))
    group += [nodes.colspec(colwidth=1) for _ in header]
    group += nodes.thead("", _row(header))
    group += nodes.tbody("", *(_row(cells) for cells in rows))
    grid = nodes.table("", group, classes=["talknotes-table", *classes])
    return nodes.container("", grid, classes=["table-wrapper"])


def _row(cells: Sequence[nodes.Node | str]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        content = nodes.Text(cell) if isinstance(cell, str) else cell
        row += nodes.entry("", nodes.paragraph("", "", content))
    return row
