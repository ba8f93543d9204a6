"""Mermaid diagrams drawn at build time: SVG in light and dark, cached, located errors.

Drawing is the slow part (about half a second a rendition), so one build draws the
fixture's diagrams once and the tests that only read its output share it; the
tests of the cache start from a copy of that build's cache.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import mermaidx
import pytest
from conftest import article_of, copy_site, html_of, warnings_of
from sphinx.testing.util import SphinxTestApp

PAGE = "talks/day-1/01-platform"


def _counting_render(log: Path):
    """mermaidx.render, noting each call's theme in ``log`` (worker processes are forked)."""
    render = mermaidx.render

    def counting_render(code: str, **options):
        with log.open("a") as calls:
            calls.write(f"{options.get('theme')}\n")
        return render(code, **options)

    return counting_render


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    """The diagram fixture built once with an empty cache: (app, cache, draw-call log)."""
    folder = tmp_path_factory.mktemp("drawn")
    cache, log = folder / "cache", folder / "draw-calls.log"
    log.touch()
    srcdir = copy_site("diagrams", folder / "src")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mermaidx, "render", _counting_render(log))
        app = SphinxTestApp(
            "html",
            srcdir=srcdir,
            builddir=folder / "build",
            confoverrides={"talknotes_diagram_cache": str(cache)},
        )
        app.build()
    yield app, cache, log
    app.cleanup()


@pytest.fixture
def shared(drawn) -> SphinxTestApp:
    return drawn[0]


@pytest.fixture
def draw_calls(monkeypatch, tmp_path: Path) -> Path:
    """Count the renderer's calls in this test, also in the worker processes."""
    log = tmp_path / "draw-calls.log"
    log.touch()
    monkeypatch.setattr(mermaidx, "render", _counting_render(log))
    return log


@pytest.fixture
def diagram_build(build, drawn, tmp_path: Path):
    """Build the diagram fixture with a copy of the shared build's cache."""
    cache = tmp_path / "diagram-cache"
    shutil.copytree(drawn[1], cache)

    def run(**kwargs):
        overrides = {"talknotes_diagram_cache": str(cache), **kwargs.pop("confoverrides", {})}
        return build("diagrams", confoverrides=overrides, **kwargs)

    run.cache = cache
    return run


def _renditions(html: str) -> list[str]:
    return re.findall(r'<div class="talknotes-diagram only-(light|dark)"><svg ', html)


def test_every_diagram_has_a_light_and_a_dark_svg(shared) -> None:
    app = shared
    html = article_of(app, PAGE)
    assert _renditions(html) == ["light", "dark"] * 3
    # Each rendition has ids of its own: no clash between the two on one page.
    ids = re.findall(r'<svg [^>]*\bid="([^"]+)"', html)
    assert ids == [f"diagram-{n}-{mode}" for n in (1, 2, 3) for mode in ("light", "dark")]
    assert "my-svg" not in html
    assert "background-color: transparent" in html
    # Text stays text (selectable), not paths only.
    assert re.search(r">\s*Platform API\s*<", html)
    assert warnings_of(app) == ""


def test_alt_and_caption(shared) -> None:
    html = article_of(shared, PAGE)
    figure = html[html.index("<figure") : html.index("</figure>")]
    label = 'aria-label="The publishing pipeline, from note-taker to published site"'
    assert figure.count(label) == 2
    assert "<figcaption>" in figure
    assert "How notes get published" in figure
    assert 'aria-label="Diagram"' in html  # a diagram without :alt: still has a name


def test_a_diagram_inside_a_tab_is_drawn(shared) -> None:
    html = article_of(shared, PAGE)
    tab = html[html.index("sd-tab-content") :]
    assert _renditions(tab) == ["light", "dark"]
    assert "sequence" in tab


def test_no_mermaid_javascript_or_cdn_anywhere(shared) -> None:
    app = shared
    outdir = Path(app.outdir)
    for path in outdir.rglob("*"):
        if path.suffix in {".html", ".js", ".css"}:
            text = path.read_text(encoding="utf-8")
            assert "mermaid.esm" not in text, path
            assert "cdn.jsdelivr" not in text, path
            assert "mermaid.initialize" not in text, path
    assert not list(outdir.rglob("mermaid*.js"))


def test_pages_without_diagrams_carry_nothing_of_them(shared) -> None:
    app = shared
    plain = html_of(app, "talks/day-1/02-plain")
    assert "talknotes-diagram" not in plain
    assert ".talknotes-diagram" not in _stylesheet(app, "talks/day-1/02-plain")
    assert ".talknotes-diagram" in _stylesheet(app, PAGE)


def _stylesheet(app, page: str) -> str:
    """The CSS a page loads (its stylesheet links, bundles included)."""
    html = html_of(app, page)
    depth = page.count("/")
    hrefs = re.findall(r'<link rel="stylesheet" type="text/css" href="([^"?]+)', html)
    base = Path(app.outdir)
    return "".join(
        (base / href.removeprefix("../" * depth)).read_text(encoding="utf-8") for href in hrefs
    )


def test_unchanged_diagrams_are_never_drawn_twice(drawn, diagram_build, draw_calls) -> None:
    _, cache, first_calls = drawn
    assert sorted(first_calls.read_text().splitlines()) == ["dark"] * 3 + ["default"] * 3
    assert len(list(cache.glob("*.svg"))) == 6  # 3 diagrams x 2 themes
    # A clean build of a fresh copy into a new output folder, with the same cache.
    app = diagram_build()
    assert draw_calls.read_text() == ""
    assert _renditions(article_of(app, PAGE)) == ["light", "dark"] * 3
    assert len(list(diagram_build.cache.glob("*.svg"))) == 6


def test_a_changed_diagram_is_drawn_again(diagram_build, draw_calls: Path) -> None:
    page = "---\ntags: [platform]\n---\n\n# T\n\n```mermaid\nflowchart TD\n  A --> B\n```\n"
    diagram_build(files={"talks/day-1/03-new.md": page})
    assert len(draw_calls.read_text().splitlines()) == 2  # the new one, in both themes


def test_a_diagram_mermaid_cannot_parse_is_an_error_at_its_line(diagram_build) -> None:
    page = (
        "---\ntags: [platform]\n---\n\n# Broken\n\nText.\n\n"
        "```mermaid\nflowchart LR\n  A -->> -- B[\n```\n"
    )
    app = diagram_build(files={"talks/day-1/03-broken.md": page})
    warnings = warnings_of(app)
    expected = "03-broken.md:9: WARNING: Mermaid cannot draw this diagram: Error: Parse error"
    assert expected in warnings
    assert "Expecting " in warnings  # Mermaid's own message
    assert "[talknotes.diagram]" in warnings
    assert warnings.count("03-broken.md") == 1  # once, not once per theme
    # The source stays visible instead of a silently missing diagram.
    assert 'class="talknotes-diagram-source"' in article_of(app, "talks/day-1/03-broken")
