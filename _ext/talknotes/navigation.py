"""The sidebar navigation, computed once per build instead of once per page.

Furo renders the whole site's toctree into every page and parses it again for its
expanders, so build time grows with the square of the site and every page carries
every other page's link. We hand Furo a pruned tree instead: every top-level entry
(conferences, about pages) with its children (a conference's days), and below that
only the branch that leads to the current page (the current day's talks). Furo then
adds its expanders, current-page highlight and keyboard behaviour as usual.

Because a page now shows its siblings, adding, removing or renaming a talk must
rewrite the pages that list it: after reading, each list's signature is compared
with the last build's and the pages that show a changed list are rebuilt.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sphinx import addnodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .site import TalkNotesDomain

__all__ = [
    "NavigationTree",
    "add_navigation",
    "changed_navigation",
    "label_toctree_captions",
    "skip_theme_navigation",
]

#: entries down to this level show their children on every page
_ALWAYS_EXPANDED = 1


@dataclass
class NavigationTree:
    """The site's toctree structure: root captions, children, parents and titles."""

    root: str
    sections: list[tuple[str | None, list[tuple[str | None, str]]]]
    children: dict[str, list[tuple[str | None, str]]] = field(default_factory=dict)
    parent: dict[str, str] = field(default_factory=dict)
    level: dict[str, int] = field(default_factory=dict)
    #: what each list shows (children and their titles), to see what changed
    lists: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)

    @classmethod
    def from_env(cls, env: BuildEnvironment) -> NavigationTree:
        root = env.config.root_doc
        sections = []
        if root in env.all_docs:
            for toctree in env.get_doctree(root).findall(addnodes.toctree):
                sections.append((toctree.get("caption"), list(toctree["entries"])))
        tree = cls(root, sections)
        for docname, included in env.toctree_includes.items():
            tree.children[docname] = [(None, child) for child in included]
        pending = [(entry, 1) for _, entries in sections for _, entry in entries]
        while pending:
            docname, level = pending.pop()
            if docname in tree.level:
                continue
            tree.level[docname] = level
            for _, child in tree.children.get(docname, ()):
                tree.parent.setdefault(child, docname)
                pending.append((child, level + 1))
        tree.lists = {
            docname: tuple((child, _title(env, title, child)) for title, child in children)
            for docname, children in tree.children.items()
            if docname in tree.level or docname == tree.root
        }
        return tree

    def path_to(self, docname: str) -> set[str]:
        """The page and its ancestors in the navigation."""
        path = set()
        while docname in self.level and docname not in path:
            path.add(docname)
            docname = self.parent.get(docname, "")
        return path

    def shown_everywhere(self, env: BuildEnvironment) -> object:
        """What every page's sidebar shows (top levels), to see when all must change."""
        return (
            [
                (caption, [_title(env, title, ref) for title, ref in entries])
                for caption, entries in self.sections
            ],
            sorted(
                (docname, signature)
                for docname, signature in self.lists.items()
                if self.level.get(docname, 0) <= _ALWAYS_EXPANDED
            ),
        )

    def render(self, env: BuildEnvironment, builder: Builder, pagename: str) -> str:
        """The sidebar for ``pagename``: the pruned tree in Furo's markup."""
        page = _PageNavigation(self, env, builder, pagename, self.path_to(pagename))
        parts = []
        for caption, entries in self.sections:
            if caption:
                parts.append(
                    '<p class="caption" role="heading" aria-level="2"><span class="caption-text">'
                    f"{html.escape(caption)}</span></p>"
                )
            parts.append(page.list(entries, 1))
        return "\n".join(parts)

    def showing(self, docname: str, everything: set[str]) -> set[str]:
        """The pages whose sidebar shows ``docname``'s list of children."""
        if docname == self.root or self.level.get(docname, 0) <= _ALWAYS_EXPANDED:
            return everything
        shown = {docname}
        stack = [child for _, child in self.children.get(docname, ())]
        while stack:
            child = stack.pop()
            if child not in shown:
                shown.add(child)
                stack += [grandchild for _, grandchild in self.children.get(child, ())]
        return shown


