"""Every built page, loaded in Chromium: private, quiet, well linked and phone-sized."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import pytest

from .support import requires_chromium, site_path

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from .support import Visit

pytestmark = [pytest.mark.browser, requires_chromium]

# Loaded without a request: nothing leaves the machine for these.
_LOCAL_SCHEMES = {"data", "blob", "about"}


def _kind(path: str) -> str:
    """A page's place in the site, to count pages by kind."""
    parts = path.split("/")
    if parts[0] in {"tags", "speakers"}:
        return parts[0]
    if len(parts) == 1:
        return "top level"
    if parts[-1] == "index.html":
        return "conference" if len(parts) == 2 else "day"
    return "talk or page"


def test_the_crawl_reaches_every_page(
    crawl: dict[str, Visit], report: Callable[[str], None]
) -> None:
    unlinked = sorted(path for path, visit in crawl.items() if not visit.linked)
    kinds = Counter(_kind(path) for path in crawl)
    requests = sum(len(visit.requests) for visit in crawl.values())
    report(f"pages crawled: {len(crawl)} ({', '.join(f'{n} {k}' for k, n in kinds.items())})")
    report(f"  reached from index.html by links: {len(crawl) - len(unlinked)}")
    report(f"  only found in the output: {len(unlinked)} {unlinked}")
    report(f"  requests made while loading them: {requests}")
    # The 404 page is served for missing URLs; anything else unlinked is an orphan.
    assert set(unlinked) <= {"404.html"}


def test_no_request_leaves_localhost(crawl: dict[str, Visit]) -> None:
    leaks = [
        f"{path}: {url}"
        for path, visit in crawl.items()
        for url in visit.requests
        if urlsplit(url).scheme not in _LOCAL_SCHEMES and urlsplit(url).hostname != "127.0.0.1"
    ]
    assert leaks == []


def test_no_console_error_and_no_failed_request(crawl: dict[str, Visit]) -> None:
    errors = [f"{path}: {error}" for path, visit in crawl.items() for error in visit.errors]
    assert errors == []


def test_every_internal_link_and_anchor_resolves(
    crawl: dict[str, Visit], base_url: str, site: Path, report: Callable[[str], None]
) -> None:
    broken, checked = [], 0
    for path, visit in crawl.items():
        for link in visit.links:
            target = site_path(link, base_url)
            if target is None:
                continue
            checked += 1
            fragment = unquote(urlsplit(link).fragment)
            # "#top" needs no id: browsers scroll to the top for it.
            known = crawl[target].ids | {"", "top"} if target in crawl else None
            if not (site / target).is_file():
                broken.append(f"{path}: {link} (no file {target})")
            elif known is not None and fragment not in known:
                broken.append(f"{path}: {link} (no id {fragment!r} in {target})")
    report(f"internal links checked: {checked}")
    assert broken == []


def test_no_page_scrolls_sideways_on_a_phone(
    crawl: dict[str, Visit], report: Callable[[str], None]
) -> None:
    """Neither the document nor a layout box that scrolls is wider than 390 px."""
    widest = max(crawl.values(), key=lambda visit: max(visit.overflow.values(), default=0))
    report(
        f"phone width: {len(crawl)} pages at 390 px; most overflow "
        f"{max(widest.overflow.values(), default=0)} px ({widest.path if widest.overflow else '-'})"
    )
    assert _overflowing(crawl, set(crawl)) == []


def _overflowing(crawl: dict[str, Visit], paths: set[str]) -> list[str]:
    return [
        f"{path}: {box} is {excess} px wider than the {crawl[path].client_width} px screen"
        for path in sorted(paths)
        for box, excess in crawl[path].overflow.items()
    ]
