"""talknotes: a Sphinx extension for conference talk notes written in MyST Markdown.

The package is layered; each layer imports only the ones above it in this list:

- ``rules``: the authoring format's rules, without Sphinx (the tools import them too);
- ``model``: what the build keeps per page (the domain) and derives per build (the site);
- ``reading``: directives and collectors that run while Sphinx reads a page;
- ``pages``: the pages the build generates (topics, speakers, pending, to-dos);
- ``outputs``: what the HTML builder writes besides pages (sidebar, feeds, sitemap, diagrams);
- ``speed``: what keeps rebuilds small (which pages to rewrite, serial small reads).

``extension.setup`` registers them all with Sphinx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    """Sphinx's entry point; imported here lazily so ``talknotes.rules`` loads without Sphinx."""
    from .extension import setup as register  # noqa: PLC0415 (keeps the rules Sphinx-free)

    return register(app)
