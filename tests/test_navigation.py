"""The pruned sidebar: every conference and its days, plus the current branch."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import html_of
from furo.navigation import get_navigation_tree


def _sidebar(app, page: str) -> str:
    html = html_of(app, page)
    start = html.index('<div class="sidebar-tree">')
    return html[start : html.index("</div>", start)]


def _links(sidebar: str) -> list[str]:
    return re.findall(r'<a class="[^"]*reference" href="([^"]+)">', sidebar)


def test_a_talk_shows_all_conferences_its_conferences_days_and_its_own_day(build) -> None:
    app = build()
    sidebar = _sidebar(app, "conf-b/day-1/01-nothing-yet")
    assert _links(sidebar) == [
        "../../conf-a/index.html",  # another conference: its days stay folded away
        "../index.html",
        "index.html",
        "#",  # the current page
        "02-complete.html",
        "../day-2/index.html",
    ]
    # The theme's behaviour stays: current branch marked and expanded, expanders added.
    assert '<a class="current reference" href="#">Talk waiting for everything</a>' in sidebar
    assert 'class="toctree-l1 current has-children"' in sidebar
    assert re.search(r'<input aria-label="Toggle navigation of Conf B 2025" checked=""', sidebar)
    assert "02-no-video" not in sidebar  # another conference's talks stay folded away


def test_pages_outside_the_tree_show_the_top_levels(build) -> None:
    app = build()
    assert _links(_sidebar(app, "tags/index")) == ["../conf-a/index.html", "../conf-b/index.html"]


def test_adding_a_talk_updates_its_siblings_sidebars(build, make_site) -> None:
    srcdir = make_site()
    build(srcdir=srcdir)
    other_day = Path(srcdir).parent / "build/html/conf-b/day-2/01-backstage.html"
    other_day_written = other_day.stat().st_mtime_ns

    new = "---\ntags: [security]\n---\n\n# A brand new talk\n"
    (srcdir / "conf-b/day-1/03-new.md").write_text(new)
    app = build(srcdir=srcdir)
    assert "A brand new talk" in _sidebar(app, "conf-b/day-1/01-nothing-yet")
    assert "A brand new talk" in _sidebar(app, "conf-b/day-1/index")
    # A page that does not list the day's talks is left alone.
    assert other_day.stat().st_mtime_ns == other_day_written


def test_renaming_a_talk_updates_the_sidebars_that_list_it(build, make_site) -> None:
    srcdir = make_site()
    build(srcdir=srcdir)
    talk = srcdir / "conf-b/day-1/02-complete.md"
    talk.write_text(talk.read_text().replace("# Second complete talk", "# Renamed talk"))
    app = build(srcdir=srcdir)
    assert "Renamed talk" in _sidebar(app, "conf-b/day-1/01-nothing-yet")
    assert "Second complete talk" not in _sidebar(app, "conf-b/day-1/01-nothing-yet")


def test_adding_a_day_updates_the_pages_of_its_conference(build, make_site) -> None:
    srcdir = make_site()
    app = build(srcdir=srcdir)
    elsewhere = Path(app.outdir) / "conf-b/day-2/01-backstage.html"
    written = elsewhere.stat().st_mtime_ns
    (srcdir / "conf-a/day-2").mkdir()
    (srcdir / "conf-a/day-2/index.md").write_text("# Second day of A\n")
    app = build(srcdir=srcdir)
    assert "Second day of A" in _sidebar(app, "conf-a/day-1/01-complete")
    assert "Second day of A" in _sidebar(app, "conf-a/index")
    assert "Second day of A" not in _sidebar(app, "conf-b/day-2/01-backstage")
    assert elsewhere.stat().st_mtime_ns == written  # another conference's page: left alone


def test_adding_a_conference_updates_every_page(build, make_site) -> None:
    srcdir = make_site()
    build(srcdir=srcdir)
    conference = "---\nconference:\n  name: Conf C 2026\n  start: 2026-01-01\n---\n\n# Conf C\n"
    (srcdir / "conf-c").mkdir()
    (srcdir / "conf-c/index.md").write_text(conference)
    home = srcdir / "index.md"
    home.write_text(home.read_text().replace("conf-b/index\n", "conf-b/index\nconf-c/index\n"))
    app = build(srcdir=srcdir)
    assert "Conf C" in _sidebar(app, "conf-b/day-2/01-backstage")
    assert "Conf C" in _sidebar(app, "conf-a/day-1/01-complete")


def test_sidebar_markup_is_what_furo_makes_of_the_same_tree(build) -> None:
    """We write Furo's sidebar markup directly; Furo's own conversion must agree."""
    app = build()
    for page in ("conf-b/day-1/01-nothing-yet", "conf-a/index", "index", "tags/index"):
        ours = _sidebar(app, page).removeprefix('<div class="sidebar-tree">').strip()
        plain = re.sub(r"<input [^>]*/>|<label [^>]*>.*?</label>", "", ours)
        plain = plain.replace(" has-children", "").replace(" current-page", "")
        assert get_navigation_tree(plain) == ours, page


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_every_sidebar_link_of_every_page_reaches_a_page(make_app, make_site, builder) -> None:
    """An item off the current branch is rendered once per folder and reused there."""
    srcdir = make_site()
    app = make_app(builder, srcdir=srcdir, builddir=srcdir.parent / "build")
    app.build()
    outdir = Path(app.outdir)
    pages = [
        page
        for page in outdir.rglob("*.html")
        if not any(part.startswith("_") for part in page.relative_to(outdir).parts)
    ]
    assert len(pages) > 20
    for page in pages:
        sidebar = page.read_text(encoding="utf-8").split('<div class="sidebar-tree">')[1]
        for href in _links(sidebar.split("</div>")[0]):
            if href == "#":  # the page itself
                continue
            target = (page.parent / href).resolve()
            assert (target / "index.html" if href.endswith("/") else target).is_file(), (
                page.relative_to(outdir),
                href,
            )


def test_toctree_captions_declare_their_heading_level(build) -> None:
    """role=heading needs aria-level (axe: aria-required-attr), in sidebars and bodies."""
    home = "# Home\n\n```{toctree}\n:caption: Conferences\n\nconf-a/index\nconf-b/index\n```\n"
    app = build(files={"index.md": home})
    html = html_of(app, "index")
    assert '<p class="caption" role="heading">' not in html
    assert (
        html.count('<p class="caption" role="heading" aria-level="2">') == 3
    )  # body, sidebar, Browse


def test_names_with_ampersands_are_escaped_once(build) -> None:
    conference = "---\nconference:\n  name: R&D Summit\n  start: 2024-03-19\n---\n\n# R&D Summit\n"
    index = "# R&D Summit\n\n```{toctree}\n:glob:\n*/index\n```\n"
    app = build(files={"conf-a/index.md": conference + index.split("\n", 2)[2]})
    sidebar = _sidebar(app, "conf-a/index")
    assert 'aria-label="Toggle navigation of R&amp;D Summit"' in sidebar
    assert "&amp;amp;" not in html_of(app, "conf-a/index")
