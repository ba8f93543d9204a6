"""The registry of generated pages: one list that everything listing pages asks.

After reading, each page source (topics, speakers, pending material, to-dos) hands
its pages to the registry in the build state. The HTML builder renders them at
``html-collect-pages``; link resolution, the sidebar, the sitemap and link
previews read the same registry, and a source page that takes a generated page's
name is reported here, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.util.display import status_iterator
from sphinx.util.parallel import ParallelTasks, make_chunks

from ..diagnostics import warn
from ..model import build_state
from ..model.generated import SITE_BUILDERS, OutputRecord
from ..rules.pagenames import (
    PENDING,
    SPEAKERS,
    SPEAKERS_FOLDER,
    TAGS_FOLDER,
    TODOS,
    TOPICS,
)
from ..rules.problems import Subtype

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment

    from ..model.generated import GeneratedPage

__all__ = ["SIDEBAR", "SidebarEntry", "connect_generated_pages"]

_TEMPLATE = "page.html"
#: the fewest stale pages worth forking workers for (a fork costs more than a page)
_PARALLEL_FROM = 64


@dataclass(frozen=True)
class SidebarEntry:
    """A generated page linked from every page's sidebar; ``section`` pages count as it."""

    name: str
    section: str | None = None

    def is_current(self, pagename: str) -> bool:
        return pagename == self.name or bool(self.section and pagename.startswith(self.section))


#: the sidebar's "Browse" section, in order
SIDEBAR = (
    SidebarEntry(TOPICS, section=TAGS_FOLDER),
    SidebarEntry(SPEAKERS, section=SPEAKERS_FOLDER),
    SidebarEntry(PENDING),
    SidebarEntry(TODOS),
)


def connect_generated_pages(
    app: Sphinx, sources: Sequence[Callable[[Sphinx], Iterable[GeneratedPage]]]
) -> None:
    """Register the pages of ``sources`` after reading and have the HTML builder render them."""

    def register(app: Sphinx, env: BuildEnvironment) -> None:
        generated: dict[str, GeneratedPage] = {}
        for source in sources:
            for page in source(app):
                if page.name in generated:  # an overview page is listed before its parts
                    continue
                if page.name in env.found_docs:
                    warn(
                        f"the build generates the page {page.name!r}: "
                        f"rename the source page {page.name!r}",
                        location=page.name,
                        subtype=Subtype.GENERATED,
                    )
                    continue
                generated[page.name] = page
        build_state(env).generated = generated

    app.connect("builder-inited", _note_builder)
    app.connect("env-updated", register)
    app.connect("html-collect-pages", _collect)
    app.connect("html-page-context", _add_sidebar_entries)
    # Last of the build-finished handlers: after the feeds have been noted.
    app.connect("build-finished", _save_outputs, priority=900)


def _note_builder(app: Sphinx) -> None:
    """Whether this builder writes the generated pages (a web site), known from the start."""
    build_state(app.env).renders_pages = app.builder.name in SITE_BUILDERS


def _collect(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """The generated pages whose output is stale, for Sphinx to render, or rendered here.

    Sphinx renders what this yields one page after the other; with ``-j`` and
    many pages (a speaker page per speaker), they are rendered in forked
    workers instead, as Sphinx writes source pages, and nothing is yielded.
    """
    builder = cast("StandaloneHTMLBuilder", app.builder)
    state = build_state(app.env)
    if not state.renders_pages:
        return
    navigation = state.navigation
    shown = navigation.shown_everywhere(app.env) if navigation is not None else None
    # speakers.yml shapes every byline, as the sidebar shapes every page: both are shared
    outputs = state.outputs = OutputRecord(app, (shown, SIDEBAR, state.people))
    stale = [
        page
        for page in state.generated.values()
        if not outputs.unchanged(
            page.name + builder.out_suffix, (page.title, page.head, page.inputs)
        )
    ]
    if app.parallel > 1 and len(stale) >= _PARALLEL_FROM:
        _render_in_workers(app, stale)
        return
    for page in stale:
        yield page.name, _context(app, page), _TEMPLATE


def _render_in_workers(app: Sphinx, pages: list[GeneratedPage]) -> None:
    """Render pages in forked workers: each writes its files, as Sphinx's parallel writer does."""
    builder = cast("StandaloneHTMLBuilder", app.builder)
    generated = build_state(app.env).generated

    def render(chunk: list[str]) -> None:
        for name in chunk:
            builder.handle_page(name, _context(app, generated[name]), _TEMPLATE)

    tasks = ParallelTasks(app.parallel)
    chunks = make_chunks([page.name for page in pages], app.parallel)
    progress = status_iterator(
        chunks, "writing generated pages... ", "darkgreen", len(chunks), app.verbosity
    )
    for chunk in chunks:
        tasks.add_task(render, chunk, lambda _chunk, _result: next(progress, None))
    tasks.join()


def _add_sidebar_entries(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    state = build_state(app.env)
    if state.renders_pages:
        context["talknotes_pages"] = [
            {
                "name": entry.name,
                "title": state.generated[entry.name].title,
                "current": entry.is_current(pagename),
            }
            for entry in SIDEBAR
            if entry.name in state.generated
        ]


def _save_outputs(app: Sphinx, exception: Exception | None) -> None:
    outputs = build_state(app.env).outputs
    if exception is None and outputs is not None:
        outputs.save()


def _context(app: Sphinx, page: GeneratedPage) -> dict[str, Any]:
    # Set the per-page numbering state that Sphinx sets before writing a document:
    # a generated page has no numbered sections or figures, and after a parallel
    # write the builder holds none at all.
    builder = cast("StandaloneHTMLBuilder", app.builder)
    builder.secnumbers = {}
    builder.fignumbers = {}
    section = nodes.section("", nodes.title("", page.title), ids=["page-title"])
    section += page.render(app, page.name)
    body = builder.render_partial(section)["fragment"]
    return {"title": page.title, "body": body, "metatags": page.head}
