"""A page that comes or goes makes Sphinx read again only the globs it can change.

When a page is added or removed, Sphinx reads again every page with a ``:glob:``
toctree. Each day page lists its talks with one, so adding a talk read every day
page of the site again and wrote it: 50 pages at 1000 talks, 500 at 10,000. What
a glob lists depends only on which pages exist, so a page needs reading only when
one of its patterns matches a page that came or went.

The toctree directive here is Sphinx's own that also records its page's patterns
(in the domain, purged and merged with the page). When pages come or go, the
globbing pages none of whose patterns match them are set aside from Sphinx's list
of globbing pages before Sphinx applies its rule, and put back before reading. A
page whose patterns are unknown is read as Sphinx would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.directives.other import TocTree, glob_re
from sphinx.util import docname_join, url_re
from sphinx.util.matching import patfilter
from sphinx.util.nodes import explicit_title_re

from ..model import build_state, talknotes_domain

if TYPE_CHECKING:
    from sphinx import addnodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["PatternRecordingTocTree", "put_back_globs", "set_aside_unchanged_globs"]


class PatternRecordingTocTree(TocTree):
    """Sphinx's toctree, which also records its glob patterns for the next build."""

    def parse_content(self, toctree: addnodes.toctree) -> None:
        super().parse_content(toctree)
        if not toctree["glob"]:
            return
        docname = self.env.docname
        # The entries Sphinx itself expands as patterns (see TocTree.parse_content).
        patterns = tuple(
            docname_join(docname, entry)
            for entry in self.content
            if entry
            and glob_re.match(entry)
            and not explicit_title_re.match(entry)
            and not url_re.match(entry)
        )
        recorded = talknotes_domain(self.env).glob_patterns
        recorded[docname] = recorded.get(docname, ()) + patterns


def set_aside_unchanged_globs(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Before Sphinx's rule: keep out the globbing pages nothing that came or went matches."""
    came_or_went = sorted(added | removed)
    if not came_or_went:
        return []
    patterns = talknotes_domain(env).glob_patterns
    unchanged = {
        docname
        for docname in env.glob_toctrees
        if docname in patterns
        and docname not in removed
        and not any(patfilter(came_or_went, pattern) for pattern in patterns[docname])
    }
    env.glob_toctrees -= unchanged
    build_state(env).globs_set_aside = unchanged
    return []


def put_back_globs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """After Sphinx's rule, before reading: the set-aside pages still glob."""
    state = build_state(env)
    env.glob_toctrees |= state.globs_set_aside
    state.globs_set_aside = set()
