"""``{taglist}``: a listing of talks by tag (or of the topics) inside any page.

Without ``:tags:`` it shows the topics at a glance (each tag with its number of
talks); with ``:tags:`` it lists the talks carrying any of them, newest first.
``:conference:`` narrows either to one conference, ``:limit:`` caps the length.
The listing depends on other pages, so a page holding one is rebuilt whenever any
page changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .diagnostics import logger
from .listings import talk_list
from .site import tag_page_name
from .tags import TAG_WARNING

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

    from .site import ConferenceEntry, TalkNotesDomain

__all__ = ["TagListDirective", "pages_with_listings", "render_taglists", "taglist"]


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
        domain: TalkNotesDomain = self.env.domains["talknotes"]
        keys = []
        for name in filter(
            None, (part.strip() for part in self.options.get("tags", "").split(","))
        ):
            key = domain.vocabulary.resolve(name)
            if key is None:
                hint = ", ".join(map(repr, domain.vocabulary.suggest(name)))
                logger.warning(
                    f"{{taglist}}: unknown tag {name!r}"
                    + (f"; did you mean {hint}?" if hint else ""),
                    location=self.get_location(),
                    type=TAG_WARNING,
                    subtype="unknown",
                )
            else:
                keys.append(key)
        if "tags" in self.options and not keys:
            return []
        if keys or "tags" in self.options:
            self.env.note_dependency(domain.vocabulary_path)
        node = taglist(
            "",
            tags=keys,
            conference=self.options.get("conference"),
            limit=self.options.get("limit"),
        )
        self.set_source_info(node)
        domain.record(self.env.docname).lists_talks = True
        return [node]


def render_taglists(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    domain: TalkNotesDomain = app.env.domains["talknotes"]
    for node in list(doctree.findall(taglist)):
        entry = _conference(domain, node)
        if node["conference"] and entry is None:
            logger.warning(
                f"{{taglist}}: no conference {node['conference']!r}; give its folder or name",
                location=node,
                type="talknotes",
                subtype="taglist",
            )
            node.replace_self([])
            continue
        node.replace_self(_listing(app, docname, domain, node, entry))


def _conference(domain: TalkNotesDomain, node: taglist) -> ConferenceEntry | None:
    wanted = (node["conference"] or "").strip().strip("/").casefold()
    for entry in domain.site.conferences:
        folder = entry.docname.removesuffix("index").strip("/").casefold()
        if wanted in {folder, entry.conference.name.casefold()}:
            return entry
    return None


def _listing(
    app: Sphinx,
    docname: str,
    domain: TalkNotesDomain,
    node: taglist,
    entry: ConferenceEntry | None,
) -> nodes.Node:
    site = domain.site
    limit = node["limit"]
    if node["tags"]:
        talks = [
            talk
            for key in node["tags"]
            for talk in site.tagged.get(key, ())
            if entry is None or talk.conference is entry
        ]
        unique = list(dict.fromkeys(talks))
        ordered = [talk for talk in site.talks_newest_first() if talk in unique]
        return talk_list(app, docname, ordered[:limit], with_conference=entry is None)

    counts = {
        key: sum(1 for talk in talks if entry is None or talk.conference is entry)
        for key, talks in site.tagged.items()
    }
    ranked = sorted(
        (key for key, count in counts.items() if count),
        key=lambda key: (-counts[key], domain.vocabulary.tags[key].title.casefold()),
    )
    glance = nodes.paragraph("", "", classes=["talknotes-topics"])
    for key in ranked[:limit]:
        link = nodes.reference(
            "",
            "",
            internal=True,
            refuri=app.builder.get_relative_uri(docname, tag_page_name(key)),
        )
        link += nodes.inline(
            "",
            f"{domain.vocabulary.tags[key].title} {counts[key]}",
            classes=["sd-badge", "sd-outline-primary", "sd-text-primary"],
        )
        glance += [link, nodes.Text(" ")]
    return glance


def pages_with_listings(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """Rebuild the pages holding a ``{taglist}`` whenever any page comes, goes or changes."""
    if not (added or changed or removed):
        return []
    domain: TalkNotesDomain = env.domains["talknotes"]
    return sorted(
        docname
        for docname, record in domain.pages.items()
        if record.lists_talks and docname not in removed
    )
