"""Registration with Sphinx: configuration, nodes, directives and event handlers, in order.

Each handler lives in its layer; this module only says when it runs. Where two
handlers of one event depend on each other, their order here (or their priority)
is that dependency, and a comment says so.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sphinxcontrib.mermaid import mermaid

from .diagnostics import quiet_known_noise
from .model import TalkNotesDomain
from .outputs import assets, diagrams, feeds, navigation, search, search_index, sharing, sitemap
from .pages import pending, related, speakers, sphinx_tags, todos, topics
from .pages.registry import connect_generated_pages
from .pages.taglists import render_taglists
from .reading import checks, collect, listings, people, resources, tags
from .reading.diagrams import DiagramDirective
from .rules.people import DEFAULT_FILE as PEOPLE_FILE
from .rules.vocabulary import DEFAULT_FILE
from .speed import collector, globs, jobs, rewrites, templates

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
    quiet_known_noise()
    _add_config(app)
    app.add_domain(TalkNotesDomain)
    _add_markup(app)
    _connect_speed(app)

    # Reading: the vocabulary first, then one collector pass per page (reading.collect).
    app.connect("builder-inited", tags.load_tag_vocabulary)
    app.connect("builder-inited", people.load_speakers_file)
    app.connect("env-get-outdated", tags.rereads_for_vocabulary_mode)
    app.connect("env-get-outdated", people.rereads_for_speakers_file)
    app.connect("builder-inited", search.turn_off_sphinx_search)
    app.connect("env-before-read-docs", checks.leave_out_unreadable_pages, priority=400)
    # Before Sphinx's own collectors (priority 500) note the toctrees.
    app.connect("doctree-read", sphinx_tags.drop_virtual_includes, priority=400)
    app.connect("doctree-read", collect.read_page)
    # Before the generated pages are registered (priority 500): they list the free tags.
    app.connect("env-updated", tags.complete_free_tags, priority=400)
    app.connect("env-updated", sphinx_tags.register_labels, priority=450)
    app.connect("env-updated", diagrams.draw_diagrams)
    app.connect("env-check-consistency", tags.check_talks_have_tags)
    app.connect("env-get-updated", search.changed_search_entries)

    # Writing pages.
    app.connect("missing-reference", sphinx_tags.keep_label_text)
    app.connect("doctree-resolved", render_taglists)
    app.connect("doctree-resolved", related.add_related_talks)
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
    app.connect("build-finished", sphinx_tags.forget_virtual_names)
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
    app.add_config_value("talknotes_speakers_file", PEOPLE_FILE, "env", types=frozenset({str}))
    app.add_config_value("talknotes_diagram_cache", "", "", types=frozenset({str}))
    app.add_config_value("talknotes_serial_read_below", 40, "", types=frozenset({int}))
    app.add_config_value("talknotes_search_index_later", False, "", types=frozenset({bool}))
    for name in sphinx_tags.SETTINGS:  # accepted, so a sphinx-tags site builds unchanged
        app.add_config_value(name, None, "env")
    app.connect("config-inited", sphinx_tags.add_virtual_names)
    app.connect("config-inited", _fingerprint_code)
    app.connect("config-inited", _add_assets)
    # After Sphinx turns html_css_files into pairs (priority 800).
    app.connect("config-inited", _settle_html_config, priority=900)
    app.connect("builder-inited", _drop_repeated_static_paths, priority=900)


def _connect_speed(app: Sphinx) -> None:
    """What keeps builds and rebuilds small (``speed/``) and rebuilds as a clean build."""
    app.connect("builder-inited", templates.keep_compiled_templates)
    app.connect("builder-inited", collector.freeze_loaded_environment, priority=900)
    app.connect("env-get-outdated", globs.set_aside_unchanged_globs)
    app.connect("env-before-read-docs", globs.put_back_globs)
    # Last before reading: the list of pages to read is final.
    app.connect("env-before-read-docs", jobs.choose_how_to_read, priority=900)
    app.connect("env-updated", jobs.hand_back_pages_read)
    # After the other handlers of reading's end, whose results stay to the end too.
    app.connect("env-updated", collector.freeze_read_environment, priority=900)
    # After reading: the unchanged pages that show something that changed.
    app.connect("env-get-updated", rewrites.changed_listings)
    app.connect("env-get-updated", rewrites.changed_navigation)
    app.connect("env-get-updated", rewrites.changed_related)
    app.connect("env-get-updated", rewrites.changed_titles)
    app.connect("env-get-updated", rewrites.changed_neighbours)


def _add_markup(app: Sphinx) -> None:
    app.add_node(resources.resource_block)
    for name, directive in resources.RESOURCE_DIRECTIVES.items():
        app.add_directive(name, directive)
    app.add_directive("tags", tags.TagsDirective)
    app.add_node(listings.taglist)
    app.add_directive("taglist", listings.TagListDirective)
    app.add_directive("conferencelist", listings.ConferenceListDirective)
    app.add_directive("mermaid", DiagramDirective, override=True)
    app.add_directive("toctree", globs.PatternRecordingTocTree, override=True)
    app.add_node(mermaid, override=True, html=(diagrams.visit_diagram, None))


def _add_assets(app: Sphinx, config: Config) -> None:
    """Ship our stylesheet and sidebar template with the extension itself."""
    # New lists: the defaults are shared between Sphinx applications.
    config.templates_path = _with(config.templates_path, str(_HERE / "templates"))
    config.html_static_path = _with(config.html_static_path, str(_HERE / "static"))


def _settle_html_config(app: Sphinx, config: Config) -> None:
    """Give the values Sphinx and sphinx-design change when the builder starts their final
    form now, before Sphinx compares them with the last build's: otherwise every build
    reports "the configuration has changed"."""
    for _, attributes in config.html_css_files:
        attributes.setdefault("priority", 800)  # what the HTML builder sets for conf.py's
    if "sphinx_design" in app.extensions:
        static = str(Path(sys.modules["sphinx_design"].__file__ or "").parent / "static")
        config.html_static_path = _with(config.html_static_path, static)


def _drop_repeated_static_paths(app: Sphinx) -> None:
    """sphinx-design appends its static folder again when the builder starts."""
    app.config.html_static_path = list(dict.fromkeys(app.config.html_static_path))


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
