"""The live preview's builds, forked from a process that keeps the environment loaded.

Every rebuild began by unpickling the environment the last one saved: 0.3 s of a
one-page rebuild at 1000 talks. A build host, forked once from the warm preview
process before it starts serving, forks each build and, once the build has
answered, loads the environment it saved while nobody waits. A build takes the
host's copy when the file is still the one it was loaded from (same inode, size
and time); otherwise Sphinx loads the file as usual. Loading it in the serving
process instead held the interpreter lock while pages were being served.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.application import Sphinx
from sphinx.cmd.build import build_main

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

__all__ = ["BuildHost"]

_Stamp = tuple[int, int, int]


def _stamp(path: Path) -> _Stamp | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_ino, status.st_size, status.st_mtime_ns


class BuildHost:
    """Runs ``build_main(sphinx_args)`` on request in a child of a forked host process.

    Made in the serving process; `build` may be called from any process forked
    from it after that (sphinx-autobuild calls the builder in a forked worker).
    """

    def __init__(self, sphinx_args: list[str], environment: Path) -> None:
        self.sphinx_args = sphinx_args
        self.environment = environment
        requests, self._requests = os.pipe()
        self._replies, replies = os.pipe()
        if os.fork() == 0:
            os.close(self._requests)
            os.close(self._replies)
            self._serve(requests, replies)
        os.close(requests)
        os.close(replies)

    def build(self) -> int:
        """Build once; the build's exit code."""
        os.write(self._requests, b"b")
        reply = os.read(self._replies, 1)
        return reply[0] if reply else 1

    def _serve(self, requests: int, replies: int) -> None:
        loaded: tuple[_Stamp, BuildEnvironment] | None = None
        while os.read(requests, 1):  # an empty read: the serving process has gone
            child = os.fork()
            if child == 0:
                self._use(loaded)
                os._exit(build_main(self.sphinx_args))
            _, status = os.waitpid(child, 0)
            os.write(replies, bytes([os.waitstatus_to_exitcode(status) & 0xFF]))
            loaded = self._load(loaded)
        os._exit(0)

    def _load(
        self, loaded: tuple[_Stamp, BuildEnvironment] | None
    ) -> tuple[_Stamp, BuildEnvironment] | None:
        stamp = _stamp(self.environment)
        if stamp is None or (loaded is not None and loaded[0] == stamp):
            return loaded
        try:
            with self.environment.open("rb") as file:
                environment = pickle.load(file)  # Sphinx's own cache, as Sphinx loads it
        except Exception:  # half written, or of another version: Sphinx decides
            return None
        return (stamp, environment) if _stamp(self.environment) == stamp else None

    def _use(self, loaded: tuple[_Stamp, BuildEnvironment] | None) -> None:
        """In the build: take the loaded environment if the file is still the one loaded."""
        path, load_from_file = self.environment, Sphinx._load_existing_env

        def load(app: Sphinx, filename: Path) -> BuildEnvironment:
            if loaded is None or Path(filename) != path or _stamp(path) != loaded[0]:
                return load_from_file(app, filename)
            environment = loaded[1]
            environment.setup(app)
            app._fresh_env_used = False
            return environment

        Sphinx._load_existing_env = load  # type: ignore[assignment, method-assign]
