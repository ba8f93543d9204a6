"""Pages the build generates (pending material, later tags): virtual, themed, linked.

They are never written into the source folder: each is rendered from docutils nodes
into the theme's ``page.html`` at ``html-collect-pages``, and the sidebar lists them
on every page through the ``talknotes/sidebar-pages.html`` template.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docutils import nodes

from .diagnostics import warn

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from sphinx.application import Sphinx

__all__ = ["GeneratedPage", "connect_generated_pages", "internal_link"]


@dataclass(frozen=True)
class GeneratedPage:
    """A page the build makes: its name (its URL without suffix), title and body."""

    name: str
    title: str
    render: Callable[[Sphinx, str], list[nodes.Node]]


def internal_link(app: Sphinx, from_page: str, docname: str, text: str) -> nodes.reference:
    """A link from a generated page to a document, relative like Sphinx's own."""
    uri = app.builder.get_relative_uri(from_page, docname)
    return nodes.reference("", text, internal=True, refuri=uri)


def connect_generated_pages(app: Sphinx, pages: Sequence[GeneratedPage]) -> None:
    """Have the HTML builder render ``pages`` and every page's sidebar list them."""

    def collect(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
        for page in pages:
            if page.name in app.env.found_docs:
                warn(
                    f"the generated page {page.name!r} replaces nothing: "
                    f"rename the source page {page.name!r}",
                    location=page.name,
                    subtype="generated",
                )
                continue
            # Set the per-page numbering state that Sphinx sets before writing a
            # document: a generated page has no numbered sections or figures, and
            # after a parallel write the builder holds none at all.
            app.builder.secnumbers = {}
            app.builder.fignumbers = {}
            section = nodes.section("", nodes.title("", page.title), ids=["page-title"])
            section += page.render(app, page.name)
            body = app.builder.render_partial(section)["fragment"]
            yield page.name, {"title": page.title, "body": body}, "page.html"

    def add_sidebar_entries(
        app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
    ) -> None:
        context["talknotes_pages"] = [
            {"name": page.name, "title": page.title, "current": page.name == pagename}
            for page in pages
        ]

    app.connect("html-collect-pages", collect)
    app.connect("html-page-context", add_sidebar_entries)
