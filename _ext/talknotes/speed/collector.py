"""The garbage collector leaves the environment alone while the build uses it.

Python's cyclic garbage collector walks every object it tracks in each full
collection, and a build holds the whole site's environment: millions of objects
once it is unpickled or read. One such walk comes at the end of every
``sphinx-build``, when Python shuts down: 0.7 s of a one-talk rebuild of the
1000-talk site (2.15 s, 1.4 s without it). The environment lives as long as the
build, so what exists when the builder starts, and again when reading ends
(after collecting what reading left; with ``-j``, also once the workers' pages
are merged, ``speed/jobs.py``), is frozen: left out of collections, still
freed by reference counting. It stays frozen when the build ends, so the process
exits without walking it; a process that builds again (the tests, a server)
gives the last build's objects back to the collector when the next one starts.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["freeze_live_objects", "freeze_loaded_environment", "freeze_read_environment"]


def freeze_loaded_environment(app: Sphinx) -> None:
    """When the builder starts: the environment as loaded (nothing is garbage yet)."""
    if gc.get_freeze_count():  # frozen by an earlier build of this process
        gc.unfreeze()
        gc.collect()
    gc.freeze()


def freeze_read_environment(app: Sphinx, env: BuildEnvironment) -> None:
    """After reading: the environment with every page read, without reading's garbage."""
    freeze_live_objects()


def freeze_live_objects() -> None:
    """Collect what is garbage now, and leave everything else out of later collections."""
    gc.collect()
    gc.freeze()
