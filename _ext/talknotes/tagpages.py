"""The topic pages: ``tags/index`` (overview and trends), ``tags/<key>``, feeds, JSON.

All are derived from the site structure after reading, on every build, so adding or
removing a tag on one talk updates the overview, the tag pages and the feeds
without a clean build.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from datetime import UTC, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from docutils import nodes

from .generated import GeneratedPage, SidebarEntry, internal_link
from .listings import by_conference, conference_anchor, table
from .site import GENERATED_TITLES, TOPICS_PAGE, tag_page_name

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx

    from .site import Site, Talk, TalkNotesDomain
    from .vocabulary import Tag

__all__ = ["TOPICS", "add_site_feed_link", "tag_pages", "write_feeds_and_json"]

TOPICS = SidebarEntry(TOPICS_PAGE, GENERATED_TITLES[TOPICS_PAGE], section="tags/")
SITE_FEED = "feed.atom"
_ATOM = "http://www.w3.org/2005/Atom"
_CO_OCCURRING = 5


def _domain(app: Sphinx) -> TalkNotesDomain:
    return app.env.domains["talknotes"]


def _ordered_tags(app: Sphinx) -> list[Tag]:
    """Every vocabulary tag, most talks first, then by title."""
    domain = _domain(app)
    tagged = domain.site.tagged
    return sorted(
        domain.vocabulary.tags.values(),
        key=lambda tag: (-len(tagged.get(tag.key, ())), tag.title.casefold(), tag.key),
    )


def _vocabulary_shown(app: Sphinx) -> tuple[Tag, ...]:
    return tuple(_domain(app).vocabulary.tags.values())


def tag_pages(app: Sphinx) -> Iterator[GeneratedPage]:
    site = _domain(app).site
    vocabulary = _vocabulary_shown(app)
    everything = tuple(talk.digest for talk in site.talks_newest_first())
    yield GeneratedPage(
        TOPICS.name, TOPICS.title, _render_overview, inputs=(vocabulary, everything)
    )
    for tag in vocabulary:
        feed_link = (
            f'<link rel="alternate" type="application/atom+xml" '
            f'title="{html.escape(tag.title)}" href="{tag.key}.atom">'
        )
        listed = tuple(talk.digest for talk in site.tagged.get(tag.key, ()))
        yield GeneratedPage(
            tag_page_name(tag.key),
            f"Topic: {tag.title}",
            _render_tag_page,
            head=feed_link,
            inputs=(vocabulary, listed),
        )


def _render_overview(app: Sphinx, pagename: str) -> list[nodes.Node]:
    site = _domain(app).site
    tags = _ordered_tags(app)
    if not tags:
        return [nodes.paragraph("", "The tag vocabulary is empty.")]
    overview = table(
        ["Topic", "Description", "Talks"],
        [
            [
                internal_link(app, pagename, tag_page_name(tag.key), tag.title),
                tag.description,
                str(len(site.tagged.get(tag.key, ()))),
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
    if site.conferences:
        trends = nodes.section("", nodes.title("", "Topics across conferences"), ids=["trends"])
        trends += nodes.paragraph(
            "", "Talks per topic at each conference, oldest conference first."
        )
        trends += table(
            ["Topic", *(entry.conference.name for entry in site.conferences)],
            [
                [
                    internal_link(app, pagename, tag_page_name(tag.key), tag.title),
                    *(_trend_cell(app, pagename, tag, entry, site) for entry in site.conferences),
                ]
                for tag in tags
            ],
            classes=["talknotes-tag-trends"],
        )
        body.append(trends)
    return body


def _trend_cell(app: Sphinx, pagename: str, tag: Tag, entry: Any, site: Site) -> nodes.Node | str:
    count = sum(1 for talk in site.tagged.get(tag.key, ()) if talk.conference is entry)
    if not count:
        return ""
    link = internal_link(app, pagename, tag_page_name(tag.key), str(count))
    link["refuri"] += f"#{conference_anchor(entry)}"
    return link


def _render_tag_page(app: Sphinx, pagename: str) -> list[nodes.Node]:
    domain = _domain(app)
    key = pagename.removeprefix("tags/")
    tag = domain.vocabulary.tags[key]
    talks = domain.site.tagged.get(key, [])
    body: list[nodes.Node] = []
    if tag.description:
        body.append(nodes.paragraph("", tag.description, classes=["talknotes-tag-description"]))
    conferences = list(dict.fromkeys(talk.conference for talk in talks))
    summary = nodes.paragraph(
        "", f"{_plural(len(talks), 'talk')} at {_plural(len(conferences), 'conference')}. "
    )
    summary += nodes.reference("", "Atom feed", refuri=f"{key}.atom", classes=["talknotes-feed"])
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
            often += internal_link(
                app, pagename, tag_page_name(other), domain.vocabulary.tags[other].title
            )
            often += nodes.Text(f" ({count})")
        body.append(often)

    return body + by_conference(app, pagename, talks)


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def add_site_feed_link(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Every page announces the site's feed, so feed readers find it anywhere."""
    href = context["pathto"](SITE_FEED, 1)
    title = html.escape(f"{app.config.project}: all talks")
    link = f'<link rel="alternate" type="application/atom+xml" title="{title}" href="{href}">'
    context["metatags"] = context.get("metatags", "") + link


