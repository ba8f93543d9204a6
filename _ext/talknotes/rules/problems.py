"""What a broken rule reports, and the kinds of warnings the build gives for them.

Every warning of the extension has the type ``talknotes`` and one of these
subtypes, so ``suppress_warnings = ["talknotes.<subtype>"]`` silences one kind
(the style guide lists them). The tools print the same messages as errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["WARNING_TYPE", "Problem", "Subtype"]

WARNING_TYPE = "talknotes"


class Subtype(StrEnum):
    """The subtypes of our warnings: ``talknotes.<value>`` in ``suppress_warnings``."""

    FRONTMATTER = "frontmatter"
    """A front-matter value of the wrong shape, an unknown key, a bad conference entry."""
    RESOURCE = "resource"
    """A refused URL in ``{video}``, ``{slides}`` or ``{demo}``, or a ``{demo}`` without one."""
    TAG = "tag"
    """A tag that is neither a key nor an alias in the vocabulary."""
    UNTAGGED = "untagged"
    """A talk without tags."""
    VOCABULARY = "vocabulary"
    """A problem in ``tags.yml`` itself."""
    SPEAKERS = "speakers"
    """A problem in ``speakers.yml`` itself."""
    TAGLIST = "taglist"
    """A ``{taglist}`` that names a conference the site does not have."""
    GENERATED = "generated"
    """A page in the source folder that takes the name of a generated page."""
    DIAGRAM = "diagram"
    """A Mermaid diagram that cannot be drawn."""
    CHARACTER = "character"
    """A character feeds cannot carry (a control character) in a title, name or summary."""
    TITLE = "title"
    """A page without a title: no first heading, or an empty one."""
    SEARCH = "search"
    """The search index could not be written: Pagefind missing, failing or out of time."""
    ENCODING = "encoding"
    """A source page that is not text in ``source_encoding``: it is left out of the build."""
    LINK = "link"
    """A source page that links to a file outside the source folder: it is left out."""


@dataclass(frozen=True)
class Problem:
    """A broken rule: the message for the note-taker, and where it is when known.

    ``key`` names the front-matter key at fault; ``line`` is 1-based.
    """

    message: str
    line: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        return self.message
