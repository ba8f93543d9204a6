"""sphinx-tags' names and settings, so a sphinx-tags site switches without editing a page.

sphinx-tags writes a page per tag and an overview into the source folder
(``_tags/``) and links them by label. Our pages are generated instead, so:

- the toctree entry ``<tags_output_dir>/tagsindex`` is a virtual document name
  (as Sphinx's own ``genindex``) that leads to our topics overview;
- ``{ref}`sphx_tag_<name>``` and ``{ref}`tagoverview``` resolve to our pages;
- its settings are accepted; the titles, intro text and badge colours are
  honoured where they are set (``pages/topics.py``, ``reading/badges.py``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sphinx import addnodes
from sphinx.domains.std import StandardDomain
from sphinx.errors import NoUri

from ..model import build_state
from ..rules.pagenames import TOPICS, tag_page
from .topics import overview_title

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

__all__ = [
    "SETTINGS",
    "add_virtual_names",
    "drop_virtual_includes",
    "forget_virtual_names",
    "keep_label_text",
    "register_labels",
    "sphinx_tags_name",
]

#: sphinx-tags' settings; None (the default) means ours
SETTINGS = (
    "tags_create_tags",
    "tags_output_dir",
    "tags_overview_title",
    "tags_intro_text",
    "tags_page_title",
    "tags_page_header",
    "tags_index_head",
    "tags_create_badges",
    "tags_badge_colors",
    "tags_extension",
)
_OUTPUT_DIR = "_tags"
_LABEL_PREFIX = "sphx_tag_"
_OVERVIEW_LABEL = "tagoverview"


def sphinx_tags_name(tag: str) -> str:
    """A tag's name in sphinx-tags' file names and labels (``Tag 3`` -> ``tag-3``)."""
    return re.sub(r"[\s\W]+", "-", tag).lower().strip("-")


def _overview_name(config: Config) -> str:
    return f"{(config.tags_output_dir or _OUTPUT_DIR).strip('/')}/tagsindex"


def add_virtual_names(app: Sphinx, config: Config) -> None:
    """Let toctrees name sphinx-tags' overview: it leads to ours."""
    names: Any = StandardDomain._virtual_doc_names  # a class-wide table, as for genindex
    names[_overview_name(config)] = (TOPICS, overview_title(config))


def drop_virtual_includes(app: Sphinx, doctree: nodes.document) -> None:
    """A toctree entry with a virtual name links a page; it includes no document.

    Sphinx notes it as an included file all the same, and the builders that put
    every document into one (singlehtml, LaTeX) then look for its source. Runs
    before Sphinx's own collectors read the toctrees.
    """
    for toctree in doctree.findall(addnodes.toctree):
        virtual = StandardDomain._virtual_doc_names
        toctree["includefiles"] = [name for name in toctree["includefiles"] if name not in virtual]


def forget_virtual_names(app: Sphinx, exception: Exception | None) -> None:
    """After the build: leave Sphinx's table as it was, for other builds in this process."""
    names: Any = StandardDomain._virtual_doc_names
    names.pop(_overview_name(app.config), None)


def register_labels(app: Sphinx, env: BuildEnvironment) -> None:
    """After reading: sphinx-tags' labels name our pages, for ``{ref}`` and Markdown links.

    On a web-site builder they join the standard domain's labels (so Sphinx resolves
    them, and the inventory lists them); elsewhere `keep_label_text` keeps their text.
    """
    state = build_state(env)
    labels = {_OVERVIEW_LABEL: (TOPICS, overview_title(app.config))}
    for tag in state.vocabulary.tags.values():
        for name in (tag.key, tag.title, *tag.aliases):
            labels.setdefault(
                _LABEL_PREFIX + sphinx_tags_name(name), (tag_page(tag.key), tag.title)
            )
    state.labels = labels
    std = env.domains.standard_domain
    written = set(env.all_docs)
    for name in [name for name, (docname, *_) in std.labels.items() if docname not in written]:
        del std.labels[name]  # of the last build's generated pages
        std.anonlabels.pop(name, None)
    if state.renders_pages:
        for name, (page, title) in labels.items():
            if name not in std.labels:  # a label of the notes themselves comes first
                std.labels[name] = (page, "", title)
                std.anonlabels[name] = (page, "")


def keep_label_text(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.Element
) -> nodes.Element | None:
    """A builder that writes no topic pages keeps the text of a ``{ref}`` to one."""
    if node.get("reftype") == "ref" and node.get("reftarget") in build_state(env).labels:
        raise NoUri(node["reftarget"])
    return None
