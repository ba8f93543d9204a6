"""Sphinx configuration of the conference talk notes site.

The pages live in ``docs/``; this file stays at the repository root and the build
points at it with ``sphinx-build -c . docs <output>`` (see ``noxfile.py``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "_ext"))

project = "Conference talk notes"
author = "The talk notes team"
copyright = "2022-2026, the talk notes team"  # noqa: A001 (Sphinx's name)
language = "en"
# The notes have no releases; EPUB requires a version all the same.
version = release = "1"
epub_basename = "conference-talk-notes"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx.ext.todo",
    "notfound.extension",
    "talknotes",
]

# Talk pages are Markdown; keep Sphinx from reading anything else in docs/.
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "**/_build", ".DS_Store"]
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist", "attrs_inline"]
myst_heading_anchors = 3
# ```mermaid fences (as GitHub renders them) are diagrams, drawn at build time.
myst_fence_as_directive = ["mermaid"]
mermaid_output_format = "svg"  # no Mermaid JavaScript, no CDN: talknotes draws SVG
talknotes_diagram_cache = str(ROOT / "_build" / ".diagram-cache")
todo_include_todos = True
suppress_warnings: list[str] = []

# -- HTML ---------------------------------------------------------------------
html_theme = "furo"
html_title = "Conference talk notes"
html_static_path = [str(ROOT / "_static")]
html_css_files = ["site.css"]
html_favicon = str(ROOT / "_static" / "favicon.svg")
html_last_updated_fmt = None
html_copy_source = True
html_use_index = False  # notes carry no index entries: an empty genindex.html helps nobody
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")

# The 404 page links with absolute paths, so it works at any depth of a missing URL.
notfound_urls_prefix = urlsplit(html_baseurl).path or "/"
notfound_context = {
    "title": "Page not found",
    "body": (
        "<h1>Page not found</h1>"
        "<p>There are no notes at this address. Perhaps the talk moved to another day.</p>"
        "<p>Try the search, the <a href='{prefix}index.html'>list of conferences</a> or the "
        "<a href='{prefix}tags/index.html'>topics</a>.</p>"
    ).format(prefix=urlsplit(html_baseurl).path or "/"),
}
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "talknotes/sidebar-pages.html",
        "sidebar/scroll-end.html",
    ]
}


def _repository() -> dict[str, str]:
    """Furo's "edit this page" link, from Read the Docs' view of the repository.

    Local builds have no known remote, so they keep the "view source" link instead.
    """
    clone_url = os.environ.get("READTHEDOCS_GIT_CLONE_URL", "")
    if not clone_url.startswith("https://"):
        return {}
    return {
        "source_repository": clone_url.removesuffix(".git") + "/",
        "source_branch": os.environ.get("READTHEDOCS_GIT_IDENTIFIER", "main"),
        "source_directory": "docs/",
    }


html_theme_options = {
    "navigation_with_keys": True,
    **_repository(),
}
