"""What a page says that a reader or a feed could not take: no title, unsafe characters.

The page itself shows both as written; the warnings say where to look, and the
feeds leave the characters out (``rules.text.xml_safe``), so they stay XML. A page
whose bytes are not text at all would stop Sphinx with a traceback while reading
it: it is left out of the build instead, with a warning at the line of those bytes.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

from docutils import nodes

from ..diagnostics import warn
from ..model import talknotes_domain
from ..rules.problems import Subtype
from ..rules.text import decode_error_line, xml_unsafe

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from ..diagnostics import Location

__all__ = ["check_page_text", "leave_out_undecodable_pages"]


def leave_out_undecodable_pages(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Before reading: a page that is not text in ``source_encoding`` is not read, not
    written and not listed, until it is saved as text (each build warns again)."""
    encoding = app.config.source_encoding
    for docname in list(docnames):
        try:
            env.doc2path(docname).read_bytes().decode(encoding)
        except UnicodeDecodeError as error:
            shown = "UTF-8" if codecs.lookup(encoding).name.startswith("utf-8") else encoding
            warn(
                f"the page is not {shown} text ({error.reason}): it is left out of the "
                f"build; save it as {shown}",
                location=(docname, decode_error_line(error)),
                subtype=Subtype.ENCODING,
            )
            docnames.remove(docname)
            env.project.docnames.discard(docname)  # as if it were not there
            app.events.emit("env-purge-doc", env, docname)
            env.clear_doc(docname)
        except (OSError, LookupError):  # gone, or an unknown encoding: Sphinx says so
            continue


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
