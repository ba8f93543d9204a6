"""Registration with Sphinx: configuration, nodes, directives and event handlers, in order.

Each handler lives in its layer; this module only says when it runs. Where two
handlers of one event depend on each other, their order here (or their priority)
is that dependency, and a comment says so.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from sphinxcontrib.mermaid import mermaid

from .model import TalkNotesDomain
from .outputs import assets, diagrams, feeds, navigation, search, search_index, sharing, sitemap
from .pages import pending, speakers, todos, topics
from .pages.registry import connect_generated_pages
from .pages.taglists import render_taglists
from .reading import collect, listings, resources, tags
from .reading.diagrams import DiagramDirective
from .rules.vocabulary import DEFAULT_FILE
from .speed import incremental, rewrites

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

__all__ = ["VERSION", "setup"]

VERSION = "0.2.0"

_HERE = Path(__file__).parent


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("sphinx_design")
    app.setup_extension("sphinxcontrib.mermaid")
    app.setup_extension("sphinx.ext.todo")
    _add_config(app)
    app.add_domain(TalkNotesDomain)
    _add_markup(app)

    # Reading: the vocabulary first, then one collector pass per page (reading.collect).
    app.connect("builder-inited", tags.load_tag_vocabulary)
    app.connect("builder-inited", search.turn_off_sphinx_search)
    app.connect("env-before-read-docs", incremental.read_few_pages_serially)
    app.connect("doctree-read", collect.read_page)
    app.connect("env-updated", incremental.restore_parallel_jobs)
    app.connect("env-updated", diagrams.draw_diagrams)
    app.connect("env-check-consistency", tags.check_talks_have_tags)
    # After reading: the pages whose sidebar or listings show something that changed.
    app.connect("env-get-updated", rewrites.changed_listings)
    app.connect("env-get-updated", rewrites.changed_navigation)
    app.connect("env-get-updated", search.changed_search_entries)

    # Writing pages.
    app.connect("doctree-resolved", render_taglists)
    app.connect("doctree-resolved", diagrams.diagrams_as_source)
    app.connect("html-page-context", diagrams.add_diagram_stylesheet)
    # Around the theme's own handler (priority 500), which renders the toctree.
    app.connect("html-page-context", navigation.skip_theme_navigation, priority=400)
    app.connect("html-page-context", navigation.add_navigation, priority=600)
    app.connect("html-page-context", navigation.label_toctree_captions)
    app.connect("html-page-context", feeds.add_site_feed_link)
    app.connect("html-page-context", sharing.add_sharing_meta)
    app.connect("html-page-context", search.mark_up_for_search)
    # Last: after every extension and the theme have added their files.
    app.connect("html-page-context", assets.bundle_page_assets, priority=900)

    # Generated pages (registered after reading), then the files besides pages.
    connect_generated_pages(
        app, [pending.pending_pages, topics.tag_pages, speakers.speaker_pages, todos.todo_pages]
    )
    app.connect("html-collect-pages", search.add_search_page)
    app.connect("build-finished", sitemap.write_sitemap_and_robots)
    app.connect("build-finished", feeds.write_feeds_and_json)
    # Last: Pagefind indexes the pages as written, after everything that writes them.
    app.connect("build-finished", search_index.write_search_index, priority=950)
    app.add_css_file("talknotes.css")
    return {
        "version": VERSION,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def _add_config(app: Sphinx) -> None:
    app.add_config_value("talknotes_code_fingerprint", "", "env", types=frozenset({str}))
    app.add_config_value("talknotes_tags_file", DEFAULT_FILE, "env", types=frozenset({str}))
    app.add_config_value("talknotes_diagram_cache", "", "", types=frozenset({str}))
    app.add_config_value("talknotes_serial_read_below", 40, "", types=frozenset({int}))
    app.connect("config-inited", _fingerprint_code)
    app.connect("config-inited", _add_assets)


def _add_markup(app: Sphinx) -> None:
    app.add_node(resources.resource_block)
    for name, directive in resources.RESOURCE_DIRECTIVES.items():
        app.add_directive(name, directive)
    app.add_directive("tags", tags.TagsDirective)
    app.add_node(listings.taglist)
    app.add_directive("taglist", listings.TagListDirective)
    app.add_directive("conferencelist", listings.ConferenceListDirective)
    app.add_directive("mermaid", DiagramDirective, override=True)
    app.add_node(mermaid, override=True, html=(diagrams.visit_diagram, None))


def _add_assets(app: Sphinx, config: Config) -> None:
    """Ship our stylesheet and sidebar template with the extension itself."""
    # New lists: the defaults are shared between Sphinx applications.
    config.templates_path = _with(config.templates_path, str(_HERE / "templates"))
    config.html_static_path = _with(config.html_static_path, str(_HERE / "static"))


def _with(paths: list[str], path: str) -> list[str]:
    return paths if path in paths else [*paths, path]


def _fingerprint_code(app: Sphinx, config: Config) -> None:
    """Tie the environment to this package's code, so editing it re-reads every page.

    Sphinx keeps doctrees across builds; without this, a change to a directive would
    not show until a clean build (``nox -s serve`` watches ``_ext/`` for exactly this).
    """
    digest = hashlib.sha256()
    for path in sorted(_HERE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".html", ".css"}:
            digest.update(path.relative_to(_HERE).as_posix().encode())
            digest.update(path.read_bytes())
    config.talknotes_code_fingerprint = digest.hexdigest()
