"""The one ``doctree-read`` handler: the collectors, in the order they depend on each other.

1. facts: the front matter and summary start the page's record;
2. people: a page with speakers depends on ``speakers.yml`` (needs the facts);
3. checks: a missing title, characters feeds cannot carry (needs the facts; runs
   before the byline adds text of its own);
4. tags: the tag names resolve against the vocabulary (needs the facts);
5. conference summary: a conference page's listing of its days (needs the facts);
6. byline: speakers, time, room and tag badges go right under the title (needs the
   tags; after the summary, which it then precedes);
7. diagrams: the page's diagrams are noted for drawing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .byline import add_byline
from .checks import check_page_text
from .diagrams import collect_diagrams
from .facts import collect_page_facts
from .listings import add_conference_summary
from .people import note_speakers_file
from .tags import resolve_page_tags

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

__all__ = ["read_page"]

_COLLECTORS = (
    collect_page_facts,
    note_speakers_file,
    check_page_text,
    resolve_page_tags,
    add_conference_summary,
    add_byline,
    collect_diagrams,
)


def read_page(app: Sphinx, doctree: nodes.document) -> None:
    for collect in _COLLECTORS:
        collect(app, doctree)
