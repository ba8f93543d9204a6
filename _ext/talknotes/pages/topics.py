"""The topic pages: ``tags/index`` (overview and trends, ``pages.trends``) and a page per tag.

Both are derived from the site structure after reading, on every build, so adding
or removing a tag on one talk updates them without a clean build.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.osutil import relative_uri

from ..model import build_state, talknotes_domain
from ..model.generated import SITE_BUILDERS, GeneratedPage
from ..rules.pagenames import FIXED_TITLES, TOPICS, tag_feed, tag_page
from ..rules.text import plural
from .blocks import by_conference, internal_link, table
from .conferences import talks_at
from .trends import trends_section

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.config import Config

    from ..model.talks import Talk
    from ..rules.vocabulary import Tag

__all__ = ["ordered_tags", "overview_title", "tag_pages", "vocabulary_shown"]

_CO_OCCURRING = 5


def ordered_tags(app: Sphinx) -> list[Tag]:
    """Every vocabulary tag, most talks first, then by title."""
    tagged = talknotes_domain(app.env).site.tagged
    return sorted(
        build_state(app.env).vocabulary.tags.values(),
        key=lambda tag: (-len(tagged.get(tag.key, ())), tag.title.casefold(), tag.key),
    )


def overview_title(config: Config) -> str:
    """The topics overview's title: ours, or sphinx-tags' ``tags_overview_title``."""
    return str(config.tags_overview_title or FIXED_TITLES[TOPICS])


def vocabulary_shown(app: Sphinx) -> tuple[Tag, ...]:
    """What the vocabulary shows on every topic page and feed, to compare between builds."""
    return tuple(build_state(app.env).vocabulary.tags.values())


def tag_pages(app: Sphinx) -> Iterator[GeneratedPage]:
    site = talknotes_domain(app.env).site
    vocabulary = vocabulary_shown(app)
    everything = tuple(talk.digest for talk in site.talks_newest_first())
    # The trends have a column per conference, with or without talks.
    conferences = tuple((entry.conference, talks_at(entry)) for entry in site.conferences)
    config = app.config
    yield GeneratedPage(
        TOPICS,
        overview_title(config),
        _render_overview,
        inputs=(vocabulary, everything, conferences),
    )
    for tag in vocabulary:
        feed_link = (
            f'<link rel="alternate" type="application/atom+xml" '
            f'title="{html.escape(tag.title)}" href="{_feed_uri(app, tag.key)}">'
            if app.builder.name in SITE_BUILDERS
            else ""
        )
        listed = tuple(talk.digest for talk in site.tagged.get(tag.key, ()))
        yield GeneratedPage(
            tag_page(tag.key),
            f"{config.tags_page_title or 'Topic'}: {tag.title}",
            _render_tag_page,
            head=feed_link,
            inputs=(vocabulary, listed),
            link_text=tag.title,
        )


def _render_overview(app: Sphinx, pagename: str) -> list[nodes.Node]:
    site = talknotes_domain(app.env).site
    tags = ordered_tags(app)
    if not tags:
        return [nodes.paragraph("", "No page has a tag yet.")]
    overview = table(
        ["Topic", "Description", f"{site.counted_noun.title()}s"],
        [
            [
                internal_link(app, pagename, tag_page(tag.key), tag.title),
                tag.description,
                str(site.counted(site.tagged.get(tag.key, ()))),
            ]
            for tag in tags
        ],
        classes=["talknotes-tag-overview"],
    )
    body: list[nodes.Node] = [
        nodes.paragraph(
            "",
            "Every topic of the notes, across all conferences. "
            "A topic's page lists its talks by conference, newest first.",
        ),
        overview,
    ]
    if app.config.tags_index_head:
        body.insert(1, nodes.rubric("", app.config.tags_index_head))
    trends = trends_section(app, pagename, site, tags)
    if trends is not None:
        body.append(trends)
    return body


def _count(talks: list[Talk]) -> str:
    """``3 talks at 2 conferences``, and the other pages: ``1 other page`` or ``2 pages``."""
    conferences = {talk.conference for talk in talks if talk.conference is not None}
    in_days = sum(1 for talk in talks if talk.day is not None)
    others = len(talks) - in_days
    if not in_days:
        return plural(others, "page")
    counted = f"{plural(in_days, 'talk')} at {plural(len(conferences), 'conference')}"
    return counted + (f" and {plural(others, 'other page')}" if others else "")


def _feed_uri(app: Sphinx, key: str) -> str:
    """The tag's feed as its page links it (``x.atom`` from ``tags/x.html``, ``../x.atom``
    from ``tags/x/``)."""
    return relative_uri(app.builder.get_target_uri(tag_page(key)), tag_feed(key))


def _render_tag_page(app: Sphinx, pagename: str) -> list[nodes.Node]:
    tags = build_state(app.env).vocabulary.tags
    key = pagename.removeprefix("tags/")
    tag = tags[key]
    talks = talknotes_domain(app.env).site.tagged.get(key, [])
    body: list[nodes.Node] = []
    if tag.description:
        body.append(nodes.paragraph("", tag.description, classes=["talknotes-tag-description"]))
    summary = nodes.paragraph("", _count(talks) + ". ")
    summary += nodes.reference(
        "", "Atom feed", refuri=_feed_uri(app, key), classes=["talknotes-feed"]
    )
    body.append(summary)

    together = Counter(
        other for talk in talks for other in talk.record.tag_keys if other != key
    ).most_common()
    together.sort(key=lambda pair: (-pair[1], pair[0]))
    if together:
        often = nodes.paragraph("", "Often together with: ", classes=["talknotes-together"])
        for index, (other, count) in enumerate(together[:_CO_OCCURRING]):
            if index:
                often += nodes.Text(", ")
            often += internal_link(app, pagename, tag_page(other), tags[other].title)
            often += nodes.Text(f" ({count})")
        body.append(often)
    if app.config.tags_page_header:
        body.append(nodes.rubric("", app.config.tags_page_header))
    return body + by_conference(app, pagename, talks)
