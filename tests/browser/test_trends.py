"""The topic trends chart in Chromium: shown, legible and in the theme's colours, light and dark.

The screenshots (``test-artifacts/trends-light.png``, ``trends-dark.png``) are the
ones the README shows, copied into ``.github/images/``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

from .support import DESKTOP, PAGES, requires_chromium

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, requires_chromium]

CHART = "svg.talknotes-chart"
# What the chart looks like to a reader: its size, colours and its text as selected.
_CHART_FACTS = """(svg) => {
  const box = svg.getBoundingClientRect();
  const label = [...svg.querySelectorAll('text')]
    .find((text) => text.textContent === 'Platform engineering');
  const selection = window.getSelection();
  selection.selectAllChildren(label);
  const selected = selection.toString();
  selection.removeAllRanges();
  return {
    width: box.width, height: box.height, bytes: svg.outerHTML.length,
    name: svg.querySelector('title').textContent,
    text: getComputedStyle(label).fill,
    dot: getComputedStyle(svg.querySelector('.talknotes-chart-dot')).fill,
    background: getComputedStyle(document.body).backgroundColor,
    selected,
  };
}"""


def _chart(page: Page) -> dict[str, Any]:
    chart = page.locator(CHART)
    chart.scroll_into_view_if_needed()
    assert chart.is_visible()
    return chart.evaluate(_CHART_FACTS)


def _contrast(first: str, second: str) -> float:
    """WCAG's contrast ratio of two `rgb(...)` colours, from 1 to 21."""

    def luminance(css_color: str) -> float:
        channels = [int(part) / 255 for part in re.findall(r"\d+", css_color)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_chart_is_legible_in_light_and_dark_mode(
    browser: Browser, base_url: str, artifacts: Path, report: Callable[[str], None]
) -> None:
    seen = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, viewport=DESKTOP)
        page = context.new_page()
        page.goto(base_url + PAGES["tag overview"])
        seen[scheme] = facts = _chart(page)
        shot = artifacts / f"trends-{scheme}.png"
        page.locator(".talknotes-chart-box").screenshot(path=str(shot))
        context.close()
        assert facts["width"] > 400
        assert facts["height"] > 400
        assert facts["selected"] == "Platform engineering"  # text, not a picture of it
        assert _contrast(facts["text"], facts["background"]) >= 4.5, (scheme, facts)
        assert _contrast(facts["dot"], facts["background"]) >= 3, (scheme, facts)
    assert seen["light"]["text"] != seen["dark"]["text"]
    assert seen["light"]["background"] != seen["dark"]["background"]
    report(
        f"trends chart: {seen['light']['bytes']:,} bytes of SVG, "
        f"{seen['light']['width']:.0f} x {seen['light']['height']:.0f} px, "
        f"text contrast {_contrast(seen['light']['text'], seen['light']['background']):.1f} light, "
        f"{_contrast(seen['dark']['text'], seen['dark']['background']):.1f} dark"
    )


def test_the_chart_follows_the_theme_toggle(browser: Browser, base_url: str) -> None:
    context = browser.new_context(color_scheme="light", viewport=DESKTOP)
    page = context.new_page()
    page.goto(base_url + PAGES["tag overview"])
    light = _chart(page)["text"]
    toggle = page.locator(".theme-toggle:visible").first
    for _ in range(3):  # Furo cycles auto -> dark -> light (or the reverse)
        toggle.click()
        if page.evaluate("document.body.dataset.theme") == "dark":
            break
    dark = _chart(page)
    assert dark["text"] != light
    assert _contrast(dark["text"], dark["background"]) >= 4.5
    context.close()


def test_on_a_phone_the_chart_scrolls_in_its_box(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + PAGES["tag overview"])
    box = page.locator(".talknotes-chart-box")
    box.scroll_into_view_if_needed()
    widths = box.evaluate("(box) => [box.scrollWidth, box.clientWidth]")
    assert widths[0] > widths[1]  # wider than the phone: it scrolls, its text keeps its size
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()
