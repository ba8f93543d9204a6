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
from typing import TYPE_CHECKING, TypeVar

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

_Shown = TypeVar("_Shown")  # what a page showed: a listing, a list of names, a digest


def changed_listings(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: the pages whose listings now show something else."""
    domain = talknotes_domain(env)
    after = {
        docname: repr([shown(env, listing) for listing in record.listings])
        for docname, record in sorted(domain.pages.items())
        if record.listings
    }
    _, differ = _replace_shown(domain.listings_shown, after)
    return sorted(differ & after.keys())


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
    after = {
        docname: tuple(talk.digest for talk in related)
        for docname, related in sorted(site.related.items())
    }
    _, differ = _replace_shown(domain.related_shown, after)
    return sorted(differ & env.all_docs.keys())  # a removed talk has nothing to rewrite


def changed_navigation(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: compute the sidebar's tree; the pages whose sidebar lists changed."""
    domain = talknotes_domain(env)
    tree = build_state(env).navigation = NavigationTree.from_env(env)
    _, differ = _replace_shown(domain.navigation_shown, tree.lists)
    everything = set(env.all_docs)
    rewrite: set[str] = set()
    for docname in sorted(differ):
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
    after = {docname: title.astext() for docname, title in env.titles.items()}
    recorded, changed = _replace_shown(domain.titles_shown, after)
    if not recorded or not changed:
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
    after = {}
    for docname, (_parent, previous, following) in env.collect_relations().items():
        shown = "\0".join(
            f"{name}\0{env.titles[name].astext()}" if name in env.titles else ""
            for name in (previous, following)
        )
        after[docname] = hashlib.blake2b(shown.encode(), digest_size=8).hexdigest()
    recorded, differ = _replace_shown(domain.neighbours_shown, after)
    return sorted(differ & after.keys()) if recorded else []


def _replace_shown(shown: dict[str, _Shown], now: dict[str, _Shown]) -> tuple[bool, set[str]]:
    """Put what pages show now in place of the last build's record of it (in the domain):
    whether there was a record, and the pages whose entry differs, came or went."""
    recorded = bool(shown)
    differ = {name for name in shown.keys() | now.keys() if shown.get(name) != now.get(name)}
    shown.clear()
    shown.update(now)
    return recorded, differ
