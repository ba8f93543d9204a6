"""Every Sphinx builder: a clean build with -W, and what each one gets of the extension.

Only the web-site builders (html, dirhtml) write generated pages, feeds, the
sitemap and link previews; the others keep the text of links to generated pages.
"""

from __future__ import annotations

import posixpath
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from conftest import REPO, warnings_of

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "https://notes.example.org/en/latest/"
SITE_FILES = (
    "feed.atom",
    "robots.txt",
    "tags/index.json",
    "tags/backstage.atom",
    "_pagefind/pagefind-entry.json",
)
DIAGRAM = (
    "---\ntags: [platform]\n---\n\n# Drawn\n\nText.\n\n```mermaid\nflowchart LR\n  A --> B\n```\n"
)


def _entries(feed: Path) -> list[str]:
    root = ElementTree.parse(feed).getroot()
    return [
        link.get("href", "") for link in root.iter(f"{ATOM}link") if link.get("rel") == "alternate"
    ]


def _resolves(outdir: Path, feed: str, href: str) -> bool:
    """Whether a feed's link leads to a file, resolved as a feed reader resolves it."""
    path = urlsplit(href).path
    if href.startswith(BASE):
        path = href.removeprefix(BASE)
    else:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(feed), path))
    target = outdir / path
    return (target / "index.html").is_file() if href.endswith("/") else target.is_file()


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
@pytest.mark.parametrize("baseurl", ["", BASE])
def test_web_site_builders_write_feeds_whose_links_resolve(
    make_app, make_site, builder: str, baseurl: str
) -> None:
    srcdir = make_site(files={"conf-a/day-1/03-drawn.md": DIAGRAM})
    app = make_app(
        builder,
        srcdir=srcdir,
        builddir=srcdir.parent / "build",
        confoverrides={"html_baseurl": baseurl, "talknotes_diagram_cache": str(srcdir.parent)},
    )
    app.build()
    assert warnings_of(app) == ""
    outdir = Path(app.outdir)
    for name in SITE_FILES:
        assert (outdir / name).is_file(), name
    for feed in ("feed.atom", "tags/backstage.atom"):
        links = _entries(outdir / feed)
        assert links
        assert all(_resolves(outdir, feed, href) for href in links), links
    # A tag page announces its own feed, relative to where the page is served.
    page = outdir / ("tags/backstage/index.html" if builder == "dirhtml" else "tags/backstage.html")
    html = page.read_text(encoding="utf-8")
    feed_href = "../backstage.atom" if builder == "dirhtml" else "backstage.atom"
    assert f'type="application/atom+xml" title="Backstage" href="{feed_href}"' in html
    assert (page.parent / feed_href).resolve() == (outdir / "tags/backstage.atom").resolve()


@pytest.mark.parametrize("builder", ["singlehtml", "epub", "latex", "text"])
def test_other_builders_get_the_notes_without_site_files(make_app, make_site, builder: str) -> None:
    srcdir = make_site(files={"conf-a/day-1/03-drawn.md": DIAGRAM})
    app = make_app(
        builder,
        srcdir=srcdir,
        builddir=srcdir.parent / "build",
        confoverrides={"talknotes_diagram_cache": str(srcdir.parent)},
    )
    app.build()
    assert warnings_of(app) == ""
    outdir = Path(app.outdir)
    for name in (*SITE_FILES, "sitemap.xml", "tags/backstage.html", "speakers/index.html"):
        assert not (outdir / name).exists(), name
    text = "".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in outdir.rglob("*")
        if path.suffix in {".html", ".xhtml", ".tex", ".txt"}
    )
    assert "Backstage" in text  # the tag's name stays, as text
    if builder != "latex":  # which writes the dash and the dot as TeX
        assert "1\u20134 April 2025 · London, UK · 3 talks" in text  # a conference's summary
    if builder in {"latex", "text"}:
        assert "(Mermaid source):" in text  # a diagram as its source
        assert "flowchart LR" in text


def _sphinx(builder: str, tmp_path: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-b", builder]
    command += ["-d", str(tmp_path / f"doctrees-{builder}"), "-c", str(REPO)]
    command += [str(REPO / "docs"), str(tmp_path / builder)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_every_builder_builds_the_real_site_strictly(tmp_path: Path) -> None:
    """The real notes with -W in each builder but html (test_builds has it), two at a time."""
    waiting = ["dirhtml", "singlehtml", "epub", "latex", "text"]
    running = [(builder, _sphinx(builder, tmp_path)) for builder in waiting[:2]]
    del waiting[:2]
    failures = {}
    while running:
        builder, run = running.pop(0)
        output, _ = run.communicate()
        if run.returncode:
            failures[builder] = output[-2000:]
        if waiting:
            builder = waiting.pop(0)
            running.append((builder, _sphinx(builder, tmp_path)))
    assert failures == {}
    assert (tmp_path / "epub" / "conference-talk-notes.epub").is_file()
