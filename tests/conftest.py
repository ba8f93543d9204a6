"""Fixture sites for the tests: small ``docs/`` trees built with the project's conf.py."""

from __future__ import annotations

import gc
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tools.notetaker.commands import main

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

REPO = Path(__file__).resolve().parents[1]
ROOTS = Path(__file__).parent / "roots"
# A fixture site has no conf.py of its own: it runs the project's, as any docs/
# tree in the authoring format must build with it.
_CONF_SHIM = """\
import runpy

globals().update(
    (name, value)
    for name, value in runpy.run_path({conf!r}).items()
    if not name.startswith("__")
)
"""
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def copy_site(root: str, srcdir: Path, files: dict[str, str] | None = None) -> Path:
    """Copy the fixture root ``root`` to ``srcdir``, with extra or replaced files."""
    shutil.copytree(ROOTS / root, srcdir)
    for relative, text in (files or {}).items():
        path = srcdir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (srcdir / "conf.py").write_text(_CONF_SHIM.format(conf=str(REPO / "conf.py")))
    return srcdir


@pytest.fixture(scope="session", autouse=True)
def _collect_the_last_build() -> Iterator[None]:
    """The extension leaves a build's objects frozen for a fast exit (speed/collector.py);
    a process of many builds hands them back before it ends, or extension modules that
    count their objects at exit (novasvg, through mermaidx) report them as leaked."""
    yield
    gc.unfreeze()
    gc.collect()


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Path]:
    """Copy a fixture root into a fresh folder, with extra or replaced files."""

    made = 0

    def make(root: str = "site", files: dict[str, str] | None = None) -> Path:
        nonlocal made
        made += 1
        return copy_site(root, tmp_path / f"site-{made}" / "src", files)

    return make


@pytest.fixture
def build(make_app, make_site) -> Callable[..., SphinxTestApp]:
    """Build a fixture site to HTML and return the app (output in ``app.outdir``).

    Pass ``srcdir`` to build an existing site again (an incremental build); the
    output goes next to the sources, never into them.
    """

    previous: list[SphinxTestApp] = []

    def run(
        root: str = "site",
        files: dict[str, str] | None = None,
        srcdir: Path | None = None,
        **options,
    ) -> SphinxTestApp:
        if previous:  # unregister its nodes and directives, as a new process would
            previous.pop().cleanup()
        srcdir = srcdir or make_site(root, files)
        app = make_app("html", srcdir=srcdir, builddir=srcdir.parent / "build", **options)
        app.build()
        previous.append(app)
        return app

    return run


# -- the note-taker's tools (tools/notetaker) -------------------------------------------

NOTETAKER_FIXTURES = Path(__file__).parent / "notetaker" / "fixtures"


@pytest.fixture
def run(capsys) -> Callable[..., tuple[int, str, str]]:
    """Run the note-taker's command line in this process: (exit code, stdout, stderr)."""

    def call(*arguments: str | Path) -> tuple[int, str, str]:
        code = main([str(argument) for argument in arguments])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return call


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """An empty site with the tools' test vocabulary."""
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(NOTETAKER_FIXTURES / "tags.yml", folder / "tags.yml")
    return folder


def warnings_of(app: SphinxTestApp) -> str:
    """The build's warnings as plain text."""
    return _ANSI.sub("", app.warning.getvalue())


def html_of(app: SphinxTestApp, page: str) -> str:
    return (Path(app.outdir) / f"{page}.html").read_text(encoding="utf-8")


def article_of(app: SphinxTestApp, page: str) -> str:
    """The page's main content, without the theme's navigation around it."""
    html = html_of(app, page)
    return html[html.index('<article role="main"') : html.index("</article>")]


def assert_same_as_clean(
    build, srcdir: Path, incremental: SphinxTestApp, clean: str = "clean"
) -> None:
    """The incremental build's HTML is a clean build's of the same sources, page for page."""
    clean_src = srcdir.parent.parent / clean / "src"
    shutil.copytree(srcdir, clean_src)
    assert _html(Path(incremental.outdir)) == _html(Path(build(srcdir=clean_src).outdir))


def _html(outdir: Path) -> dict[str, str]:
    return {
        path.relative_to(outdir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(outdir.rglob("*.html"))
    }
