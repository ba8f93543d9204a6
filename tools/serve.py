"""The live preview behind ``nox -s serve``: sphinx-autobuild's server, a warm builder.

sphinx-autobuild starts a new Python process for every rebuild, and most of an
edit's time went there: importing Sphinx and the extensions, before any page
was read. Here one process imports them once and a host forked from it forks a
child per rebuild; the child starts with everything loaded, and with the
environment the last build saved already unpickled (``tools/build_host.py``):
it reads the changed pages. A change to ``conf.py`` or ``_ext/`` restarts the
process, as the code itself changed. The server and the page reloading are sphinx-autobuild's.

Usage: ``python tools/serve.py SOURCEDIR OUTDIR [sphinx-build options]`` with
``--host``, ``--port``, ``--watch DIR`` (repeatable) and ``-d DOCTREEDIR`` of its own.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import uvicorn
from sphinx.application import ENV_PICKLE_FILENAME
from sphinx_autobuild.__main__ import _create_app
from sphinx_autobuild.filter import IgnoreFilter
from sphinx_autobuild.utils import find_free_port, show_message

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the tools are a package of the repository

from tools.build_host import BuildHost  # noqa: E402 (needs the repository on the path)

if TYPE_CHECKING:
    from collections.abc import Sequence

#: what a rebuild cannot pick up in a running process: the configuration and our code
RESTART_ON = (ROOT / "conf.py", ROOT / "_ext")


def _warm_up() -> None:
    """Import what every build imports, once, before the first child is forked.

    That is Sphinx's built-in extensions (its link checker alone imports requests)
    as well as the theme and the extensions the configuration names.
    """
    sys.path.insert(0, str(ROOT / "_ext"))
    from sphinx.application import builtin_extensions  # noqa: PLC0415

    for name in (*builtin_extensions, "furo", "myst_parser", "sphinxcontrib.mermaid"):
        importlib.import_module(name)
    import talknotes.extension  # noqa: F401, PLC0415


class ForkingBuilder:
    """Builds in a child of the warm build host; restarts the preview when code changed."""

    def __init__(self, host: BuildHost, url: str) -> None:
        self.host = host
        self.url = url

    def __call__(self, *, changed_paths: Sequence[Path]) -> None:
        if any(_is_code(path) for path in changed_paths):
            show_message("The configuration or the extension changed: restarting")
            os.execv(sys.executable, [sys.executable, *sys.argv])
        if changed_paths:
            names = ", ".join(_relative(path) for path in changed_paths[:5])
            show_message(f"Detected changes ({names})")
        started = time.perf_counter()
        failed = self.host.build()
        took = time.perf_counter() - started
        if failed:
            show_message(f"The build failed after {took:.1f} s; still serving the last pages")
        else:
            show_message(f"Rebuilt in {took:.1f} s; serving on {self.url}")


def _is_code(path: Path) -> bool:
    return any(path == code or code in path.parents for code in RESTART_ON)


def _relative(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sourcedir", type=Path)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--watch", type=Path, action="append", default=[])
    parser.add_argument("-d", "--doctree-dir", type=Path)
    arguments, sphinx_options = parser.parse_known_args(argv)
    outdir = arguments.outdir.resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    doctreedir = (arguments.doctree_dir or outdir / ".doctrees").resolve()
    port = arguments.port or find_free_port()
    url = f"{arguments.host}:{port}"
    # The search index is made behind the build: the edited page reloads without waiting.
    later = ["-D", "talknotes_search_index_later=1"]
    sphinx_args = [*later, "-d", str(doctreedir), *sphinx_options]
    sphinx_args += [str(arguments.sourcedir), str(outdir)]
    _warm_up()
    host = BuildHost(sphinx_args, doctreedir / ENV_PICKLE_FILENAME)
    builder = ForkingBuilder(host, f"http://{url}")
    watched = [arguments.sourcedir.resolve(), *(path.resolve() for path in arguments.watch)]
    ignore = IgnoreFilter([str(outdir), ".git", "__pycache__", ".nox", ".venv-tasks"], [])
    app = _create_app(watched, ignore, builder, outdir, url)
    show_message("Starting initial build")
    builder(changed_paths=())
    uvicorn.run(app, host=arguments.host, port=port, log_level="warning")


if __name__ == "__main__":
    main(sys.argv[1:])
