"""What the browser checks share: where Chromium is, the pages to look at, and helpers.

``tests/test_browser_diagrams.py`` uses the same Chromium, arguments and skip rule.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium tries to reach Google's services, which a closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

# A missing browser skips the checks on a laptop, but fails them where CI asks for it.
requires_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("TALKNOTES_REQUIRE_BROWSER"),
    reason=f"no Chromium at {CHROMIUM}",
)

# One real page of each kind the site has; the talk has both buttons and no diagram.
PAGES = {
    "home": "index.html",
    "conference": "kubecon-eu-2024/index.html",
    "day": "kubecon-eu-2024/day-0/index.html",
    "talk": "kubecon-eu-2025/day-0/10-platform-abstractions.html",
    "tag overview": "tags/index.html",
    "tag": "tags/platform.html",
    "speaker": "speakers/todd-ekenstam.html",
    "search": "search.html?q=Ekenstam",
}
TALK_TITLE = "Platform abstractions: Asset or liability"
INTUIT_TALK = "Building an AI-Powered, Paved Road Platform with Cloud-Native OSS"
RESOURCE_BUTTONS = "p.talknotes-resource a.sd-btn"


def slug(page_type: str) -> str:
    """A page type as a file name part: "tag overview" -> "tag-overview"."""
    return page_type.replace(" ", "-")


def search_results(page: Page) -> list[str]:
    """The titles the search page lists, once it has searched (it says how many it found)."""
    page.wait_for_function(
        """() => {
          const status = document.querySelector('.talknotes-search-status');
          return document.querySelector('.talknotes-search-ready')
            && !document.querySelector('.talknotes-search-results[aria-busy]')
            && /^(\\d+ results?|No results|Type words)/.test(status?.textContent);
        }"""
    )
    return page.locator(".talknotes-search-results h2 a").all_inner_texts()


@dataclass
class Visit:
    """What loading one page did and what it contains."""

    path: str
    linked: bool  # reached by following links from index.html
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    scroll_width: int = 0
    client_width: int = 0
    overflow: dict[str, int] = field(default_factory=dict)  # layout box -> px wider than shown


def site_path(url: str, base_url: str) -> str | None:
    """The output file a URL of the served site names, or None for another origin."""
    if not url.startswith(base_url):
        return None
    path = unquote(urlsplit(url).path).lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path
