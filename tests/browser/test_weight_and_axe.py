"""Accessibility and page weight of one page of each type, measured in a fresh browser."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from .support import DESKTOP, PAGES, requires_chromium, search_results

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from playwright.sync_api import Browser, Response

pytestmark = [pytest.mark.browser, requires_chromium]

# A talk page without diagrams: HTML, one CSS bundle, one JS bundle, the favicon,
# with room for one more file before the budget fails.
TALK_BUDGET_BYTES = 200_000
TALK_BUDGET_REQUESTS = 6
AXE_FAILS_ON = {"serious", "critical"}
AXE_PAGES = ["home", "conference", "day", "talk", "tag overview", "tag", "speaker", "search"]
# A known site problem (see test_toctree_captions_declare_their_heading_level): left out
# of the general check so that any other serious violation still fails it.


def _load(browser: Browser, url: str) -> list[tuple[str, int]]:
    """Every response a page load gets with an empty cache, and its uncompressed size."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    responses: list[Response] = []

    def keep(response: Response) -> None:  # Playwright cannot take a bound builtin here
        responses.append(response)

    page.on("response", keep)
    page.goto(url, wait_until="networkidle")  # the favicon comes after load
    sizes = [(response.url, len(response.body())) for response in responses]
    context.close()
    return sizes


def test_page_weight(
    browser: Browser, base_url: str, site: Path, report: Callable[[str], None]
) -> None:
    """Every byte each page type's load makes; the talk page has a budget."""
    assert "talknotes-diagram" not in (site / PAGES["talk"]).read_text(), (
        "pick a talk without diagrams"
    )
    loads = {page_type: _load(browser, base_url + path) for page_type, path in PAGES.items()}
    report("page weight (requests, uncompressed bytes, empty cache):")
    for page_type, load in loads.items():
        total = sum(size for _, size in load) / 1000
        report(f"  {page_type:<12} {len(load):>2} requests {total:>6.1f} KB  {PAGES[page_type]}")
    talk = loads["talk"]
    files = ", ".join(f"{url.removeprefix(base_url)} ({size:,} B)" for url, size in talk)
    report(f"  the talk page loads: {files}")
    assert len(talk) <= TALK_BUDGET_REQUESTS
    assert sum(size for _, size in talk) <= TALK_BUDGET_BYTES
    # The search's files are loaded by the search page alone.
    assert not [url for url, _ in talk if "_pagefind/" in url or "talknotes-search" in url]
    searching = [(url, size) for url, size in loads["search"] if "_pagefind/" in url]
    report(
        f"  the search page's query: {len(searching)} requests to _pagefind/, "
        f"{sum(size for _, size in searching) / 1000:.1f} KB"
    )


@pytest.fixture(scope="module")
def axe(
    browser: Browser, base_url: str, report: Callable[[str], None]
) -> dict[str, list[dict[str, Any]]]:
    """axe-core's violations on each page type, run once for the checks below."""
    from axe_playwright_python.sync_playwright import Axe  # noqa: PLC0415 (with the browser)

    found = {}
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    for page_type in AXE_PAGES:
        page.goto(base_url + PAGES[page_type])
        if page_type == "search":
            search_results(page)
        found[page_type] = Axe().run(page).response["violations"]
        report(f"axe {page_type}: {len(found[page_type])} violations")
        for rule in found[page_type]:
            targets = ", ".join(str(node["target"][-1]) for node in rule["nodes"][:2])
            report(f"    {rule['id']} ({rule['impact']}) {len(rule['nodes'])}x: {targets}")
    context.close()
    return found


@pytest.mark.parametrize("page_type", AXE_PAGES)
def test_no_serious_accessibility_violation(
    axe: dict[str, list[dict[str, Any]]], page_type: str
) -> None:
    serious = [
        f"{rule['id']} ({rule['impact']}): {node['target']} {node['html'][:80]}"
        for rule in axe[page_type]
        if rule["impact"] in AXE_FAILS_ON
        for node in rule["nodes"]
    ]
    assert serious == []