def write_feeds_and_json(app: Sphinx, exception: Exception | None) -> None:
    """Write the site feed, one feed per tag and ``tags/index.json`` into the output."""
    if exception is not None or app.builder.format != "html":
        return
    domain = _domain(app)
    site = domain.site
    feeds = [(SITE_FEED, app.config.project, site.talks_newest_first())] + [
        (f"tags/{tag.key}.atom", f"{app.config.project}: {tag.title}", site.tagged.get(tag.key, []))
        for tag in domain.vocabulary.tags.values()
    ]
    vocabulary = _vocabulary_shown(app)
    for filename, title, talks in feeds:
        shown = (title, vocabulary, tuple(talk.digest for talk in talks))
        if not domain.outputs.unchanged(filename, shown):
            _write_feed(app, filename, title, talks)
    shown = (vocabulary, tuple(talk.digest for talk in site.talks_newest_first()))
    if domain.outputs.unchanged("tags/index.json", shown):
        return
    export = {
        "tags": [
            {
                "key": tag.key,
                "title": tag.title,
                "description": tag.description,
                "aliases": list(tag.aliases),
                "url": _url(app, TOPICS.name, tag_page_name(tag.key)),
                "talks": [_talk_json(app, talk) for talk in site.tagged.get(tag.key, [])],
            }
            for tag in _ordered_tags(app)
        ]
    }
    path = Path(app.outdir, "tags", "index.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(export, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _url(app: Sphinx, from_page: str, target: str) -> str:
    """A page's URL: absolute under ``html_baseurl`` if set, else relative to ``from_page``."""
    base = app.config.html_baseurl
    if base:
        return base.rstrip("/") + "/" + app.builder.get_target_uri(target)
    return app.builder.get_relative_uri(from_page, target)


def _published(talk: Talk) -> datetime:
    """When a talk happened, for feed order: its time, else its conference's start."""
    if talk.record.facts.time is not None:
        return talk.record.facts.time.astimezone(UTC)
    return datetime.combine(talk.conference.conference.start, time(), UTC)


def _talk_json(app: Sphinx, talk: Talk) -> dict[str, Any]:
    return {
        "title": talk.title,
        "url": _url(app, TOPICS.name, talk.docname),
        "conference": talk.conference.conference.name,
        "day": talk.day.title,
        "date": _published(talk).date().isoformat(),
        "speakers": [str(speaker) for speaker in talk.record.facts.speakers],
        "tags": talk.record.tag_keys,
    }


def _write_feed(app: Sphinx, filename: str, title: str, talks: list[Talk]) -> None:
    """Write an Atom feed of ``talks`` to ``filename`` (relative to the output folder)."""
    ElementTree.register_namespace("", _ATOM)

    def element(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str):
        child = ElementTree.SubElement(parent, f"{{{_ATOM}}}{tag}", attributes)
        child.text = text
        return child

    # Links inside the feed resolve against the feed's own address, like a page
    # in its folder: "tags/x.atom" links as the page "tags/x" would.
    as_page = filename.removesuffix(".atom")
    base = app.config.html_baseurl
    self_url = base.rstrip("/") + "/" + filename if base else filename.rpartition("/")[2]
    feed = ElementTree.Element(f"{{{_ATOM}}}feed")
    element(feed, "id", _identifier(app, self_url, filename))
    element(feed, "title", title)
    updated = max((_published(talk) for talk in talks), default=datetime(2000, 1, 1, tzinfo=UTC))
    element(feed, "updated", _atom_date(updated))
    element(feed, "link", rel="self", href=self_url)
    element(element(feed, "author"), "name", app.config.author)
    vocabulary = _domain(app).vocabulary
    for talk in talks:
        entry = element(feed, "entry")
        url = _url(app, as_page, talk.docname)
        element(entry, "id", _identifier(app, url, talk.docname))
        element(entry, "title", talk.title)
        element(entry, "link", rel="alternate", type="text/html", href=url)
        element(entry, "updated", _atom_date(_published(talk)))
        for speaker in talk.record.facts.speakers:
            element(element(entry, "author"), "name", str(speaker))
        for key in talk.record.tag_keys:
            element(entry, "category", term=key, label=vocabulary.tags[key].title)
        summary = talk.record.summary or f"{talk.conference.conference.name}, {talk.day.title}"
        element(entry, "summary", summary)
    path = Path(app.outdir, filename)
    path.parent.mkdir(parents=True, exist_ok=True)
    ElementTree.ElementTree(feed).write(path, encoding="utf-8", xml_declaration=True)


def _atom_date(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _identifier(app: Sphinx, url: str, docname: str) -> str:
    """A permanent id: the absolute URL when the site knows its address, else a URN."""
    if app.config.html_baseurl:
        return url
    return f"urn:talknotes:{docname}"
