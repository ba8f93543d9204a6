"""With -j, a big read sends each page back once; a rebuild of a few pages reads serially."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import article_of, assert_same_as_clean, html_of, warnings_of
from jinja2 import Environment
from sphinx.environment import BuildEnvironment


@pytest.fixture
def merges(monkeypatch) -> list[tuple[int, int]]:
    """Each parallel read's merges: pages merged, pages in the worker's environment."""
    calls: list[tuple[int, int]] = []
    original = BuildEnvironment.merge_info_from

    def counting(self, docnames, other, app):
        docnames = list(docnames)
        calls.append((len(docnames), len(other.all_docs)))
        return original(self, docnames, other, app)

    monkeypatch.setattr(BuildEnvironment, "merge_info_from", counting)
    return calls


def test_a_parallel_read_sends_each_page_back_once(build, make_site, merges) -> None:
    """Sphinx forks each later worker from the pages merged so far and gets them all back."""
    srcdir = make_site()
    app = build(srcdir=srcdir, parallel=2, confoverrides={"talknotes_serial_read_below": 5})
    assert len(merges) > 2  # eleven pages in chunks of two
    assert sum(merged for merged, _ in merges) == 11
    assert all(merged == in_worker for merged, in_worker in merges)
    assert_same_as_clean(build, srcdir, app)  # the same pages as a serial build


def test_a_warning_read_in_a_worker_keeps_its_file_and_line(build, merges) -> None:
    text = "---\nspeakers: [A]\ntags: [plattform]\n---\n\n# Talk\n"
    options = {"parallel": 2, "confoverrides": {"talknotes_serial_read_below": 5}}
    app = build(files={"conf-a/day-1/03-x.md": text}, **options)
    assert merges  # read in workers
    assert "03-x.md:3: WARNING: unknown tag 'plattform'" in warnings_of(app)


def test_few_changed_pages_are_read_serially(build, make_site, merges) -> None:
    srcdir = make_site()
    options = {"parallel": 2, "confoverrides": {"talknotes_serial_read_below": 5}}
    build(srcdir=srcdir, **options)
    merges.clear()

    talk = srcdir / "conf-a/day-1/02-no-video.md"
    talk.write_text(talk.read_text().replace("# Talk without recording", "# Edited title"))
    app = build(srcdir=srcdir, **options)
    assert merges == []  # the edit: read serially
    assert app.parallel == 2  # and written with both processes again
    assert "Edited title" in article_of(app, "conf-a/day-1/02-no-video")


def test_a_rebuild_without_changes_says_so_quietly(make_site, tmp_path) -> None:
    """No "configuration has changed" when nothing did, and no dump of MyST's settings."""
    srcdir = make_site()
    outdir = tmp_path / "out"
    command = [sys.executable, "-m", "sphinx", "-b", "html", str(srcdir), str(outdir)]
    subprocess.run(command, check=True, capture_output=True)
    again = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    assert "configuration has changed" not in again
    assert "MdParserConfig" not in again
    assert "myst v" in again
    assert "0 added, 0 changed, 0 removed" in again


def test_a_retitled_talk_is_retitled_in_every_toctree_that_shows_it(build, make_site) -> None:
    """The home page's toctree has no depth limit: it shows talks two levels down."""
    srcdir = make_site()
    build(srcdir=srcdir)
    talk = srcdir / "conf-a/day-1/02-no-video.md"
    talk.write_text(talk.read_text().replace("# Talk without recording", "# Retitled talk"))
    app = build(srcdir=srcdir)
    for page in ("index", "conf-a/index", "conf-a/day-1/index"):
        assert "Talk without recording" not in article_of(app, page), page
    assert "Retitled talk" in article_of(app, "index")
    # the next conference's page, whose "previous" link names it
    assert '<div class="title">Retitled talk</div>' in html_of(app, "conf-b/index")


