"""One way to report a note-taker's mistakes: a Sphinx warning at file and line.

Every warning of ours has the type ``talknotes`` and a subtype naming the concern,
so a site can silence one kind with ``suppress_warnings = ["talknotes.<subtype>"]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.util.logging import SphinxLoggerAdapter

logger: SphinxLoggerAdapter = logging.getLogger("talknotes")

WARNING_TYPE = "talknotes"


def warn(message: str, *, location: object, subtype: str) -> None:
    """Warn about the note-taker's input at ``location`` (a node, docname or pair)."""
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype)
