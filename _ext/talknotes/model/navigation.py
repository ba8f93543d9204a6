"""The site's toctree structure for the sidebar, computed once per build.

Furo renders the whole site's toctree into every page and parses it again for its
expanders, so build time grows with the square of the site. The tree here is
computed once after reading; ``outputs.navigation`` renders it pruned for each
page, and ``speed.rewrites`` compares its lists with the last build's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sphinx import addnodes
from sphinx.domains.std import StandardDomain

from .site import page_title

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

__all__ = ["ALWAYS_EXPANDED", "Entry", "ListSignature", "NavigationTree", "entry_title"]

#: entries down to this level show their children on every page: the root's lists only,
#: so every page lists the conferences but only its own conference's days (a site of a
#: hundred conferences would otherwise carry a thousand day links on every page)
ALWAYS_EXPANDED = 0
#: a toctree entry: its explicit title (or None) and its docname or URL
Entry = tuple[str | None, str]
#: what one list shows: each child with its title
ListSignature = tuple[tuple[str, str], ...]


@dataclass
class NavigationTree:
    """The site's toctree structure: root captions, children, parents and titles."""

    root: str
    sections: list[tuple[str | None, list[Entry]]]
    children: dict[str, list[Entry]] = field(default_factory=dict)
    parent: dict[str, str] = field(default_factory=dict)
    level: dict[str, int] = field(default_factory=dict)
    #: what each list shows (children and their titles), to see what changed
    lists: dict[str, ListSignature] = field(default_factory=dict)
    #: sidebar items as ``outputs.navigation`` rendered them, by folder: this build's only
    rendered: dict[tuple[str, str | None, str, int], str] = field(
        default_factory=dict, repr=False, compare=False
    )

    @classmethod
    def from_env(cls, env: BuildEnvironment) -> NavigationTree:
        root = env.config.root_doc
        sections = []
        if root in env.all_docs:
            for toctree in env.get_doctree(root).findall(addnodes.toctree):
                entries = [_real(entry) for entry in toctree["entries"]]
                sections.append((toctree.get("caption"), entries))
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
            docname: tuple((child, entry_title(env, title, child)) for title, child in children)
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
                (caption, [entry_title(env, title, ref) for title, ref in entries])
                for caption, entries in self.sections
            ],
            sorted(
                (docname, signature)
                for docname, signature in self.lists.items()
                if self.level.get(docname, 0) <= ALWAYS_EXPANDED
            ),
        )

    def showing(self, docname: str, everything: set[str]) -> set[str]:
        """The pages whose sidebar shows ``docname``'s list of children."""
        if docname == self.root or self.level.get(docname, 0) <= ALWAYS_EXPANDED:
            return everything
        shown = {docname}
        stack = [child for _, child in self.children.get(docname, ())]
        while stack:
            child = stack.pop()
            if child not in shown:
                shown.add(child)
                stack += [grandchild for _, grandchild in self.children.get(child, ())]
        return shown


def _real(entry: Entry) -> Entry:
    """A toctree entry with a virtual name (``genindex``, sphinx-tags' overview) as the page
    it stands for, titled as Sphinx would title it."""
    title, ref = entry
    virtual: Any = StandardDomain._virtual_doc_names.get(ref)
    if virtual is None:
        return entry
    target, name = virtual
    return title or str(name), target


def entry_title(env: BuildEnvironment, explicit: str | None, docname: str) -> str:
    """A toctree entry's title: the one written in the toctree, else the page's."""
    return explicit or page_title(env, docname)
