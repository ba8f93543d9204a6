"""Listings inside a page, while reading: the ``{taglist}`` and ``{conferencelist}`` directives.

``{taglist}`` without ``:tags:`` shows the topics at a glance (each tag with its
number of talks); with ``:tags:`` it lists the talks carrying any of them, newest
first. ``:conference:`` narrows either to one conference, ``:limit:`` caps the
length. ``{conferencelist}`` lists the conferences, newest first, with their dates
and places. A conference page gets a listing of its own under its title, without
a directive: its dates, place and days with their talk counts. Reading leaves a
placeholder node and notes the listing in the page's record; ``pages.taglists``
fills it in when the page is written, and ``speed.rewrites`` writes the page again
when what it lists changes.
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
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

__all__ = ["ConferenceListDirective", "TagListDirective", "add_conference_summary", "taglist"]


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


def add_conference_summary(app: Sphinx, doctree: nodes.document) -> None:
    """Under a conference page's title: a placeholder for its dates, place and days.

    Generated rather than written by hand, so a day's talk count never goes stale;
    it goes before the byline, which then takes the place right under the title.
    """
    docname = app.env.docname
    if talknotes_domain(app.env).pages[docname].facts.conference is None:
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None or not isinstance(section[0], nodes.title):
        return  # reported as a page without a title
    node = _note(app.env, Listing(conference=docname, kind="conference"))
    node.source, node.line = section[0].source, section[0].line
    section.insert(1, node)


def _placeholder(directive: SphinxDirective, listing: Listing) -> taglist:
    node = _note(directive.env, listing)
    directive.set_source_info(node)
    return node


def _note(env: BuildEnvironment, listing: Listing) -> taglist:
    """The listing's placeholder, noted in the page's record."""
    talknotes_domain(env).record(env.docname).listings.append(listing)
    return taglist("", listing=listing)
