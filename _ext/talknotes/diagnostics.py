"""One way to report a note-taker's mistakes: a Sphinx warning at file and line.

Every warning of ours has the type ``talknotes`` and a subtype from
``rules.problems.Subtype``, so a site can silence one kind with
``suppress_warnings = ["talknotes.<subtype>"]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging

from .rules.problems import WARNING_TYPE

if TYPE_CHECKING:
    from pathlib import Path

    from docutils import nodes
    from sphinx.util.logging import SphinxLoggerAdapter

    from .rules.problems import Problem, Subtype

    #: where a warning points: a node, a docname, ``(docname, line)`` or ``"path:line"``
    Location = str | tuple[str | None, int | None] | nodes.Node | None

__all__ = ["logger", "warn", "warn_problems"]

logger: SphinxLoggerAdapter = logging.getLogger("talknotes")


def warn(message: str, *, location: Location, subtype: Subtype) -> None:
    """Warn about the note-taker's input at ``location`` (a node, docname or pair)."""
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype.value)


def warn_problems(problems: list[Problem], path: Path, *, subtype: Subtype) -> None:
    """Warn about problems found in a file the build reads itself (``tags.yml``)."""
    for problem in problems:
        location = f"{path}:{problem.line}" if problem.line else str(path)
        warn(problem.message, location=location, subtype=subtype)
