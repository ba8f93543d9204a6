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
    # Relative links depend on the page's folder only (not on its own name).
    folder = builder.get_target_uri(pagename).rpartition("/")[0]
    page = _PageNavigation(tree, env, builder, pagename, tree.path_to(pagename), folder)
    parts = []
    for caption, entries in tree.sections:
        if caption:
            parts.append(
                '<p class="caption" role="heading" aria-level="2"><span class="caption-text">'
                f"{html.escape(caption)}</span></p>"
            )
        parts.append(page.unordered_list(entries, 1))
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
    An item off the page's path is the same on every page of its folder, so it is
    rendered once per folder and build (``NavigationTree.rendered``).
    """

    tree: NavigationTree
    env: BuildEnvironment
    builder: Builder
    pagename: str
    path: set[str]
    folder: str
    checkboxes: int = 0

    def unordered_list(self, entries: list[Entry], level: int) -> str:
        items = [self.item(title, ref, level) for title, ref in entries]
        current = any(ref in self.path for _, ref in entries)
        return ('<ul class="current">' if current else "<ul>") + "".join(items) + "</ul>"

    def item(self, title: str | None, ref: str, level: int) -> str:
        current = ref in self.path or ref == self.pagename
        children = self.tree.children.get(ref)
        if children and (current or level <= ALWAYS_EXPANDED):
            return self._expanded(title, ref, level, current, children)
        if current:
            return self._leaf(title, ref, level)
        key = (self.folder, title, ref, level)
        leaf = self.tree.rendered.get(key)
        if leaf is None:
            leaf = self.tree.rendered[key] = self._leaf(title, ref, level)
        return leaf

    def _leaf(self, title: str | None, ref: str, level: int) -> str:
        text = html.escape(entry_title(self.env, title, ref), quote=False)
        if "://" in ref:
            return (
                f'<li class="toctree-l{level}"><a class="reference external" '
                f'href="{_attribute(ref)}">{text}</a></li>'
            )
        return f'<li class="{" ".join(self._classes(ref, level))}">{self._link(ref, text)}</li>'

    def _expanded(
        self, title: str | None, ref: str, level: int, current: bool, children: list[Entry]
    ) -> str:
        raw = entry_title(self.env, title, ref)
        self.checkboxes += 1  # numbered in document order, parents first, as Furo does
        name = f"toctree-checkbox-{self.checkboxes}"
        nested = self.unordered_list(children, level + 1)
        checked = ' checked=""' if current else ""
        checkbox = (
            f'<input aria-label="Toggle navigation of {html.escape(raw)}"{checked} '
            f'class="toctree-checkbox" id="{name}" name="{name}" role="switch" type="checkbox"/>'
        )
        label = f'<label for="{name}">{_EXPANDER}</label>'
        classes = " ".join(self._classes(ref, level, has_children=True))
        link = self._link(ref, html.escape(raw, quote=False))
        return f'<li class="{classes}">{link}{checkbox}{label}{nested}</li>'

    def _classes(self, ref: str, level: int, *, has_children: bool = False) -> list[str]:
        classes = [f"toctree-l{level}"] + (["current"] if ref in self.path else [])
        classes += ["has-children"] if has_children else []
        # Furo highlights the deepest current item: the page itself.
        return classes + (["current-page"] if ref == self.pagename else [])

    def _link(self, ref: str, text: str) -> str:
        if ref == self.pagename:
            return f'<a class="current reference" href="#">{text}</a>'
        href = _attribute(self.builder.get_relative_uri(self.pagename, ref))
        return f'<a class="reference" href="{href}">{text}</a>'


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
