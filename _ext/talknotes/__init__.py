"""talknotes: Sphinx extensions for conference talk notes written in MyST Markdown.

One module per concern:

- ``urls``: the URL rules (http/https only, canonical YouTube links);
- ``frontmatter``: decoding and checking talk and conference front matter;
- ``site``: per-page facts in the environment and the conference/day/talk structure;
- ``resources``: the ``{video}``, ``{slides}`` and ``{demo}`` button directives;
- ``byline``: speakers, time and room under a talk's title;
- ``vocabulary``: the tag vocabulary file (``tags.yml``) and tag matching;
- ``tags``: tags of a page resolved while reading, badges, the ``{tags}`` directive;
- ``generated``: virtual pages rendered by the build and listed in the sidebar;
- ``listings``: talk lists and tables shared by generated pages and ``{taglist}``;
- ``pending``: the pending-material page;
- ``todos``: the open to-dos page;
- ``tagpages``: the topic overview, one page and one Atom feed per tag, JSON export;
- ``speakers``: the speaker index and a page per speaker, across conferences;
- ``taglist``: listings inside a page: ``{taglist}`` and ``{conferencelist}``;
- ``diagrams``: Mermaid diagrams drawn at build time, light and dark, cached;
- ``navigation``: a sidebar computed once per build, pruned to the current branch;
- ``assets``: one stylesheet and one script bundle per page;
- ``incremental``: small rebuilds read serially, even with ``-j``;
- ``sharing``: link-preview meta tags, ``sitemap.xml`` and ``robots.txt``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from sphinxcontrib.mermaid import mermaid

from . import (
    assets,
    byline,
    diagrams,
    incremental,
    navigation,
    resources,
    sharing,
    site,
    speakers,
    tagpages,
    tags,
    todos,
)
from .generated import connect_generated_pages
from .pending import PENDING, pending_pages
from .taglist import (
    ConferenceListDirective,
    TagListDirective,
    changed_listings,
    render_taglists,
    taglist,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"
_HERE = Path(__file__).parent


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


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("sphinx_design")
    app.setup_extension("sphinxcontrib.mermaid")
    app.setup_extension("sphinx.ext.todo")
    app.add_config_value("talknotes_code_fingerprint", "", "env", types=frozenset({str}))
    app.add_config_value("talknotes_tags_file", "tags.yml", "env", types=frozenset({str}))
    app.add_config_value("talknotes_diagram_cache", "", "", types=frozenset({str}))
    app.add_config_value("talknotes_serial_read_below", 40, "", types=frozenset({int}))
    app.connect("config-inited", _fingerprint_code)
    app.connect("config-inited", _add_assets)
    app.add_domain(site.TalkNotesDomain)

    app.add_node(resources.resource_block)
    for name, directive in resources.RESOURCE_DIRECTIVES.items():
        app.add_directive(name, directive)
    app.add_directive("tags", tags.TagsDirective)
    app.add_node(taglist)
    app.add_directive("taglist", TagListDirective)
    app.add_directive("conferencelist", ConferenceListDirective)
    app.add_directive("mermaid", diagrams.DiagramDirective, override=True)
    app.add_node(mermaid, override=True, html=(diagrams.visit_diagram, None))

    app.connect("builder-inited", tags.load_tag_vocabulary)
    app.connect("env-before-read-docs", incremental.read_few_pages_serially)
    app.connect("env-updated", incremental.restore_parallel_jobs)
    app.connect("doctree-read", site.collect_page_facts)
    app.connect("doctree-read", tags.resolve_page_tags)
    app.connect("doctree-read", byline.add_byline)
    app.connect("doctree-read", diagrams.collect_diagrams)
    app.connect("env-updated", diagrams.draw_diagrams)
    app.connect("html-page-context", diagrams.add_diagram_stylesheet)
    app.connect("env-get-updated", changed_listings)
    app.connect("env-get-updated", navigation.changed_navigation)
    # Around the theme's own handler (priority 500), which renders the toctree.
    app.connect("html-page-context", navigation.skip_theme_navigation, priority=400)
    app.connect("html-page-context", navigation.add_navigation, priority=600)
    app.connect("html-page-context", navigation.label_toctree_captions)
    app.connect("env-check-consistency", tags.check_talks_have_tags)
    app.connect("doctree-resolved", render_taglists)

    connect_generated_pages(
        app,
        [pending_pages, tagpages.tag_pages, speakers.speaker_pages, todos.todo_pages],
        sidebar=[tagpages.TOPICS, speakers.SPEAKERS, PENDING, todos.TODOS],
    )
    app.connect("html-page-context", tagpages.add_site_feed_link)
    app.connect("html-page-context", sharing.add_sharing_meta)
    app.connect("build-finished", sharing.write_sitemap_and_robots)
    # Last: after every extension and the theme have added their files.
    app.connect("html-page-context", assets.bundle_page_assets, priority=900)
    app.connect("build-finished", tagpages.write_feeds_and_json)
    app.add_css_file("talknotes.css")
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
