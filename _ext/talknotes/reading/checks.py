"""What a page says that a reader or a feed could not take: no title, unsafe characters.

The page itself shows both as written; the warnings say where to look, and the
feeds leave the characters out (``rules.text.xml_safe``), so they stay XML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..diagnostics import warn
from ..model import talknotes_domain
from ..rules.problems import Subtype
from ..rules.text import xml_unsafe

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..diagnostics import Location

__all__ = ["check_page_text"]


def check_page_text(app: Sphinx, doctree: nodes.document) -> None:
    """After the facts are read: warn about a missing title and unsafe characters."""
    docname = app.env.docname
    record = talknotes_domain(app.env).pages[docname]
    title = doctree.next_node(nodes.title)
    if title is None or not title.astext().strip():
        warn(
            "the page has no title: start it with a '# heading'",
            location=title if title is not None else (docname, 1),
            subtype=Subtype.TITLE,
        )
    facts = record.facts
    texts: list[tuple[str, str, Location]] = [
        ("the title", title.astext() if title is not None else "", title),
        ("the summary", record.summary, (docname, record.summary_line)),
        ("'room'", facts.room or "", (docname, record.line("room"))),
    ]
    texts += [
        ("'speakers'", str(speaker), (docname, record.line("speakers")))
        for speaker in facts.speakers
    ]
    for what, text, location in texts:
        unsafe = xml_unsafe(text)
        if unsafe:
            warn(
                f"{what} contains {', '.join(unsafe)}, which feeds cannot carry: "
                "it is left out of them; remove it from the page",
                location=location,
                subtype=Subtype.CHARACTER,
            )
