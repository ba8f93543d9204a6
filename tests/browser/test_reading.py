"""What readers do on the pages: search, keyboard, a phone, light and dark mode."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from .support import (
    DESKTOP,
    INTUIT_TALK,
    PAGES,
    PHONE,
    RESOURCE_BUTTONS,
    TALK_TITLE,
    requires_chromium,
    search_results,
    slug,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from playwright.sync_api import Browser, BrowserContext, Locator, Page, Route

pytestmark = [pytest.mark.browser, requires_chromium]

TALK = PAGES["talk"]
# Enough for the skip link, the header and the whole sidebar on a desktop.
MAX_TABS = 200


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(
    ("query", "talk"),
    [
        ("abstractions", TALK_TITLE),  # a word of the title
        ("Ekenstam", INTUIT_TALK),  # a speaker's name
        ("Intuit", INTUIT_TALK),  # the speakers' company
    ],
)
def test_search_finds_a_talk(page: Page, base_url: str, query: str, talk: str) -> None:
    page.goto(f"{base_url}search.html?q={query}")
    assert talk in search_results(page)


@pytest.fixture
def stubbed(page: Page, base_url: str) -> list[Route]:
    """Answer every request to another host with a tiny page, and keep it to look at."""
    seen: list[Route] = []

    def answer(route: Route) -> None:
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            seen.append(route)
            route.fulfill(status=200, content_type="text/html", body="<title>stub</title>")

    page.context.route("**/*", answer)
    return seen


def _open_in_new_tab(context: BrowserContext, action: Callable[[], None]) -> Page:
    with context.expect_page() as opened:
        action()
    popup = opened.value
    popup.wait_for_load_state()
    return popup


def test_talk_buttons_work_from_the_keyboard_and_open_a_new_tab(
    page: Page, base_url: str, stubbed: list[Route], report: Callable[[str], None]
) -> None:
    page.goto(base_url + TALK)
    buttons = page.locator(RESOURCE_BUTTONS)
    hrefs = buttons.evaluate_all("(links) => links.map((link) => link.href)")
    assert len(hrefs) == 2, "the talk page should have a video and a slides button"
    for index in range(2):
        assert buttons.nth(index).get_attribute("target") == "_blank"
        assert set(buttons.nth(index).get_attribute("rel").split()) == {"noopener", "noreferrer"}

    reached: dict[str, int] = {}
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            f"document.activeElement.matches({RESOURCE_BUTTONS!r}) && document.activeElement.href"
        )
        if focused and focused not in reached:
            reached[focused] = presses
            popup = _open_in_new_tab(page.context, lambda: page.keyboard.press("Enter"))
            assert popup.url == focused
            assert popup.evaluate("window.opener") is None  # noopener
            popup.close()
        if len(reached) == len(hrefs):
            break
    report(f"keyboard: talk buttons reached after {list(reached.values())} Tab presses")
    assert list(reached) == hrefs

    for index, href in enumerate(hrefs):
        popup = _open_in_new_tab(page.context, buttons.nth(index).click)
        assert popup.url == href
        popup.close()
    requested = [route.request for route in stubbed]
    assert [request.url for request in requested] == hrefs * 2
    assert all("referer" not in request.headers for request in requested)  # noreferrer


def _open_the_menu(page: Page) -> Locator:
    """Tap the mobile header's menu button and wait for the sidebar to slide in."""
    page.locator(".mobile-header .nav-overlay-icon").click()
    page.wait_for_function(
        "document.querySelector('.sidebar-drawer').getBoundingClientRect().left >= 0"
    )
    return page.locator(".sidebar-drawer")


def test_a_phone_reader_can_navigate_and_search(
    browser: Browser, base_url: str, artifacts: Path
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + TALK)
    assert page.evaluate(
        "document.querySelector('.sidebar-drawer').getBoundingClientRect().right <= 0"
    )

    link = _open_the_menu(page).locator(".sidebar-tree a.reference").first
    target = link.evaluate("(link) => link.href")
    link.click()
    page.wait_for_url(target)

    search = _open_the_menu(page).locator("input.sidebar-search")
    search.fill("Ekenstam")
    search.press("Enter")
    page.wait_for_url("**/search.html?q=Ekenstam*")
    assert INTUIT_TALK in search_results(page)
    page.screenshot(path=str(artifacts / "search-phone.png"))
    context.close()


def test_every_page_type_renders_in_light_and_dark_mode(
    browser: Browser, base_url: str, artifacts: Path, report: Callable[[str], None]
) -> None:
    """Screenshots of each page type for people to look at, and the colours for the test."""
    backgrounds: dict[str, dict[str, str]] = {}
    shots = [("light", DESKTOP), ("dark", DESKTOP), ("phone", PHONE)]
    for mode, viewport in shots:
        scheme = "dark" if mode == "dark" else "light"
        context = browser.new_context(color_scheme=scheme, viewport=viewport)
        page = context.new_page()
        for page_type, path in PAGES.items():
            page.goto(base_url + path)
            if page_type == "search":
                search_results(page)
            colors = page.evaluate(
                "[getComputedStyle(document.body).backgroundColor,"
                " getComputedStyle(document.querySelector('article')).color]"
            )
            backgrounds.setdefault(page_type, {})[mode] = colors
            page.screenshot(path=str(artifacts / f"{slug(page_type)}-{mode}.png"))
        context.close()
    report(f"screenshots: {len(PAGES)} page types x {[mode for mode, _ in shots]} in {artifacts}")
    for page_type, seen in backgrounds.items():
        assert seen["light"] != seen["dark"], f"{page_type} looks the same in both modes"
        assert _luminance(seen["dark"][0]) < 0.2 < _luminance(seen["light"][0]), page_type


def _luminance(css_color: str) -> float:
    """How light an `rgb(r, g, b)` colour is, from 0 (black) to 1 (white)."""
    red, green, blue = (int(part) for part in re.findall(r"\d+", css_color)[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def test_related_talks_lead_across_years(page: Page, base_url: str) -> None:
    """The 2024 LEGO talk pins the 2025 one: first under Related talks, and it opens."""
    page.goto(f"{base_url}kubecon-eu-2024/day-2/02-lego-manufacturing.html")
    section = page.locator("section#related-talks")
    assert section.locator("h2").inner_text().startswith("Related talks")
    first = section.locator("li").first
    assert "KubeCon + CloudNativeCon Europe 2025" in first.inner_text()
    first.locator("a").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("kubecon-eu-2025/day-0/14-lego-empathy-yaml.html")
    assert "LEGO" in page.locator("h1").inner_text()
