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

__all__ = ["NavigationTree", "changed_navigation", "use_pruned_navigation"]

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
        return tree

    def path_to(self, docname: str) -> set[str]:
        """The page and its ancestors in the navigation."""
        path = set()
        while docname in self.level and docname not in path:
            path.add(docname)
            docname = self.parent.get(docname, "")
        return path

    def signatures(self, env: BuildEnvironment) -> dict[str, tuple[tuple[str, str], ...]]:
        """What each list shows (children and their titles), to see what changed."""
        return {
            docname: tuple((child, _title(env, title, child)) for title, child in children)
            for docname, children in self.children.items()
            if docname in self.level or docname == self.root
        }

    def render(self, env: BuildEnvironment, builder: Builder, pagename: str) -> str:
        """The sidebar for ``pagename`` as Sphinx's toctree() HTML, pruned."""
        page = _PageNavigation(self, env, builder, pagename, self.path_to(pagename))
        parts = []
        for caption, entries in self.sections:
            if caption:
                parts.append(
                    '<p class="caption" role="heading"><span class="caption-text">'
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


@dataclass
class _PageNavigation:
    """Renders the tree as seen from one page."""

    tree: NavigationTree
    env: BuildEnvironment
    builder: Builder
    pagename: str
    path: set[str]

    def list(self, entries: list[tuple[str | None, str]], level: int) -> str:
        items = [self.item(title, ref, level) for title, ref in entries]
        current = any(ref in self.path for _, ref in entries)
        return ('<ul class="current">' if current else "<ul>") + "".join(items) + "</ul>"

    def item(self, title: str | None, ref: str, level: int) -> str:
        text = html.escape(_title(self.env, title, ref))
        if "://" in ref:
            return (
                f'<li class="toctree-l{level}"><a class="reference external" '
                f'href="{html.escape(ref)}">{text}</a></li>'
            )
        current = ref in self.path
        classes = f"toctree-l{level}" + (" current" if current else "")
        if ref == self.pagename:
            link = f'<a class="current reference internal" href="#">{text}</a>'
        else:
            href = html.escape(self.builder.get_relative_uri(self.pagename, ref))
            link = f'<a class="reference internal" href="{href}">{text}</a>'
        children = self.tree.children.get(ref)
        nested = ""
        if children and (current or level <= _ALWAYS_EXPANDED):
            nested = self.list(children, level + 1)
        return f'<li class="{classes}">{link}{nested}</li>'


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
    after = tree.signatures(env)
    domain.data["navigation"] = after
    everything = set(env.all_docs)
    rewrite: set[str] = set()
    for docname in sorted(set(before) | set(after)):
        if before.get(docname) != after.get(docname):
            rewrite |= tree.showing(docname, everything)
            if rewrite >= everything:
                break
    return sorted(rewrite & everything)


def use_pruned_navigation(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Give the theme our pruned toctree (runs before Furo's own handler)."""
    domain: TalkNotesDomain = app.env.domains["talknotes"]
    tree = domain.navigation
    if tree is None or "toctree" not in context:
        return
    env, builder = app.env, app.builder
    context["toctree"] = lambda **_options: tree.render(env, builder, pagename)