_EXPANDER = '<span class="icon"><svg><use href="#svg-arrow-right"></use></svg></span>'


@dataclass
class _PageNavigation:
    """Renders the tree as seen from one page, in the markup Furo's sidebar uses.

    Furo turns Sphinx's toctree HTML into its sidebar by parsing it and adding a
    checkbox and an expander label to every item with children; writing that
    markup directly spares a parse of every page's tree.
    """

    tree: NavigationTree
    env: BuildEnvironment
    builder: Builder
    pagename: str
    path: set[str]
    checkboxes: int = 0

    def list(self, entries: list[tuple[str | None, str]], level: int) -> str:
        items = [self.item(title, ref, level) for title, ref in entries]
        current = any(ref in self.path for _, ref in entries)
        return ('<ul class="current">' if current else "<ul>") + "".join(items) + "</ul>"

    def item(self, title: str | None, ref: str, level: int) -> str:
        text = html.escape(_title(self.env, title, ref), quote=False)
        if "://" in ref:
            return (
                f'<li class="toctree-l{level}"><a class="reference external" '
                f'href="{_attribute(ref)}">{text}</a></li>'
            )
        current = ref in self.path
        classes = [f"toctree-l{level}"] + (["current"] if current else [])
        if ref == self.pagename:
            link = f'<a class="current reference internal" href="#">{text}</a>'
        else:
            href = _attribute(self.builder.get_relative_uri(self.pagename, ref))
            link = f'<a class="reference internal" href="{href}">{text}</a>'
        # Furo highlights the deepest current item: the page itself.
        highlight = ["current-page"] if ref == self.pagename else []
        children = self.tree.children.get(ref)
        if not children or not (current or level <= _ALWAYS_EXPANDED):
            return f'<li class="{" ".join(classes + highlight)}">{link}</li>'
        self.checkboxes += 1  # numbered in document order, parents first, as Furo does
        name = f"toctree-checkbox-{self.checkboxes}"
        nested = self.list(children, level + 1)
        checked = ' checked=""' if current else ""
        checkbox = (
            f'<input aria-label="Toggle navigation of {_attribute(text)}"{checked} '
            f'class="toctree-checkbox" id="{name}" name="{name}" role="switch" type="checkbox"/>'
        )
        label = f'<label for="{name}">{_EXPANDER}</label>'
        classes = [*classes, "has-children", *highlight]
        return f'<li class="{" ".join(classes)}">{link}{checkbox}{label}{nested}</li>'


def _attribute(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;")


def _title(env: BuildEnvironment, explicit: str | None, docname: str) -> str:
    if explicit:
        return explicit
    title = env.titles.get(docname)
    return title.astext() if title is not None else docname


def changed_navigation(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: the pages to rewrite because a list in their sidebar changed."""
    domain: TalkNotesDomain = env.domains["talknotes"]
    tree = NavigationTree.from_env(env)
    domain.navigation = tree
    before: dict[str, Any] = domain.data.setdefault("navigation", {})
    after = tree.lists
    domain.data["navigation"] = after
    everything = set(env.all_docs)
    rewrite: set[str] = set()
    for docname in sorted(set(before) | set(after)):
        if before.get(docname) != after.get(docname):
            rewrite |= tree.showing(docname, everything)
            if rewrite >= everything:
                break
    return sorted(rewrite & everything)


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
    if app.env.domains["talknotes"].navigation is not None and "toctree" in context:
        context["toctree"] = lambda **_options: ""


def add_navigation(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """After the theme's handler: give the sidebar our pruned tree."""
    tree = app.env.domains["talknotes"].navigation
    if tree is not None:
        context["furo_navigation_tree"] = tree.render(app.env, app.builder, pagename)
