"""Small rebuilds read serially, even with ``-j``.

Sphinx's parallel reader sends each worker's whole environment back to the main
process. On a clean build that is a small price for reading hundreds of pages on
every core; when only a few pages changed it costs more than reading them, so
editing one talk of a large site took seconds longer with ``-j auto`` than
without it. Below ``talknotes_serial_read_below`` pages (default 40) a build
reads serially; writing stays parallel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["read_few_pages_serially", "restore_parallel_jobs"]


def read_few_pages_serially(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Just before reading: drop to one process when there is little to read."""
    if app.parallel > 1 and len(docnames) < app.config.talknotes_serial_read_below:
        build_state(env).writing_jobs = app.parallel
        app.parallel = 1


def restore_parallel_jobs(app: Sphinx, env: BuildEnvironment) -> None:
    """After reading: give writing its processes back."""
    state = build_state(env)
    if state.writing_jobs is not None:
        app.parallel, state.writing_jobs = state.writing_jobs, None
