"""What the build derives per build, in one typed object beside the environment.

The domain keeps what each page said (it is pickled with the environment); this
keeps what one build makes of the whole site: the vocabulary it loaded, the site
structure, the sidebar tree and the generated pages. It is never pickled: every
build (and every parallel worker, by forking) starts from the one it was given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from ..rules.people import People
from ..rules.vocabulary import Vocabulary
from .site import Site

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx.environment import BuildEnvironment

    from .generated import GeneratedPage, OutputRecord
    from .navigation import NavigationTree
    from .records import PageRecord

__all__ = ["BuildState", "build_state"]


@dataclass
class BuildState:
    """One build's view of the whole site; see the module docstring."""

    #: the tag vocabulary, loaded when the builder starts
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    vocabulary_path: str = ""
    #: who is who among the speakers (``speakers.yml``), loaded when the builder starts
    people: People = field(default_factory=People)
    people_path: str = ""
    #: the sidebar's tree, computed after reading
    navigation: NavigationTree | None = None
    #: every page the build generates, by name, registered after reading
    generated: dict[str, GeneratedPage] = field(default_factory=dict)
    #: whether this builder writes them (a web site) or links to them become text
    renders_pages: bool = False
    #: labels that name generated pages (sphinx-tags' ``sphx_tag_*``): page and title
    labels: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: what the generated files were made from, while they are written
    outputs: OutputRecord | None = None
    #: the processes writing gets back after a small rebuild was read serially
    writing_jobs: int | None = None
    #: the pages read in workers, which Sphinx is told were read (``speed/jobs.py``)
    read_in_workers: list[str] = field(default_factory=list)
    #: globbing pages kept out of Sphinx's re-reading of globs in this build
    globs_set_aside: set[str] = field(default_factory=set)
    _site: tuple[int, Site] | None = None

    def site(self, env: BuildEnvironment, pages: Mapping[str, PageRecord], version: int) -> Site:
        """The site's structure for the records at ``version``, derived once per change."""
        if self._site is None or self._site[0] != version:
            self._site = (version, Site.from_env(env, pages, self.people))
        return self._site[1]

    def unreachable(self, name: str) -> bool:
        """Whether ``name`` is a generated page this builder does not write (EPUB, LaTeX...)."""
        return name in self.generated and not self.renders_pages

    def link_text(self, name: str) -> str | None:
        """What a link to the generated page ``name`` says; None if the build makes none."""
        page = self.generated.get(name)
        return (page.link_text or page.title) if page is not None else None


_STATES: WeakKeyDictionary[BuildEnvironment, BuildState] = WeakKeyDictionary()


def build_state(env: BuildEnvironment) -> BuildState:
    """The state of the build that ``env`` belongs to."""
    state = _STATES.get(env)
    if state is None:  # not setdefault: it would build a BuildState on every call
        state = _STATES[env] = BuildState()
    return state
