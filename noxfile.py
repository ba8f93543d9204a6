"""Tasks for the talk notes site: `nox -l` lists them, `nox` runs lint, tests and build."""

from __future__ import annotations

import nox

nox.options.sessions = ["lint", "tests", "build"]
nox.options.reuse_existing_virtualenvs = True
nox.options.default_venv_backend = "venv"

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
        "sphinx-autobuild",
        *SPHINX_SOURCES,
        "_build/serve",
        "--watch",
        "conf.py",
        "--watch",
        "_ext",
        "--host",
        "127.0.0.1",
        "-j",
        "auto",
        *session.posargs,
    )


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (fixture sites, the real site with -W, config schemas)."""
    session.install("-r", "requirements-dev.txt")
    session.run("pytest", "--ignore=tests/browser", *session.posargs)  # that is `nox -s browser`


@nox.session
def browser(session: nox.Session) -> None:
    """Crawl the built site in Chromium: requests, links, search, keyboard, phone, axe, weight."""
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


def _notetaker(session: nox.Session, command: str) -> None:
    session.install("-r", "requirements-tools.txt")
    session.run("python", "-m", "tools.notetaker", command, *session.posargs)


@nox.session(name="new-talk")
def new_talk(session: nox.Session) -> None:
    """Write the next talk page of a day: `nox -s new-talk -- CONF/DAY "Title" [--tags a,b]`."""
    _notetaker(session, "new-talk")


@nox.session(name="new-conference")
def new_conference(session: nox.Session) -> None:
    """Write a conference page and its day pages: `-- SLUG --name ... --start YYYY-MM-DD`."""
    _notetaker(session, "new-conference")


@nox.session(name="import-schedule")
def import_schedule(session: nox.Session) -> None:
    """Create or update talk pages from a Sched .ics or pretalx schedule.json: `-- CONF FILE`."""
    _notetaker(session, "import-schedule")


@nox.session(name="import-hugo")
def import_hugo(session: nox.Session) -> None:
    """Convert a Hugo notes tree into a conference: `-- HUGO_CONTENT_DIR CONF [--dry-run]`."""
    _notetaker(session, "import-hugo")