def test_a_removed_talk_leaves_every_toctree_that_showed_it(build, make_site) -> None:
    srcdir = make_site()
    build(srcdir=srcdir)
    (srcdir / "conf-a/day-1/02-no-video.md").unlink()
    app = build(srcdir=srcdir)
    for page in ("index", "conf-a/index", "conf-a/day-1/index"):
        assert "Talk without recording" not in article_of(app, page), page


def test_an_added_talk_rereads_only_the_globs_that_list_it(build, make_site) -> None:
    """Sphinx reads every page with a :glob: toctree again when a page comes or goes;
    the day pages of other days and conferences cannot list it and are not read."""
    srcdir = make_site()
    build(srcdir=srcdir)
    talk = srcdir / "conf-b/day-2/02-added.md"
    talk.write_text("---\ntags: [security]\n---\n\n# A freshly added talk\n", encoding="utf-8")
    app = build(srcdir=srcdir)
    assert "1 added, 1 changed, 0 removed" in app.status.getvalue()  # conf-b/day-2/index
    assert "A freshly added talk" in article_of(app, "conf-b/day-2/index")
    assert "A freshly added talk" in html_of(app, "conf-b/day-2/01-backstage")  # its sidebar
    assert_same_as_clean(build, srcdir, app, "added")

    talk.unlink()
    app = build(srcdir=srcdir)
    assert "0 added, 1 changed, 1 removed" in app.status.getvalue()
    assert "A freshly added talk" not in html_of(app, "conf-b/day-2/01-backstage")
    (Path(app.outdir) / "conf-b/day-2/02-added.html").unlink()  # Sphinx leaves it
    assert_same_as_clean(build, srcdir, app, "removed")


def test_a_new_day_is_read_by_the_conference_that_globs_its_days(build, make_site) -> None:
    srcdir = make_site()
    build(srcdir=srcdir)
    day = srcdir / "conf-a/day-2"
    day.mkdir()
    (day / "index.md").write_text("# Day 2\n\n```{toctree}\n:glob:\n[0-9]*\n```\n")
    (day / "01-first.md").write_text("---\ntags: [security]\n---\n\n# First of day 2\n")
    app = build(srcdir=srcdir)
    assert "2 added, 1 changed, 0 removed" in app.status.getvalue()  # conf-a/index
    assert "First of day 2" in article_of(app, "conf-a/index")
    assert_same_as_clean(build, srcdir, app)


def test_a_rebuild_reuses_the_compiled_page_templates(build, make_site, monkeypatch) -> None:
    """Jinja compiled Furo's templates again in every build process (0.16 s of an edit)."""
    srcdir = make_site()
    build(srcdir=srcdir)
    compiled: list[str | None] = []
    compile_template = Environment.compile

    def counting(self, source, name=None, *args, **kwargs):
        compiled.append(name)
        return compile_template(self, source, name, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counting)
    talk = srcdir / "conf-a/day-1/02-no-video.md"
    talk.write_text(talk.read_text() + "\nMore notes.\n")
    app = build(srcdir=srcdir)
    assert "More notes." in article_of(app, "conf-a/day-1/02-no-video")
    assert "page.html" not in compiled  # Furo's, loaded from the bytecode cache


def test_the_environment_is_frozen_for_the_collector_while_pages_are_written(
    make_app, make_site
) -> None:
    """Full collections walked the whole environment, last of all when Python exits."""
    srcdir = make_site()
    frozen_while_writing: list[int] = []
    app = make_app("html", srcdir=srcdir, builddir=srcdir.parent / "build")
    app.connect("html-page-context", lambda *_: frozen_while_writing.append(gc.get_freeze_count()))
    app.build()
    assert min(frozen_while_writing) > 10_000  # the environment, and Sphinx itself
    after_one = gc.get_freeze_count()
    assert after_one > 0.9 * min(frozen_while_writing)  # still frozen: the process exits fast
    for _ in range(2):  # each build gives the last one's objects back before freezing its own
        del app
        app = make_app("html", srcdir=srcdir, builddir=srcdir.parent / "build")
        app.build()
        assert gc.get_freeze_count() < 1.5 * after_one
