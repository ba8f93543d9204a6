"""Link previews: OpenGraph and Twitter-card meta tags and a meta description.

A talk shared in a chat should preview with its title and what it covered. The
description is the talk's first paragraph of notes (the same summary the feeds
carry), not the speakers line that opens the page. The Twitter card names only
its kind: X reads the title and description from the OpenGraph tags when its own
are absent, so repeating them would only make every page longer.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from ..model import build_state, talknotes_domain
from ..model.generated import SITE_BUILDERS
from ..rules.text import shorten
from ..rules.urls import absolute_url

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["absolute_page_url", "add_sharing_meta"]

_DESCRIPTION_LENGTH = 200


def absolute_page_url(app: Sphinx, pagename: str) -> str | None:
    """The page's address, or None when the site does not know its own (``html_baseurl``)."""
    base = app.config.html_baseurl
    if not base:
        return None
    return absolute_url(base, app.builder.get_target_uri(pagename))


def _description(app: Sphinx, pagename: str, title: str) -> str:
    domain = talknotes_domain(app.env)
    record = domain.pages.get(pagename)
    talk = domain.site.talks.get(pagename)
    text = record.summary if record is not None else ""
    if talk is not None:
        where = talk.where()
        text = f"{where}. {text}" if text else f"Notes on a talk at {where}."
    if not text:
        text = f"{title} - {app.config.project}"
    return shorten(text, _DESCRIPTION_LENGTH)


def add_sharing_meta(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """OpenGraph and Twitter-card tags and a meta description on every page."""
    if app.builder.name not in SITE_BUILDERS:
        return
    raw_title = context.get("title") or build_state(app.env).link_text(pagename)
    title = html.unescape(str(raw_title or app.config.project))  # Sphinx gives titles as HTML
    is_talk = pagename in talknotes_domain(app.env).site.talks
    properties = {
        "og:title": title,
        "og:description": _description(app, pagename, title),
        "og:type": "article" if is_talk else "website",
        "og:site_name": app.config.project,
        "og:locale": (app.config.language or "en").replace("-", "_"),
    }
    url = absolute_page_url(app, pagename)
    if url:
        properties["og:url"] = url
    names = {
        "description": properties["og:description"],
        "twitter:card": "summary",
    }
    tags = [
        f'<meta property="{key}" content="{html.escape(value, quote=True)}">'
        for key, value in properties.items()
    ] + [
        f'<meta name="{key}" content="{html.escape(value, quote=True)}">'
        for key, value in names.items()
    ]
    context["metatags"] = context.get("metatags", "") + "\n".join(tags)
