"""The search page in Chromium: words, filters from the keyboard, a phone, dirhtml on a subpath."""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest

from tools.serving import serving

from .support import DESKTOP, PHONE, requires_chromium, search_results

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, requires_chromium]

CONFERENCE = "KubeCon + CloudNativeCon Europe 2025"
TOPIC = "Platform engineering"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


def _found(page: Page) -> int:
    """How many results the page says it found."""
    search_results(page)
    status = page.locator(".talknotes-search-status").inner_text()
    match = re.match(r"(\d+) results?", status)
    return int(match[1]) if match else 0


def _all_results(page: Page) -> list[str]:
    """Every result's context line, showing all of them first."""
    more = page.locator(".talknotes-search-more")
    while more.is_visible():
        shown = page.locator(".talknotes-search-results > li").count()
        more.click()
        page.wait_for_function(
            f"document.querySelectorAll('.talknotes-search-results > li').length > {shown}"
        )
    return page.locator(".talknotes-search-where").all_inner_texts()


def _option(page: Page, facet: str, value: str) -> tuple[object, int]:
    """A filter value's checkbox and the number of results it announces."""
    label = page.locator(f'[data-facet="{facet}"] label', has_text=value).first
    count = int(re.search(r"\((\d+)\)\s*$", label.inner_text())[1])
    return label.locator("input"), count


def test_a_filtered_search_from_the_keyboard(
    page: Page, base_url: str, artifacts: Path, report: Callable[[str], None]
) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + "search.html")
    search_results(page)
    page.locator("#talknotes-search-query").focus()
    page.keyboard.type("platform")
    page.keyboard.press("Enter")
    everything = _found(page)

    # Open the conference filter and choose one, from the keyboard only.
    page.locator('[data-facet="conference"] summary').focus()
    page.keyboard.press("Enter")
    box, announced = _option(page, "conference", CONFERENCE)
    box.focus()
    page.keyboard.press("Space")
    assert _found(page) == announced < everything
    assert page.evaluate("document.activeElement.value") == CONFERENCE  # focus stays put
    assert all(where.startswith(CONFERENCE) for where in _all_results(page))

    # A second filter narrows further; the address keeps words and filters.
    page.locator('[data-facet="topic"] summary').click()
    box, announced = _option(page, "topic", TOPIC)
    box.click()
    narrowed = _found(page)
    assert 0 < narrowed == announced <= everything
    assert parse_qs(urlsplit(page.url).query) == {
        "q": ["platform"],
        "conference": [CONFERENCE],
        "topic": [TOPIC],
    }
    page.screenshot(path=str(artifacts / "search-filters.png"))
    assert _serious_accessibility_problems(page) == []  # with the filters open
    titles = search_results(page)
    page.reload()
    assert search_results(page) == titles
    report(f"search: 'platform' {everything} results, {CONFERENCE} then {TOPIC}: {narrowed}")

    # A result opens its page with the words highlighted by Sphinx's own script.
    first = page.locator(".talknotes-search-results h2 a").first
    assert first.get_attribute("href").endswith("?highlight=platform")
    first.click()
    page.wait_for_selector("span.highlighted")  # and the script takes the word off the address
    assert all(request.startswith(base_url) for request in requests)


def _serious_accessibility_problems(page: Page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe  # noqa: PLC0415 (with the browser)

    return [
        f"{rule['id']}: {node['target']}"
        for rule in Axe().run(page).response["violations"]
        if rule["impact"] in {"serious", "critical"}
        for node in rule["nodes"]
    ]


def test_filters_without_words_list_the_newest_first_on_a_phone(
    browser: Browser, base_url: str, artifacts: Path
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + "search.html?topic=" + TOPIC)
    assert _found(page) > 1
    conferences = [where.split(",")[0] for where in _all_results(page)]
    assert conferences[0] == CONFERENCE  # the newest conference first
    page.locator('[data-facet="speaker"] summary').click()
    page.locator('[data-facet="speaker"] input').first.check()
    assert _found(page) >= 1
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    page.screenshot(path=str(artifacts / "search-phone-filters.png"))
    page.locator(".talknotes-facets-clear").click()
    assert search_results(page) == []  # back to the start: no words, no filters
    context.close()


@pytest.fixture
def dirhtml_on_a_subpath(make_app, make_site, tmp_path: Path) -> Iterator[str]:
    """The fixture site built with dirhtml, served under /en/latest/ as Read the Docs does."""
    srcdir = make_site()
    app = make_app("dirhtml", srcdir=srcdir, builddir=srcdir.parent / "build")
    app.build()
    shutil.copytree(app.outdir, tmp_path / "served" / "en" / "latest")
    with serving(tmp_path / "served") as url:
        yield url + "en/latest/"


def test_search_works_in_a_dirhtml_site_under_a_subpath(
    page: Page, dirhtml_on_a_subpath: str
) -> None:
    page.goto(dirhtml_on_a_subpath + "search/?q=portal")
    assert search_results(page) == ["Backstage in practice"]
    page.locator(".talknotes-search-results h2 a").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/en/latest/conf-b/day-2/01-backstage/"
    assert page.title().startswith("Backstage in practice")
