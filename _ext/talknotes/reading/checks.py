"""What a page says that a reader or a feed could not take: no title, unsafe characters.

The page itself shows both as written; the warnings say where to look, and the
feeds leave the characters out (``rules.text.xml_safe``), so they stay XML. A page
whose bytes are not text would stop Sphinx with a traceback while reading it, and
a page that is a link to a file elsewhere would publish that file: both are left
out of the build instead, with a warning (at the line of the bytes).
"""

from __future__ import annotations

import codecs
from pathlib import Path
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

__all__ = ["check_page_text", "leave_out_unreadable_pages"]


def leave_out_unreadable_pages(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Before reading: a page that is a link to a file outside the source folder, or not
    text in ``source_encoding``, is not read, not written and not listed (each build
    warns again until it is fixed): nothing from elsewhere on the disk is published."""
    source = Path(app.srcdir).resolve()
    for docname in list(docnames):
        path = env.doc2path(docname)
        if not path.resolve().is_relative_to(source):
            warn(
                f"the page is a link to {path.resolve()}, outside the source folder: it is "
                "left out of the build; copy the file into the source folder instead",
                location=docname,
                subtype=Subtype.LINK,
            )
        elif (undecodable := _undecodable(path, app.config.source_encoding)) is not None:
            warn(undecodable[0], location=(docname, undecodable[1]), subtype=Subtype.ENCODING)
        else:
            continue
        docnames.remove(docname)
        env.project.docnames.discard(docname)  # as if it were not there
        app.events.emit("env-purge-doc", env, docname)
        env.clear_doc(docname)


def _undecodable(path: Path, encoding: str) -> tuple[str, int] | None:
    """Why the file is not text in ``encoding``, and the line of the first such bytes."""
    try:
        path.read_bytes().decode(encoding)
    except UnicodeDecodeError as error:
        shown = "UTF-8" if codecs.lookup(encoding).name.startswith("utf-8") else encoding
        message = (
            f"the page is not {shown} text ({error.reason}): it is left out of the build; "
            f"save it as {shown}"
        )
        return message, decode_error_line(error)
    except (OSError, LookupError):  # gone, or an unknown encoding: Sphinx says so
        return None
    return None


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
