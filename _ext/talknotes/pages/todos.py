"""The open to-dos page: every ``{todo}`` left in the notes, by conference.

During a conference the note-taker leaves ``{todo}`` markers ("copy the diagram
from the slides"); this generated page gathers them, in the site's order, each
linking the page it sits on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..model import talknotes_domain
from ..model.generated import GeneratedPage
from ..model.site import page_title
from ..rules.pagenames import FIXED_TITLES, TODOS
from ..rules.text import plural
from .blocks import internal_link

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["todo_pages"]


def _open_todos(app: Sphinx) -> list[tuple[str, list[str]]]:
    """(docname, texts) for every page with to-dos: talks in site order, then the rest."""
    todos: dict[str, list[nodes.Element]] = getattr(app.env.domains["todo"], "todos", {})
    talks_in_order = [talk.docname for talk in talknotes_domain(app.env).site.talks_newest_first()]
    order = {docname: index for index, docname in enumerate(talks_in_order)}
    pages = sorted(
        (docname for docname, nodes_ in todos.items() if nodes_),
        key=lambda docname: (order.get(docname, len(order)), docname),
    )
    return [
        (
            docname,
            [
                " ".join(paragraph.astext() for paragraph in node.findall(nodes.paragraph))
                for node in todos[docname]
            ],
        )
        for docname in pages
    ]


def todo_pages(app: Sphinx) -> list[GeneratedPage]:
    open_todos = _open_todos(app)
    inputs = tuple(
        (docname, page_title(app.env, docname), tuple(texts)) for docname, texts in open_todos
    )
    return [GeneratedPage(TODOS, FIXED_TITLES[TODOS], _render, inputs=inputs)]


def _render(app: Sphinx, pagename: str) -> list[nodes.Node]:
    open_todos = _open_todos(app)
    if not open_todos:
        return [nodes.paragraph("", "Nothing left to do: no page has an open to-do.")]
    count = sum(len(texts) for _, texts in open_todos)
    body: list[nodes.Node] = [
        nodes.paragraph(
            "",
            f"{plural(count, 'open to-do')} on {plural(len(open_todos), 'page')}, "
            "newest notes first.",
        )
    ]
    items = []
    for docname, texts in open_todos:
        paragraph = nodes.paragraph()
        paragraph += internal_link(app, pagename, docname, page_title(app.env, docname))
        entry = nodes.list_item("", paragraph)
        entry += nodes.bullet_list(
            "", *(nodes.list_item("", nodes.paragraph("", text)) for text in texts)
        )
        items.append(entry)
    body.append(nodes.bullet_list("", *items, classes=["talknotes-todo-list"]))
    return body
