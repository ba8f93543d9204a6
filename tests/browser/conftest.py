"""The real site, built once, served on 127.0.0.1 and crawled once in one Chromium.

The checks in this folder share the fixtures below, so a run builds, serves and
loads every page a single time; the figures they report are printed at the end.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tools.serving import serving

from .support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, PHONE, REPO, Visit, site_path

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Browser, ConsoleMessage, Request, Response

HERE = Path(__file__).resolve().parent
FIGURES = pytest.StashKey[list[str]]()
# Everything a crawled page tells us, in one round trip; <link> too (stylesheets, feeds, next).
_PAGE_FACTS = """() => ({
  links: [...document.querySelectorAll('a[href], area[href], link[href]')].flatMap((a) => {
    try { return [new URL(a.getAttribute('href'), document.baseURI).href]; }
    catch { return [`unparsable: ${a.getAttribute('href')}`]; }
  }),
  ids: [...document.querySelectorAll('[id], a[name]')].map((e) => e.id || e.getAttribute('name')),
  scrollWidth: document.documentElement.scrollWidth,
  clientWidth: document.documentElement.clientWidth,
  // Furo clips <html> sideways and lets .content scroll instead: a reader can pan the
  // document or any layout box that scrolls, so measure each of those.
  overflow: Object.fromEntries(['html', 'body', '.page', '.main', '.content', 'article']
    .map((selector) => [selector, document.querySelector(selector)])
    .filter(([selector, box]) => box && (selector === 'html'
      || ['auto', 'scroll'].includes(getComputedStyle(box).overflowX)))
    .map(([selector, box]) => [selector, box.scrollWidth - box.clientWidth])
    .filter(([, excess]) => excess > 1)),
})"""


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Leave this slow suite out of a plain `pytest` run; `nox -s browser` names the folder."""
    if HERE not in collection_path.parents:
        return None
    start = config.invocation_params.dir
    named = (Path(start, arg.split("::")[0]).resolve() for arg in config.args)
    return None if any(path == HERE or HERE in path.parents for path in named) else True


def pytest_configure(config: pytest.Config) -> None:
    config.stash[FIGURES] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the figures the checks collected, whether they passed or not."""
    figures = terminalreporter.config.stash.get(FIGURES, [])
    if figures:
        terminalreporter.ensure_newline()
        terminalreporter.section("browser figures")
        for line in figures:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def report(pytestconfig: pytest.Config) -> Callable[[str], None]:
    """Keep a line for the summary at the end of the run."""
    return pytestconfig.stash[FIGURES].append


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built as `nox -s build` does, into a fresh folder."""
    outdir = tmp_path_factory.mktemp("site")
    command = [sys.executable, "-m", "sphinx", "-q", "-W", "-j", "auto", "-b", "html"]
    subprocess.run([*command, "-c", str(REPO), str(REPO / "docs"), str(outdir)], check=True)
    return outdir


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The site over HTTP on a free port, as a reader gets it (file:// differs for scripts)."""
    with serving(site) as url:
        yield url


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go for people to look at (CI uploads the folder)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole run; each check opens its own context."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 (only when a check runs)

    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def crawl(browser: Browser, base_url: str, site: Path) -> dict[str, Visit]:
    """Every page, once, at phone width: from index.html along links, then the rest of *.html.

    Phone width because that is where pages overflow; requests, console and
    links do not depend on it.
    """
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    visits: dict[str, Visit] = {}
    current: list[Visit] = []  # the page being loaded, for the listeners

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            current[-1].errors.append(f"console error: {message.text}")

    def on_response(response: Response) -> None:
        if response.status >= 400:
            current[-1].errors.append(f"HTTP {response.status} for {response.url}")

    def on_failed(request: Request) -> None:
        # Leaving a page aborts what it still loads (often the favicon): not a fault.
        if request.failure != "net::ERR_ABORTED":
            current[-1].errors.append(f"request failed ({request.failure}): {request.url}")

    page.on("request", lambda request: current[-1].requests.append(request.url))
    page.on("console", on_console)
    page.on("pageerror", lambda error: current[-1].errors.append(f"page error: {error}"))
    page.on("response", on_response)
    page.on("requestfailed", on_failed)

    queue = ["index.html"]
    everything = sorted(  # not Sphinx's cache (.doctrees), which is no page of the site
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if ".doctrees" not in path.relative_to(site).parts
    )
    for linked, paths in ((True, queue), (False, everything)):
        while paths:
            path = paths.pop(0)
            if path in visits:
                continue
            current.append(visit := Visit(path, linked))
            page.goto(base_url + path)
            facts = page.evaluate(_PAGE_FACTS)
            visit.links, visit.ids = facts["links"], set(facts["ids"])
            visit.scroll_width, visit.client_width = facts["scrollWidth"], facts["clientWidth"]
            visit.overflow = facts["overflow"]
            visits[path] = visit
            if linked:
                targets = (site_path(link, base_url) for link in visit.links)
                queue.extend(t for t in targets if t and t.endswith(".html") and t not in visits)
    context.close()
    return visits
