"""Which unchanged pages must be written again because what they show of others changed.

Sphinx rewrites the pages it re-read, and the pages whose toctree includes them.
A page that shows other pages (its sidebar lists its siblings; a ``{taglist}``
lists talks; a toctree without a depth limit shows titles several levels down;
its previous and next links name its neighbours) must also be rewritten when
those change, and only then: after reading, what
each list and listing shows is compared with what it showed in the last build.
Related talks are ranked again only when something they are ranked by changed
(``model.related.ranked_from``).
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from ..model import build_state, talknotes_domain
from ..model.navigation import NavigationTree
from ..model.related import RankedRelated, ranked_from
from ..pages.taglists import shown

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = [
    "changed_listings",
    "changed_navigation",
    "changed_neighbours",
    "changed_related",
    "changed_titles",
]


def changed_listings(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: the pages whose listings now show something else."""
    domain = talknotes_domain(env)
    before = dict(domain.listings_shown)
    after = {
        docname: repr([shown(env, listing) for listing in record.listings])
        for docname, record in sorted(domain.pages.items())
        if record.listings
    }
    domain.listings_shown.clear()
    domain.listings_shown.update(after)
    return [docname for docname, listing in after.items() if before.get(docname) != listing]


def changed_related(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: the talks whose related talks now read otherwise."""
    domain = talknotes_domain(env)
    site, last = domain.site, domain.related_ranked
    inputs = ranked_from(site, env.config.talknotes_code_fingerprint)
    if last is not None and last.inputs == inputs:
        site.reuse_related(last.names)
    names = {
        docname: tuple(talk.docname for talk in talks) for docname, talks in site.related.items()
    }
    domain.related_ranked = RankedRelated(inputs, names)
    before = dict(domain.related_shown)
    after = {
        docname: tuple(talk.digest for talk in related)
        for docname, related in sorted(site.related.items())
    }
    domain.related_shown.clear()
    domain.related_shown.update(after)
    changed = {name for name in set(before) | set(after) if before.get(name) != after.get(name)}
    return sorted(changed & env.all_docs.keys())  # a removed talk has nothing to rewrite


def changed_navigation(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: compute the sidebar's tree; the pages whose sidebar lists changed."""
    domain = talknotes_domain(env)
    tree = build_state(env).navigation = NavigationTree.from_env(env)
    before = dict(domain.navigation_shown)
    after = tree.lists
    domain.navigation_shown.clear()
    domain.navigation_shown.update(after)
    everything = set(env.all_docs)
    rewrite: set[str] = set()
    for docname in sorted(set(before) | set(after)):
        if before.get(docname) != after.get(docname):
            rewrite |= tree.showing(docname, everything)
            if rewrite >= everything:
                break
    return sorted(rewrite & everything)


def changed_titles(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: every toctree ancestor of a page whose title changed, came or went.

    Sphinx rewrites only the page whose toctree names the changed page; one higher
    up whose toctree shows it too (the home page lists conferences, their days and
    talks) kept the old title until a clean build.
    """
    domain = talknotes_domain(env)
    before = dict(domain.titles_shown)
    after = {docname: title.astext() for docname, title in env.titles.items()}
    domain.titles_shown.clear()
    domain.titles_shown.update(after)
    changed = [name for name in set(before) | set(after) if before.get(name) != after.get(name)]
    if not before or not changed:
        return []
    rewrite: set[str] = set()
    waiting = list(changed)
    while waiting:  # files_to_rebuild: Sphinx's map of a page to the pages whose toctree has it
        for parent in env.files_to_rebuild.get(waiting.pop(), ()):
            if parent not in rewrite:
                rewrite.add(parent)
                waiting.append(parent)
    return sorted(rewrite & env.all_docs.keys())


def changed_neighbours(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: the pages whose previous or next page is another, or retitled.

    A talk added at the end of a conference's last day becomes the previous page of
    the next conference's page, whose source did not change.
    """
    domain = talknotes_domain(env)
    before = dict(domain.neighbours_shown)
    after = {}
    for docname, (_parent, previous, following) in env.collect_relations().items():
        shown = "\0".join(
            f"{name}\0{env.titles[name].astext()}" if name in env.titles else ""
            for name in (previous, following)
        )
        after[docname] = hashlib.blake2b(shown.encode(), digest_size=8).hexdigest()
    domain.neighbours_shown.clear()
    domain.neighbours_shown.update(after)
    if not before:
        return []
    return sorted(name for name, shown in after.items() if before.get(name) != shown)
