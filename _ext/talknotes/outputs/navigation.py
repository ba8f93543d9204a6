"""The sidebar, rendered for each page from the tree computed once per build.

Furo renders the whole site's toctree into every page and parses it again for its
expanders, so build time grows with the square of the site and every page carries
every other page's link. We hand Furo a pruned tree instead: every top-level entry
(conferences, about pages) with its children (a conference's days), and below that
only the branch that leads to the current page (the current day's talks). Furo then
adds its expanders, current-page highlight and keyboard behaviour as usual.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model import build_state
from ..model.navigation import ALWAYS_EXPANDED, entry_title

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from ..model.navigation import Entry, NavigationTree

__all__ = [
    "add_navigation",
    "label_toctree_captions",
    "render_navigation",
    "skip_theme_navigation",
]


def render_navigation(
    tree: NavigationTree, env: BuildEnvironment, builder: Builder, pagename: str
) -> str:
    """The sidebar for ``pagename``: the pruned tree in Furo's markup."""
    page = _PageNavigation(tree, env, builder, pagename, tree.path_to(pagename))
    parts = []
    for caption, entries in tree.sections:
        if caption:
            parts.append(
                '<p class="caption" role="heading" aria-level="2"><span class="caption-text">'
                f"{html.escape(caption)}</span></p>"
            )
        parts.append(page.list(entries, 1))
    return "\n".join(parts)


_EXPANDER = '<span class="icon"><svg><use href="#svg-arrow-right"></use></svg></span>'


@dataclass
class _PageNavigation:
    """Renders the tree as seen from one page, in the markup Furo's sidebar uses.

    Furo turns Sphinx's toctree HTML into its sidebar by parsing it and adding a
    checkbox and an expander label to every item with children; writing that
    markup directly spares a parse of every page's tree. Links carry only the
    ``reference`` class Furo styles (not Sphinx's ``internal``): every page lists
    every conference, so each byte of an entry is paid a hundred times per page.
    """

    tree: NavigationTree
    env: BuildEnvironment
    builder: Builder
    pagename: str
    path: set[str]
    checkboxes: int = 0

    def list(self, entries: list[Entry], level: int) -> str:
        items = [self.item(title, ref, level) for title, ref in entries]
        current = any(ref in self.path for _, ref in entries)
        return ('<ul class="current">' if current else "<ul>") + "".join(items) + "</ul>"

    def item(self, title: str | None, ref: str, level: int) -> str:
        raw = entry_title(self.env, title, ref)
        text = html.escape(raw, quote=False)
        if "://" in ref:
            return (
                f'<li class="toctree-l{level}"><a class="reference external" '
                f'href="{_attribute(ref)}">{text}</a></li>'
            )
        current = ref in self.path
        classes = [f"toctree-l{level}"] + (["current"] if current else [])
        if ref == self.pagename:
            link = f'<a class="current reference" href="#">{text}</a>'
        else:
            href = _attribute(self.builder.get_relative_uri(self.pagename, ref))
            link = f'<a class="reference" href="{href}">{text}</a>'
        # Furo highlights the deepest current item: the page itself.
        highlight = ["current-page"] if ref == self.pagename else []
        children = self.tree.children.get(ref)
        if not children or not (current or level <= ALWAYS_EXPANDED):
            return f'<li class="{" ".join(classes + highlight)}">{link}</li>'
        self.checkboxes += 1  # numbered in document order, parents first, as Furo does
        name = f"toctree-checkbox-{self.checkboxes}"
        nested = self.list(children, level + 1)
        checked = ' checked=""' if current else ""
        checkbox = (
            f'<input aria-label="Toggle navigation of {html.escape(raw)}"{checked} '
            f'class="toctree-checkbox" id="{name}" name="{name}" role="switch" type="checkbox"/>'
        )
        label = f'<label for="{name}">{_EXPANDER}</label>'
        classes = [*classes, "has-children", *highlight]
        return f'<li class="{" ".join(classes)}">{link}{checkbox}{label}{nested}</li>'


def _attribute(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;")


_CAPTION = '<p class="caption" role="heading">'


def label_toctree_captions(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Give the captions of toctrees in a page body the heading level ARIA requires.

    Sphinx writes ``role="heading"`` without ``aria-level``, which screen readers
    cannot place in the page outline (axe: aria-required-attr, critical).
    """
    body = context.get("body")
    if body and _CAPTION in body:
        context["body"] = body.replace(_CAPTION, _CAPTION[:-1] + ' aria-level="2">')


def skip_theme_navigation(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Before the theme's handler: leave it no site-wide toctree to render and parse."""
    if build_state(app.env).navigation is not None and "toctree" in context:
        context["toctree"] = lambda **_options: ""


def add_navigation(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """After the theme's handler: give the sidebar our pruned tree."""
    tree = build_state(app.env).navigation
    if tree is not None:
        context["furo_navigation_tree"] = render_navigation(tree, app.env, app.builder, pagename)
