"""How a build reads its pages with ``-j``: a few serially, many in workers merged at the end.

Sphinx's parallel reader forks one worker per chunk of pages and merges each chunk
into the environment as it comes back, so every later worker starts from the pages
read before it and pickles them all back: at 1000 talks, 15 workers sent 32 MB for a
4 MB environment, and the main process unpickled it all while the workers read.
Here every worker is forked from the environment as it was before reading and sends
back only its own pages; the main process merges them once all are read. Reading
the 5000-talk site took 87 s before, 33 s after. Sphinx's own calls do the rest
(``read_doc``, ``merge_info_from``, ``ParallelTasks``), so warnings, errors and
the progress line are Sphinx's.

When only a few pages changed, even one worker's environment costs more to send back
than reading them: below ``talknotes_serial_read_below`` pages (default 40) a build
reads serially. Writing uses every process either way.
"""

from __future__ import annotations

import gc
import pickle
from typing import TYPE_CHECKING

from sphinx.util.display import status_iterator
from sphinx.util.parallel import ParallelTasks, make_chunks, parallel_available

from ..model import build_state
from .collector import freeze_live_objects

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["choose_how_to_read", "hand_back_pages_read"]


def choose_how_to_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Last before reading: serially, in workers merged at the end, or Sphinx's way."""
    if not parallel_available or app.parallel < 2 or not docnames:
        return
    state = build_state(env)
    if len(docnames) < app.config.talknotes_serial_read_below:
        state.writing_jobs = app.parallel
        app.parallel = 1
    elif all(extension.parallel_read_safe for extension in app.extensions.values()):
        state.read_in_workers = list(docnames)
        _read_in_workers(app, env, state.read_in_workers)
        docnames.clear()  # read: Sphinx's reader has nothing left to do


def hand_back_pages_read(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: the pages read here count as updated, and writing gets its processes."""
    state = build_state(env)
    if state.writing_jobs is not None:
        app.parallel, state.writing_jobs = state.writing_jobs, None
    read, state.read_in_workers = state.read_in_workers, []
    return read


def _read_in_workers(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    for docname in docnames:
        app.events.emit("env-purge-doc", env, docname)
        env.clear_doc(docname)

    def read(chunk: list[str]) -> bytes:
        for docname in chunk:
            # As Sphinx's parallel reader: a worker keeps no doctree it will not write.
            app.builder.read_doc(docname, _cache=False)
        return pickle.dumps(env, pickle.HIGHEST_PROTOCOL)

    chunks = make_chunks(docnames, app.parallel)
    progress = status_iterator(chunks, "reading sources... ", "purple", len(chunks), app.verbosity)
    read_back: list[tuple[list[str], bytes]] = []

    def keep(chunk: list[str], environment: bytes) -> None:
        read_back.append((chunk, environment))
        next(progress)

    tasks = ParallelTasks(app.parallel)
    for chunk in chunks:
        tasks.add_task(read, chunk, keep)
    tasks.join()
    _merge(app, env, read_back)


def _merge(app: Sphinx, env: BuildEnvironment, read_back: list[tuple[list[str], bytes]]) -> None:
    """Merge each worker's pages, in reading order (workers finish in any order).

    A worker's environment holds nothing read after its fork: each page once. Unpickling
    makes millions of objects and little garbage, so nothing is collected meanwhile;
    once merged, they are walked once for garbage and frozen (``speed/collector.py``).
    """
    read_back.sort(key=lambda chunk_read: chunk_read[0][0], reverse=True)
    collecting = gc.isenabled()
    gc.disable()
    try:
        while read_back:  # popped, so each worker's bytes are freed once merged
            chunk, environment = read_back.pop()
            env.merge_info_from(chunk, pickle.loads(environment), app)
        freeze_live_objects()
    finally:
        if collecting:
            gc.enable()
