"""Tasks for the talk notes site: `nox -l` lists them, `nox` runs lint, tests and build."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import nox

nox.options.sessions = ["lint", "tests", "build"]
nox.options.reuse_existing_virtualenvs = True
# uv makes environments in seconds (tools/tasks.py installs it); plain venv where it is missing.
nox.options.default_venv_backend = "uv|venv"

SPHINX_SOURCES = ["-c", ".", "docs"]
SPHINX_STRICT = ["-W", "--keep-going", "-j", "auto"]
CODE = ["conf.py", "noxfile.py", "_ext", "tests", "tools"]
TYPED = ["conf.py", "noxfile.py", "_ext", "tools"]


@nox.session
def build(session: nox.Session) -> None:
    """Build the site into _build/html (or the folder given after --) with -W."""
    session.install("-r", "requirements.txt")
    outdir = session.posargs[0] if session.posargs else "_build/html"
    session.run("sphinx-build", "-b", "html", *SPHINX_STRICT, *SPHINX_SOURCES, outdir)


@nox.session
def epub(session: nox.Session) -> None:
    """Build the notes as an EPUB into _build/epub (or the folder given after --) with -W."""
    session.install("-r", "requirements.txt")
    outdir = session.posargs[0] if session.posargs else "_build/epub"
    # Doctrees outside the output: the EPUB builder packs every file it finds there.
    doctrees = ["-d", "_build/doctrees-epub"]
    session.run("sphinx-build", "-b", "epub", *doctrees, *SPHINX_STRICT, *SPHINX_SOURCES, outdir)


@nox.session
def serve(session: nox.Session) -> None:
    """Preview with live reload at http://127.0.0.1:8000; also watches conf.py and _ext/."""
    session.install("-r", "requirements-dev.txt")
    session.run(
        "python",
        "tools/serve.py",
        "docs",
        "_build/serve",
        "-c",
        ".",
        "--watch",
        "conf.py",
        "--watch",
        "_ext",
        "-j",
        "auto",
        *session.posargs,
    )


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (fixture sites, the real site with -W, config schemas)."""
    session.install("-r", "requirements-dev.txt")
    # One worker per core: most tests build a small site, and builds wait on the disk.
    options = ["-n", "auto", "--ignore=tests/browser"]  # the browser tests: `nox -s browser`
    session.run("pytest", *options, *session.posargs)


@nox.session
def browser(session: nox.Session) -> None:
    """The built site in Chromium: requests, links, search, keyboard, phone, axe, weight, chart."""
    session.install("-r", "requirements-dev.txt")
    options = ["-m", "browser", "-p", "no:cacheprovider"]
    session.run("pytest", *options, "tests/browser", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check, ruff format --check, mypy and codespell over the code and docs/."""
    session.install("-r", "requirements-dev.txt")
    session.run("ruff", "check", *CODE)
    session.run("ruff", "format", "--check", *CODE)
    session.run("mypy", *TYPED)
    session.run("codespell", *CODE, "docs", "README.md")


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks: diagrams; 1000 talks against plain Sphinx; bytes per search (`-- --help`)."""
    session.install("-r", "requirements-dev.txt")  # Playwright: one search's bytes, in Chromium
    session.run("python", "tools/bench.py", *session.posargs)


@nox.session
def linkcheck(session: nox.Session) -> None:
    """Check every external link of the site (needs the internet; not run by default)."""
    session.install("-r", "requirements.txt")
    session.run("sphinx-build", "-b", "linkcheck", *SPHINX_SOURCES, "_build/linkcheck")


# -- the note-taker's tools (python -m tools.notetaker; see docs/style-guide.md) ----------
#
# The commands share one environment, .nox/notetaker: the first call makes it,
# later ones only check that requirements-tools.txt (and requirements.txt, which it
# includes) are what was installed, so between two talks a command starts in well
# under a second instead of running pip. nox makes no environment of its own for
# them (venv_backend "none").

NOTETAKER = Path(".nox") / "notetaker"
NOTETAKER_REQUIREMENTS = ("requirements-tools.txt", "requirements.txt")


def _notetaker(session: nox.Session, command: str) -> None:
    python = _notetaker_python(session)
    session.run(str(python), "-m", "tools.notetaker", command, *session.posargs, external=True)


def _notetaker_python(session: nox.Session) -> Path:
    """The shared environment's interpreter, made or updated only when the requirements change."""
    windows = sys.platform == "win32"
    python = NOTETAKER / ("Scripts" if windows else "bin") / ("python.exe" if windows else "python")
    stamp = NOTETAKER / "requirements.sha256"
    digest = hashlib.sha256()
    for name in NOTETAKER_REQUIREMENTS:
        digest.update(Path(name).read_bytes())
    if not python.exists():
        session.run(sys.executable, "-m", "venv", str(NOTETAKER), external=True)
    if not stamp.is_file() or stamp.read_text() != digest.hexdigest():
        pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        session.run(*pip, "-r", "requirements-tools.txt", external=True)
        stamp.write_text(digest.hexdigest())
    return python


@nox.session(name="new-talk", venv_backend="none")
def new_talk(session: nox.Session) -> None:
    """Write the next talk page of a day: `nox -s new-talk -- CONF/DAY "Title" [--tags a,b]`."""
    _notetaker(session, "new-talk")


@nox.session(name="new-conference", venv_backend="none")
def new_conference(session: nox.Session) -> None:
    """Write a conference page and its day pages: `-- SLUG --name ... --start YYYY-MM-DD`."""
    _notetaker(session, "new-conference")


@nox.session(name="import-schedule", venv_backend="none")
def import_schedule(session: nox.Session) -> None:
    """Create or update talk pages from a Sched .ics or pretalx schedule.json: `-- CONF FILE`."""
    _notetaker(session, "import-schedule")


@nox.session(name="import-hugo", venv_backend="none")
def import_hugo(session: nox.Session) -> None:
    """Convert a Hugo notes tree into a conference: `-- HUGO_CONTENT_DIR CONF [--dry-run]`."""
    _notetaker(session, "import-hugo")


@nox.session(name="fill-recordings", venv_backend="none")
def fill_recordings(session: nox.Session) -> None:
    """Fill pending videos from a recordings playlist: `-- CONF PLAYLIST [--dry-run]`."""
    _notetaker(session, "fill-recordings")
