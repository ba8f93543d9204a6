"""The pending-material page: every talk still waiting for its recording or slides.

After a conference the note-taker chases the missing material; this page is the
to-do list, grouped by conference (newest first) and linking each talk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..model import talknotes_domain
from ..model.generated import GeneratedPage
from ..model.site import page_title
from ..rules.pagenames import FIXED_TITLES, PENDING
from ..rules.text import plural
from .blocks import conference_section, internal_link

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..model.records import PageRecord
    from ..model.talks import ConferenceEntry

__all__ = ["pending_pages"]


def _render(app: Sphinx, pagename: str) -> list[nodes.Node]:
    domain = talknotes_domain(app.env)
    site = domain.site
    waiting = {docname for docname, record in domain.pages.items() if record.pending()}
    if not waiting:
        return [nodes.paragraph("", "Nothing is pending: every talk has its material.")]

    body: list[nodes.Node] = [
        nodes.paragraph(
            "",
            f"{plural(len(waiting), 'page waits', 'pages wait')} for a recording or slides. "
            "Add the URL to the page's directive once the material is published.",
        )
    ]
    for entry in reversed(site.conferences):
        items = [
            _item(
                internal_link(app, pagename, talk.docname, talk.title),
                talk.record,
                talk.where(with_conference=False),
            )
            for talk in entry.talks()
            if talk.docname in waiting
        ]
        body += _group(entry, items)
    others = sorted(waiting - site.talks.keys())
    body += _group(
        None,
        [
            _item(
                internal_link(app, pagename, docname, page_title(app.env, docname)),
                domain.pages[docname],
                None,
            )
            for docname in others
        ],
    )
    return body


def _group(entry: ConferenceEntry | None, items: list[nodes.list_item]) -> list[nodes.Node]:
    if not items:
        return []
    return [
        conference_section(entry, nodes.bullet_list("", *items, classes=["talknotes-pending-list"]))
    ]


def _item(link: nodes.Element, record: PageRecord, day: str | None) -> nodes.list_item:
    paragraph = nodes.paragraph()
    paragraph += link
    if day:
        paragraph += nodes.Text(f" ({day})")
    paragraph += nodes.Text(": ")
    paragraph += nodes.inline("", ", ".join(record.pending()), classes=["talknotes-pending-kinds"])
    paragraph += nodes.Text(" pending")
    return nodes.list_item("", paragraph)


def pending_pages(app: Sphinx) -> list[GeneratedPage]:
    domain = talknotes_domain(app.env)
    talks = domain.site.talks
    inputs = tuple(
        talks[docname].digest if docname in talks else (docname, page_title(app.env, docname))
        for docname, record in sorted(domain.pages.items())
        if record.pending()
    )
    return [GeneratedPage(PENDING, FIXED_TITLES[PENDING], _render, inputs=inputs)]
