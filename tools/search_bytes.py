"""What one search costs a reader: the bytes of a first query, cold, in Chromium.

``nox -s bench`` prints it for the synthetic site next to the size of the index
Sphinx's own search loads before its first result (``searchindex.js``, the whole
site). The search page is loaded with an empty cache from a local server; every
response is counted as served, uncompressed (Pagefind's index files are gzip
already). Needs Playwright and Chromium (``/usr/bin/chromium``, or ``CHROMIUM``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from tools.serving import serving

if TYPE_CHECKING:
    from playwright.sync_api import Response

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
#: a word of the synthetic talks' titles and notes, and a filter of their topics
QUERY = "gateway"
FILTER = ("topic", "Topic 07")
TARGET_BYTES = 250_000  # the most one query may transfer
_KINDS = {  # what each file of Pagefind's bundle is
    "pagefind.js": "engine",
    "wasm.": "engine",
    ".pf_meta": "metadata",
    "pagefind-entry.json": "metadata",
    ".pf_filter": "filters",
    ".pf_index": "index",
    ".pf_fragment": "results",
}


def query_bytes(site: Path, address: str) -> dict[str, int]:
    """Bytes per kind of file that loading ``address`` (relative to ``site``) transfers."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 (optional: only here)

    with serving(site) as base, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        responses: list[Response] = []

        def keep(response: Response) -> None:  # Playwright cannot take a bound builtin
            responses.append(response)

        page.on("response", keep)
        page.goto(base + address)
        page.wait_for_function(
            "document.querySelector('.talknotes-search-ready')"
            " && !document.querySelector('.talknotes-search-results[aria-busy]')"
        )
        page.wait_for_load_state("networkidle")
        sizes = [(response.url.removeprefix(base), len(response.body())) for response in responses]
        browser.close()
    kinds: dict[str, int] = {}
    for path, size in sizes:
        kinds[_kind(path)] = kinds.get(_kind(path), 0) + size
    return kinds


def _kind(path: str) -> str:
    if path.startswith("_pagefind/"):
        return next((kind for part, kind in _KINDS.items() if part in path), "other search files")
    if "talknotes-search" in path:
        return "search page code"
    return "the page (as any page)"


def print_search_bytes(site: Path, sphinx_index: Path) -> None:
    """Print one cold query's bytes by kind, against Sphinx's whole index."""
    searches = {
        f"{QUERY!r}": f"search.html?q={QUERY}",
        f"{QUERY!r} + {FILTER[0]} {FILTER[1]!r}": (
            f"search.html?q={QUERY}&{FILTER[0]}={quote(FILTER[1])}"
        ),
    }
    whole = sphinx_index.stat().st_size if sphinx_index.is_file() else 0
    print(f"  {'Sphinx searchindex.js':24}{whole / 1000:>10.1f}KB  (loaded whole before a result)")
    if not Path(CHROMIUM).exists():
        print(f"  search bytes per query: skipped (no Chromium at {CHROMIUM})")
        return
    for name, address in searches.items():
        kinds = query_bytes(site, address)
        search = sum(size for kind, size in kinds.items() if not kind.startswith("the page"))
        verdict = "within" if search <= TARGET_BYTES else "OVER"
        print(
            f"  {'one query, cold':24}{search / 1000:>10.1f}KB  {name}: "
            f"{verdict} the {TARGET_BYTES / 1000:.0f} KB target"
        )
        for kind, size in sorted(kinds.items(), key=lambda item: -item[1]):
            print(f"  {'':26}{size / 1000:>8.1f}KB  {kind}")
