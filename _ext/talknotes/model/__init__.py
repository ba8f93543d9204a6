"""What the build knows: per-page records (the domain) and the site derived from them.

``talknotes_domain(env)`` gives the records, ``build_state(env)`` what this build
derived from them (vocabulary, site structure, sidebar tree, generated pages).
"""

from __future__ import annotations

from .domain import TalkNotesDomain, talknotes_domain
from .state import BuildState, build_state

__all__ = ["BuildState", "TalkNotesDomain", "build_state", "talknotes_domain"]
