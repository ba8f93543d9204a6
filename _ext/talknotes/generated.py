"""Pages the build generates (pending material, tag pages): virtual, themed, linked.

They are never written into the source folder: each is rendered from docutils nodes
into the theme's ``page.html`` at ``html-collect-pages``, and the sidebar lists the
entry pages on every page through the ``talknotes/sidebar-pages.html`` template.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from .diagnostics import warn

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from sphinx.application import Sphinx

    from .site import TalkNotesDomain

__all__ = [
    "GeneratedOutputs",
    "GeneratedPage",
    "SidebarEntry",
    "connect_generated_pages",
    "internal_link",
]


@dataclass(frozen=True)
class GeneratedPage:
    """A page the build makes: its name (its URL without suffix), title and body."""

    name: str
    title: str
    render: Callable[[Sphinx, str], list[nodes.Node]]
    #: extra HTML for the page's <head>, such as a feed link
    head: str = ""
    #: the data the page shows; a page whose data did not change is not written again
    inputs: object = None


class GeneratedOutputs:
    """Which generated files must be written again, judged by the data they show.

    Rendering every topic page and feed on every build would make a one-line edit
    cost seconds on a large site. Each output is written only when a digest of its
    data (and of what every page shares: configuration, navigation, our code)
    differs from the last build's, or when the file is missing.
    """

    RECORD = "talknotes-generated.json"

    def __init__(self, app: Sphinx, shared: object) -> None:
        self.outdir = Path(app.outdir)
        self.record = Path(app.doctreedir, self.RECORD)
        try:
            self.previous: dict[str, str] = json.loads(self.record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.previous = {}
        self.current: dict[str, str] = {}
        build_info = app.builder.build_info
        self.shared = repr(
            (
                build_info.config_hash,
                build_info.tags_hash,
                app.config.talknotes_code_fingerprint,
                shared,
            )
        )

    def unchanged(self, filename: str, inputs: object) -> bool:
        """Note ``filename``'s data; True if it was written from the same data before."""
        if inputs is None:
            return False
        digest = hashlib.sha256((self.shared + repr(inputs)).encode()).hexdigest()
        self.current[filename] = digest
        return self.previous.get(filename) == digest and (self.outdir / filename).is_file()

    def save(self) -> None:
        self.record.write_text(json.dumps(self.current, indent=0, sort_keys=True), encoding="utf-8")


@dataclass(frozen=True)
class SidebarEntry:
    """A generated page linked from every page's sidebar; ``section`` pages count as it."""

    name: str
    title: str
    section: str | None = None

    def is_current(self, pagename: str) -> bool:
        return pagename == self.name or bool(self.section and pagename.startswith(self.section))


def internal_link(app: Sphinx, from_page: str, target: str, text: str) -> nodes.reference:
    """A link from a generated page to a page of the site, relative like Sphinx's own."""
    uri = app.builder.get_relative_uri(from_page, target)
    return nodes.reference("", text, internal=True, refuri=uri)


def connect_generated_pages(
    app: Sphinx,
    sources: Sequence[Callable[[Sphinx], Iterable[GeneratedPage]]],
    sidebar: Sequence[SidebarEntry],
) -> None:
    """Have the HTML builder render the pages of ``sources``, and the sidebar link ``sidebar``."""

    def collect(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
        domain: TalkNotesDomain = app.env.domains["talknotes"]
        navigation = domain.navigation
        shown = navigation.shown_everywhere(app.env) if navigation is not None else None
        outputs = GeneratedOutputs(app, (shown, sidebar))
        domain.outputs = outputs
        for source in sources:
            for page in source(app):
                if page.name in app.env.found_docs:
                    warn(
                        f"the build generates the page {page.name!r}: "
                        f"rename the source page {page.name!r}",
                        location=page.name,
                        subtype="generated",
                    )
                    continue
                filename = page.name + app.builder.out_suffix
                if not outputs.unchanged(filename, (page.title, page.head, page.inputs)):
                    yield page.name, _context(app, page), "page.html"

    def add_sidebar_entries(
        app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
    ) -> None:
        context["talknotes_pages"] = [
            {"name": entry.name, "title": entry.title, "current": entry.is_current(pagename)}
            for entry in sidebar
        ]

    app.connect("html-collect-pages", collect)
    app.connect("html-page-context", add_sidebar_entries)
    # Last of the build-finished handlers: after the feeds have been noted.
    app.connect("build-finished", _save_outputs, priority=900)


def _save_outputs(app: Sphinx, exception: Exception | None) -> None:
    outputs = app.env.domains["talknotes"].outputs
    if exception is None and outputs is not None:
        outputs.save()


def _context(app: Sphinx, page: GeneratedPage) -> dict[str, Any]:
    # Set the per-page numbering state that Sphinx sets before writing a document:
    # a generated page has no numbered sections or figures, and after a parallel
    # write the builder holds none at all.
    app.builder.secnumbers = {}
    app.builder.fignumbers = {}
    section = nodes.section("", nodes.title("", page.title), ids=["page-title"])
    section += page.render(app, page.name)
    body = app.builder.render_partial(section)["fragment"]
    return {"title": page.title, "body": body, "metatags": page.head}
