"""The open to-dos page: every ``{todo}`` left in the notes, by conference.

During a conference the note-taker leaves ``{todo}`` markers ("copy the diagram
from the slides"); this generated page gathers them like the pending page: a
section per conference, newest first, then the pages outside any conference,
each to-do under a link to the page it sits on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from ..model import talknotes_domain
from ..model.generated import GeneratedPage
from ..model.site import page_title
from ..rules.layout import conference_of
from ..rules.pagenames import FIXED_TITLES, TODOS
from ..rules.text import plural
from .blocks import conference_section, internal_link

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..model.talks import ConferenceEntry

__all__ = ["todo_pages"]


@dataclass(frozen=True)
class _Page:
    """A page with open to-dos: where it sits and what it still lacks."""

    docname: str
    title: str
    day: str | None
    texts: tuple[str, ...]


def _open_todos(app: Sphinx) -> list[tuple[ConferenceEntry | None, list[_Page]]]:
    """The pages with to-dos by conference, newest first, then those outside any; in a
    conference its talks in day order, then its other pages by name."""
    todos: dict[str, list[nodes.Element]] = getattr(app.env.domains["todo"], "todos", {})
    site = talknotes_domain(app.env).site
    order = {talk.docname: index for index, talk in enumerate(site.talks_newest_first())}
    folders = {entry.folder: entry for entry in site.conferences}
    groups: dict[ConferenceEntry | None, list[_Page]] = {
        entry: [] for entry in [*reversed(site.conferences), None]
    }
    for docname in sorted(todos, key=lambda docname: (order.get(docname, len(order)), docname)):
        if not todos[docname]:
            continue
        talk = site.talks.get(docname)
        folder = conference_of(docname, folders)
        groups[folders[folder] if folder is not None else None].append(
            _Page(
                docname,
                talk.title if talk else page_title(app.env, docname),
                talk.where(with_conference=False) if talk else None,
                tuple(
                    " ".join(paragraph.astext() for paragraph in node.findall(nodes.paragraph))
                    for node in todos[docname]
                ),
            )
        )
    return [(entry, pages) for entry, pages in groups.items() if pages]


def todo_pages(app: Sphinx) -> list[GeneratedPage]:
    inputs = tuple(
        (entry.conference.name if entry else None, tuple(pages))
        for entry, pages in _open_todos(app)
    )
    return [GeneratedPage(TODOS, FIXED_TITLES[TODOS], _render, inputs=inputs)]


def _render(app: Sphinx, pagename: str) -> list[nodes.Node]:
    groups = _open_todos(app)
    if not groups:
        return [nodes.paragraph("", "Nothing left to do: no page has an open to-do.")]
    pages = [page for _, group in groups for page in group]
    count = sum(len(page.texts) for page in pages)
    body: list[nodes.Node] = [
        nodes.paragraph(
            "",
            f"{plural(count, 'open to-do')} on {plural(len(pages), 'page')}, "
            "by conference, newest first.",
        )
    ]
    for entry, group in groups:
        items = [_item(app, pagename, page) for page in group]
        listed = nodes.bullet_list("", *items, classes=["talknotes-todo-list"])
        # A site without conferences gets just the list, as on the topic pages.
        body.append(
            listed if len(groups) == 1 and entry is None else conference_section(entry, listed)
        )
    return body


def _item(app: Sphinx, pagename: str, page: _Page) -> nodes.list_item:
    paragraph = nodes.paragraph()
    paragraph += internal_link(app, pagename, page.docname, page.title)
    if page.day:
        paragraph += nodes.Text(f" ({page.day})")
    entry = nodes.list_item("", paragraph)
    entry += nodes.bullet_list(
        "", *(nodes.list_item("", nodes.paragraph("", text)) for text in page.texts)
    )
    return entry
