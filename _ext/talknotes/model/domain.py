"""The ``talknotes`` domain: each page's record in the environment, purged and merged.

Sphinx pickles the domain's data with the environment, drops a page's record when
the page is read again or removed, and merges records after a parallel read. The
domain also keeps what each page's listings and sidebar lists showed in the last
build, so a rebuild can tell which unchanged pages must be written again, and the
last build's related talks, which a rebuild that changed nothing they depend on reuses.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx.domains import Domain
from sphinx.errors import NoUri
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from ..rules.pagenames import tag_page
from .records import PageRecord
from .state import build_state

if TYPE_CHECKING:
    from collections.abc import Callable, Set

    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import RoleFunction

    from .navigation import ListSignature
    from .related import RankedRelated
    from .site import Site

__all__ = ["TalkNotesDomain", "talknotes_domain"]


class TalkNotesDomain(Domain):
    """Keeps each page's record in the environment, purged and merged per document."""

    name = "talknotes"
    label = "Talk notes"
    roles: ClassVar[dict[str, RoleFunction | XRefRole]] = {
        "tag": XRefRole(),
        "speaker": XRefRole(),
    }
    dangling_warnings: ClassVar[dict[str, str]] = {
        "tag": "unknown tag %(target)r",
        "speaker": "no talk names the speaker %(target)r",
    }
    initial_data: ClassVar[dict[str, Any]] = {
        "pages": {},
        "listings_shown": {},
        "navigation_shown": {},
        "site_files": {},
        "related_shown": {},
        "related_ranked": None,
        "titles_shown": {},
        "neighbours_shown": {},
        "glob_patterns": {},
    }
    data_version = 12

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        #: counts changes to the records, so derived structures know when they are stale
        self.version = 0

    @property
    def pages(self) -> dict[str, PageRecord]:
        return cast("dict[str, PageRecord]", self.data["pages"])

    @property
    def listings_shown(self) -> dict[str, str]:
        """Page -> what its ``{taglist}`` listings showed in the last build."""
        return cast("dict[str, str]", self.data["listings_shown"])

    @property
    def navigation_shown(self) -> dict[str, ListSignature]:
        """Page -> what its list of children showed in the last build's sidebars."""
        return cast("dict[str, ListSignature]", self.data["navigation_shown"])

    @property
    def related_shown(self) -> dict[str, tuple[str, ...]]:
        """Talk -> what its related talks showed in the last build."""
        return cast("dict[str, tuple[str, ...]]", self.data["related_shown"])

    @property
    def titles_shown(self) -> dict[str, str]:
        """Page -> its title in the last build, as every toctree above it shows it."""
        return cast("dict[str, str]", self.data["titles_shown"])

    @property
    def neighbours_shown(self) -> dict[str, str]:
        """Page -> a digest of its previous and next pages' names and titles, last build."""
        return cast("dict[str, str]", self.data["neighbours_shown"])

    @property
    def glob_patterns(self) -> dict[str, tuple[str, ...]]:
        """Page -> the patterns of its ``:glob:`` toctrees, as docnames (``speed/globs.py``)."""
        return cast("dict[str, tuple[str, ...]]", self.data["glob_patterns"])

    @property
    def related_ranked(self) -> RankedRelated | None:
        """The last build's related talks by name, and what they were ranked from."""
        return cast("RankedRelated | None", self.data["related_ranked"])

    @related_ranked.setter
    def related_ranked(self, ranked: RankedRelated) -> None:
        self.data["related_ranked"] = ranked

    def rereads_when_changed(
        self, setting: str, value: bool, reads: Callable[[PageRecord], bool]
    ) -> list[str]:
        """The pages that ``reads`` a site-wide ``setting``, if it differs from the last
        build's (all of them in the first build): a site file that appears or goes
        changes what those pages say, though their sources did not."""
        last_build = cast("dict[str, bool]", self.data["site_files"])
        if last_build.get(setting) == value:
            return []
        last_build[setting] = value
        return sorted(docname for docname, record in self.pages.items() if reads(record))

    @property
    def site(self) -> Site:
        """The site's structure, derived once per build and again when a record changes."""
        return build_state(self.env).site(self.env, self.pages, self.version)

    def record(self, docname: str) -> PageRecord:
        self.version += 1
        return self.pages.setdefault(docname, PageRecord())

    def clear_doc(self, docname: str) -> None:
        self.version += 1
        self.pages.pop(docname, None)
        self.glob_patterns.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self.version += 1
        for docname in docnames:
            if docname in otherdata["pages"]:
                self.pages[docname] = otherdata["pages"][docname]
            if docname in otherdata["glob_patterns"]:
                self.glob_patterns[docname] = otherdata["glob_patterns"][docname]

    def resolve_xref(  # noqa: PLR0917 (Sphinx's signature)
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        """Resolve tags (badges, ``{talknotes:tag}``) and speakers to their pages."""
        state = build_state(env)
        if typ == "speaker":
            speaker = self.site.speaker_for(target)
            if speaker is None:
                return None
            page, title = speaker.page, speaker.name
        else:
            key = state.vocabulary.resolve(target)
            if typ != "tag" or key is None:
                return None
            page, title = tag_page(key), state.vocabulary.tags[key].title
        if state.unreachable(page):
            raise NoUri(page)  # this builder writes no such page: Sphinx keeps the text
        return make_refnode(builder, fromdocname, page, "", contnode, title)

    def resolve_any_xref(  # noqa: PLR0917 (Sphinx's signature)
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        """Let Markdown links such as ``[topics](tags/index)`` reach the generated pages.

        A target is tried relative to the linking page (``../tags/x``), then from
        the site's root (``tags/x`` or ``/tags/x``).
        """
        state = build_state(env)
        if target in state.labels:  # a label of a generated page, which std resolves
            if state.unreachable(state.labels[target][0]):
                raise NoUri(target)  # this builder writes no such page: MyST keeps the text
            return []
        target = target.removesuffix(".html")
        candidates = [target.lstrip("/")]
        if not target.startswith("/"):
            folder = posixpath.dirname(fromdocname)
            candidates.insert(0, posixpath.normpath(posixpath.join(folder, target)))
        found = next(((name, text) for name in candidates if (text := state.link_text(name))), None)
        if found is None:
            return []
        target, text = found
        if state.unreachable(target):
            raise NoUri(target)  # this builder writes no such page: MyST keeps the text
        if not contnode.astext():
            contnode = nodes.inline("", text)
        return [("talknotes:page", make_refnode(builder, fromdocname, target, "", contnode, text))]


def talknotes_domain(env: BuildEnvironment) -> TalkNotesDomain:
    """The ``talknotes`` domain of ``env``, typed."""
    return cast("TalkNotesDomain", env.domains["talknotes"])
