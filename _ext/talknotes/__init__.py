"""talknotes: Sphinx extensions for conference talk notes written in MyST Markdown.

One module per concern:

- ``urls``: the URL rules (http/https only, canonical YouTube links);
- ``frontmatter``: decoding and checking talk and conference front matter;
- ``site``: per-page facts in the environment and the conference/day/talk structure;
- ``resources``: the ``{video}``, ``{slides}`` and ``{demo}`` button directives;
- ``byline``: speakers, time and room under a talk's title;
- ``generated``: virtual pages rendered by the build and listed in the sidebar;
- ``pending``: the pending-material page.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import byline, resources, site
from .generated import connect_generated_pages
from .pending import PENDING_PAGE

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"
_HERE = Path(__file__).parent


def _add_assets(app: Sphinx, config: Config) -> None:
    """Ship our stylesheet and sidebar template with the extension itself."""
    config.templates_path.append(str(_HERE / "templates"))
    config.html_static_path.append(str(_HERE / "static"))


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("sphinx_design")
    app.add_domain(site.TalkNotesDomain)
    app.add_node(resources.resource_block)
    for name, directive in resources.RESOURCE_DIRECTIVES.items():
        app.add_directive(name, directive)
    app.connect("doctree-read", site.collect_page_facts)
    app.connect("doctree-read", byline.add_byline)
    connect_generated_pages(app, [PENDING_PAGE])
    app.connect("config-inited", _add_assets)
    app.add_css_file("talknotes.css")
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
