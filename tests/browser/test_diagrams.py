"""In a real browser: the diagram matching the theme shows, in light, dark and on toggle.

Playwright drives Debian's Chromium (``CHROMIUM`` overrides the path). Screenshots
of both modes are kept in ``test-artifacts/`` for people to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import ARTIFACTS, requires_chromium

pytest.importorskip("playwright.sync_api")

PAGE = "talks/day-1/01-platform"

pytestmark = [pytest.mark.browser, requires_chromium]


@pytest.fixture
def diagram_site(build, tmp_path: Path) -> str:
    app = build("diagrams", confoverrides={"talknotes_diagram_cache": str(tmp_path / "cache")})
    return (Path(app.outdir) / f"{PAGE}.html").as_uri()


def _visible_diagram(page) -> dict:
    """The first diagram's visible rendition: which mode, its size and its markup."""
    return page.evaluate(
        """() => {
          const shown = [...document.querySelectorAll('.talknotes-diagram')]
            .filter((element) => getComputedStyle(element).display !== 'none');
          const first = shown[0];
          const box = first.querySelector('svg').getBoundingClientRect();
          return {
            modes: shown.map((el) => (el.classList.contains('only-dark') ? 'dark' : 'light')),
            width: box.width, height: box.height,
            fill: getComputedStyle(first.querySelector('svg .node rect, svg .node path')).fill,
          };
        }"""
    )


@pytest.mark.parametrize("javascript", [True, False])
def test_the_diagram_follows_the_reader_color_scheme(browser, diagram_site, javascript) -> None:
    seen = {}
    ARTIFACTS.mkdir(exist_ok=True)
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, java_script_enabled=javascript)
        page = context.new_page()
        page.goto(diagram_site)
        seen[scheme] = _visible_diagram(page)
        suffix = "" if javascript else "-no-js"
        page.screenshot(path=str(ARTIFACTS / f"diagram-{scheme}{suffix}.png"), full_page=True)
        context.close()
    assert seen["light"]["modes"] == ["light"] * 3
    assert seen["dark"]["modes"] == ["dark"] * 3
    for scheme in ("light", "dark"):
        assert seen[scheme]["width"] > 100
        assert seen[scheme]["height"] > 20
    assert seen["light"]["fill"] != seen["dark"]["fill"]


def test_toggling_the_theme_switches_the_diagram(browser, diagram_site) -> None:
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(diagram_site)
    assert _visible_diagram(page)["modes"][0] == "light"
    toggle = page.locator(".theme-toggle:visible").first
    for _ in range(3):  # Furo cycles auto -> dark -> light (or the reverse)
        toggle.click()
        if page.evaluate("document.body.dataset.theme") == "dark":
            break
    assert page.evaluate("document.body.dataset.theme") == "dark"
    assert _visible_diagram(page)["modes"][0] == "dark"
    context.close()
