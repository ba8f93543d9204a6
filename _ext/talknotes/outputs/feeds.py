"""Atom feeds (the site's and one per tag) and the topics' JSON export.

Written after the pages, from the same site structure, and only when what a
feed shows changed since the last build.
"""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from sphinx.util.osutil import relative_uri

from ..model import build_state, talknotes_domain
from ..model.generated import SITE_BUILDERS
from ..pages.topics import ordered_tags, vocabulary_shown
from ..rules.formats import DEFAULT_FORMAT
from ..rules.pagenames import SITE_FEED, TAGS_JSON, tag_feed, tag_page
from ..rules.text import xml_safe
from ..rules.urls import absolute_url

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..model.talks import Talk

__all__ = ["add_site_feed_link", "file_url", "write_feeds_and_json"]

_ATOM = "http://www.w3.org/2005/Atom"
_UNDATED = datetime(2000, 1, 1, tzinfo=UTC)


def add_site_feed_link(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Every page announces the site's feed, so feed readers find it anywhere."""
    if app.builder.name not in SITE_BUILDERS:
        return
    href = context["pathto"](SITE_FEED, 1)
    title = html.escape(f"{app.config.project}: all talks")
    link = f'<link rel="alternate" type="application/atom+xml" title="{title}" href="{href}">'
    context["metatags"] = context.get("metatags", "") + link


def write_feeds_and_json(app: Sphinx, exception: Exception | None) -> None:
    """Write the site feed, one feed per tag and ``tags/index.json`` into the output."""
    state = build_state(app.env)
    outputs = state.outputs
    if exception is not None or not state.renders_pages or outputs is None:
        return
    site = talknotes_domain(app.env).site
    feeds = [(SITE_FEED, app.config.project, site.talks_newest_first())] + [
        (tag_feed(tag.key), f"{app.config.project}: {tag.title}", site.tagged.get(tag.key, []))
        for tag in state.vocabulary.tags.values()
    ]
    vocabulary = vocabulary_shown(app)
    for filename, title, talks in feeds:
        shown = (title, vocabulary, tuple(talk.digest for talk in talks))
        if not outputs.unchanged(filename, shown):
            _write_feed(app, filename, title, talks)
    exported = (vocabulary, tuple(talk.digest for talk in site.talks_newest_first()))
    if outputs.unchanged(TAGS_JSON, exported):
        return
    export = {
        "tags": [
            {
                "key": tag.key,
                "title": tag.title,
                "description": tag.description,
                "aliases": list(tag.aliases),
                "url": file_url(app, TAGS_JSON, tag_page(tag.key)),
                "talks": [_talk_json(app, talk) for talk in site.tagged.get(tag.key, [])],
            }
            for tag in ordered_tags(app)
        ]
    }
    path = Path(app.outdir, TAGS_JSON)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(export, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def file_url(app: Sphinx, from_file: str, target: str) -> str:
    """A page's URL as a file of the output links it: absolute under ``html_baseurl``, else
    relative to that file, as a feed reader resolves it (``html`` and ``dirhtml`` alike)."""
    uri = app.builder.get_target_uri(target)
    base = app.config.html_baseurl
    return absolute_url(base, uri) if base else relative_uri(from_file, uri)


def _published(talk: Talk) -> datetime:
    """When a talk happened, for feed order: its time, else its conference's start.

    A page outside any conference has neither: it counts as the oldest entry.
    """
    if talk.time is not None:
        return talk.time.astimezone(UTC)
    if talk.conference is not None:
        return datetime.combine(talk.conference.conference.start, time(), UTC)
    return _UNDATED


def _talk_json(app: Sphinx, talk: Talk) -> dict[str, Any]:
    return {
        "title": talk.title,
        "url": file_url(app, TAGS_JSON, talk.docname),
        "conference": talk.conference.conference.name if talk.conference else None,
        "day": talk.day.title if talk.day else None,
        "date": _published(talk).date().isoformat() if _published(talk) != _UNDATED else None,
        "speakers": [str(speaker) for speaker in talk.record.facts.speakers],
        "tags": talk.record.tag_keys,
        "format": talk.record.facts.format or DEFAULT_FORMAT,
        "sponsored": talk.record.facts.sponsored,
    }


def _write_feed(app: Sphinx, filename: str, title: str, talks: list[Talk]) -> None:
    """Write an Atom feed of ``talks`` to ``filename`` (relative to the output folder)."""
    ElementTree.register_namespace("", _ATOM)

    def element(
        parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str
    ) -> ElementTree.Element:
        safe = {name: xml_safe(value) for name, value in attributes.items()}
        child = ElementTree.SubElement(parent, f"{{{_ATOM}}}{tag}", safe)
        child.text = xml_safe(text) if text is not None else None
        return child

    base = app.config.html_baseurl
    self_url = absolute_url(base, filename) if base else filename.rpartition("/")[2]
    feed = ElementTree.Element(f"{{{_ATOM}}}feed")
    element(feed, "id", _identifier(app, self_url, filename))
    element(feed, "title", title)
    updated = max((_published(talk) for talk in talks), default=_UNDATED)
    element(feed, "updated", _atom_date(updated))
    element(feed, "link", rel="self", href=self_url)
    element(element(feed, "author"), "name", app.config.author)
    tags = build_state(app.env).vocabulary.tags
    for talk in talks:
        entry = element(feed, "entry")
        url = file_url(app, filename, talk.docname)
        element(entry, "id", _identifier(app, url, talk.docname))
        element(entry, "title", talk.title)
        element(entry, "link", rel="alternate", type="text/html", href=url)
        element(entry, "updated", _atom_date(_published(talk)))
        for speaker in talk.record.facts.speakers:
            element(element(entry, "author"), "name", str(speaker))
        for key in talk.record.tag_keys:
            element(entry, "category", term=key, label=tags[key].title)
        summary = talk.record.summary or talk.where()
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
