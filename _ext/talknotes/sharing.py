"""Being shared and found: link-preview meta tags, ``sitemap.xml`` and ``robots.txt``.

A talk shared in a chat should preview with its title and what it covered; search
engines should find every page. The description is the talk's first paragraph of
notes (the same summary the feeds carry), not the speakers line that opens the page.
URLs in these files must be absolute, so they are only written when the site knows
its address (``html_baseurl``, set from Read the Docs' canonical URL).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from .site import GENERATED_TITLES, tag_page_name

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .site import TalkNotesDomain

__all__ = ["add_sharing_meta", "write_sitemap_and_robots"]

_SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
_DESCRIPTION_LENGTH = 200


def _absolute(app: Sphinx, pagename: str) -> str | None:
    base = app.config.html_baseurl
    if not base:
        return None
    return base.rstrip("/") + "/" + app.builder.get_target_uri(pagename)


def _description(app: Sphinx, pagename: str, title: str) -> str:
    domain: TalkNotesDomain = app.env.domains["talknotes"]
    record = domain.pages.get(pagename)
    talk = domain.site.talks.get(pagename)
    text = record.summary if record is not None else ""
    if talk is not None:
        where = f"{talk.conference.conference.name}, {talk.day.title}"
        text = f"{where}. {text}" if text else f"Notes on a talk at {where}."
    if not text:
        text = f"{title} - {app.config.project}"
    if len(text) > _DESCRIPTION_LENGTH:
        text = text[: _DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return text


def add_sharing_meta(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """OpenGraph and Twitter-card tags and a meta description on every page."""
    if app.builder.format != "html":
        return
    raw_title = context.get("title") or GENERATED_TITLES.get(pagename, app.config.project)
    title = html.unescape(str(raw_title))  # Sphinx hands titles over as HTML
    is_talk = pagename in app.env.domains["talknotes"].site.talks
    properties = {
        "og:title": title,
        "og:description": _description(app, pagename, title),
        "og:type": "article" if is_talk else "website",
        "og:site_name": app.config.project,
        "og:locale": (app.config.language or "en").replace("-", "_"),
    }
    url = _absolute(app, pagename)
    if url:
        properties["og:url"] = url
    names = {
        "description": properties["og:description"],
        "twitter:card": "summary",
        "twitter:title": title,
        "twitter:description": properties["og:description"],
    }
    tags = [
        f'<meta property="{key}" content="{html.escape(value, quote=True)}">'
        for key, value in properties.items()
    ] + [
        f'<meta name="{key}" content="{html.escape(value, quote=True)}">'
        for key, value in names.items()
    ]
    context["metatags"] = context.get("metatags", "") + "\n".join(tags)


def write_sitemap_and_robots(app: Sphinx, exception: Exception | None) -> None:
    """Every page in ``sitemap.xml``, announced in ``robots.txt`` (needs the site's address)."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    if not app.config.html_baseurl:
        (outdir / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
        return
    domain: TalkNotesDomain = app.env.domains["talknotes"]
    pages = sorted(
        {*app.env.found_docs, *GENERATED_TITLES}
        | {tag_page_name(key) for key in domain.vocabulary.tags}
    )
    ElementTree.register_namespace("", _SITEMAP)
    urlset = ElementTree.Element(f"{{{_SITEMAP}}}urlset")
    for page in pages:
        entry = ElementTree.SubElement(urlset, f"{{{_SITEMAP}}}url")
        ElementTree.SubElement(entry, f"{{{_SITEMAP}}}loc").text = _absolute(app, page)
    ElementTree.ElementTree(urlset).write(
        outdir / "sitemap.xml", encoding="utf-8", xml_declaration=True
    )
    sitemap = app.config.html_baseurl.rstrip("/") + "/sitemap.xml"
    (outdir / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\nSitemap: {sitemap}\n", encoding="utf-8"
    )
