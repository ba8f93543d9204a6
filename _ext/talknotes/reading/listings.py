"""Listings inside a page, while reading: the ``{taglist}`` and ``{conferencelist}`` directives.

``{taglist}`` without ``:tags:`` shows the topics at a glance (each tag with its
number of talks); with ``:tags:`` it lists the talks carrying any of them, newest
first. ``:conference:`` narrows either to one conference, ``:limit:`` caps the
length. ``{conferencelist}`` lists the conferences, newest first, with their dates
and places. Reading leaves a placeholder node and notes the listing in the page's
record; ``pages.taglists`` fills it in when the page is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..diagnostics import warn
from ..model import build_state, talknotes_domain
from ..model.records import Listing
from ..rules.problems import Subtype
from .tags import unknown_tag_message

if TYPE_CHECKING:
    from sphinx.util.typing import OptionSpec

__all__ = ["ConferenceListDirective", "TagListDirective", "taglist"]


class taglist(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes in lower case)
    """Where a listing goes; replaced when the page is written."""


class TagListDirective(SphinxDirective):
    has_content = False
    option_spec: ClassVar[OptionSpec] = {
        "tags": directives.unchanged_required,
        "conference": directives.unchanged_required,
        "limit": directives.positive_int,
    }

    def run(self) -> list[nodes.Node]:
        state = build_state(self.env)
        keys = []
        for name in filter(
            None, (part.strip() for part in self.options.get("tags", "").split(","))
        ):
            key = state.vocabulary.resolve(name)
            if key is None:
                message = unknown_tag_message(
                    state.vocabulary, name, self.config.talknotes_tags_file
                )
                warn(f"{{taglist}}: {message}", location=self.get_location(), subtype=Subtype.TAG)
            else:
                keys.append(key)
        if "tags" in self.options and not keys:
            return []
        if keys:
            self.env.note_dependency(state.vocabulary_path)
        listing = Listing(tuple(keys), self.options.get("conference"), self.options.get("limit"))
        return [_placeholder(self, listing)]


class ConferenceListDirective(SphinxDirective):
    """``{conferencelist}``: every conference, newest first, with dates and places."""

    has_content = False
    option_spec: ClassVar[OptionSpec] = {"limit": directives.positive_int}

    def run(self) -> list[nodes.Node]:
        listing = Listing(limit=self.options.get("limit"), kind="conferences")
        return [_placeholder(self, listing)]


def _placeholder(directive: SphinxDirective, listing: Listing) -> taglist:
    node = taglist("", listing=listing)
    directive.set_source_info(node)
    talknotes_domain(directive.env).record(directive.env.docname).listings.append(listing)
    return node
