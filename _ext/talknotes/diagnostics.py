"""One way to report a note-taker's mistakes: a Sphinx warning at file and line.

Every warning of ours has the type ``talknotes`` and a subtype from
``rules.problems.Subtype``, so a site can silence one kind with
``suppress_warnings = ["talknotes.<subtype>"]``.
"""

from __future__ import annotations

import logging as logging_std
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sphinx.util import logging

from .rules.problems import WARNING_TYPE

if TYPE_CHECKING:
    from collections.abc import Callable

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.util.logging import SphinxLoggerAdapter

    from .rules.problems import Problem, Subtype

    #: where a warning points: a node, a docname, ``(docname, line)`` or ``"path:line"``
    Location = str | tuple[str | None, int | None] | nodes.Node | None

__all__ = ["load_site_file", "logger", "quiet_known_noise", "warn", "warn_problems"]

logger: SphinxLoggerAdapter = logging.getLogger("talknotes")
_Loaded = TypeVar("_Loaded")


def warn(message: str, *, location: Location, subtype: Subtype) -> None:
    """Warn about the note-taker's input at ``location`` (a node, docname or pair)."""
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype.value)


class _KnownNoise(logging_std.Filter):
    """Shortens or drops messages of our dependencies that say nothing to a note-taker."""

    def filter(self, record: logging_std.LogRecord) -> bool:
        message = str(record.msg)
        if message.startswith("The configuration has changed (1 option") and record.args == (
            "pygments_dark_style",
        ):
            return False  # Furo registers it only after Sphinx compared: it never changed
        if "myst v%s:" in message and isinstance(record.args, tuple) and record.args:
            record.msg, record.args = "myst v%s", record.args[:1]  # not the whole configuration
        return True


def quiet_known_noise() -> None:
    """Install the filter once on the loggers that print the noise."""
    noise = _KnownNoise()
    for name in ("sphinx.sphinx.environment", "sphinx.myst_parser.sphinx_ext.main"):
        found = logging_std.getLogger(name)
        if not any(isinstance(existing, _KnownNoise) for existing in found.filters):
            found.addFilter(noise)


def load_site_file(
    app: Sphinx,
    setting: str,
    load: Callable[[Path], tuple[_Loaded, list[Problem]]],
    subtype: Subtype,
) -> tuple[_Loaded, Path]:
    """Load a file of the source folder a setting names (``tags.yml``, ``speakers.yml``),
    warning about each of its problems at its line."""
    path = Path(app.env.srcdir, app.config[setting])
    loaded, problems = load(path)
    warn_problems(problems, path, subtype=subtype)
    return loaded, path


def warn_problems(problems: list[Problem], path: Path, *, subtype: Subtype) -> None:
    """Warn about problems found in a file the build reads itself (``tags.yml``)."""
    for problem in problems:
        location = f"{path}:{problem.line}" if problem.line else str(path)
        warn(problem.message, location=location, subtype=subtype)
