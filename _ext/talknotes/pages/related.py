"""The related talks at the end of a talk page: title, conference and day of each.

Written when the page is; which pages must be written again when a list changes
is ``speed.rewrites.changed_related``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..model import talknotes_domain
from .blocks import talk_list

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["RELATED_TITLE", "add_related_talks"]

RELATED_TITLE = "Related talks"


def add_related_talks(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Append the talk's related talks to its page; nothing where nothing relates."""
    related = talknotes_domain(app.env).site.related.get(docname)
    page = doctree.next_node(nodes.section)
    if not related or page is None:
        return
    section = nodes.section(
        "", nodes.title("", RELATED_TITLE), ids=["related-talks"], classes=["talknotes-related"]
    )
    section += talk_list(app, docname, related, with_conference=True)
    page += section
