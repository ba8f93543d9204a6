"""``sitemap.xml`` and ``robots.txt``: every page, the generated ones included.

URLs in a sitemap must be absolute, so it is only written when the site knows its
address (``html_baseurl``, set from Read the Docs' canonical URL). The generated
pages come from the registry, the one list of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from ..model import build_state
from ..rules.text import xml_safe
from ..rules.urls import absolute_url
from .sharing import absolute_page_url

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["write_sitemap_and_robots"]

_SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
_ROBOTS = "User-agent: *\nAllow: /\n"


def write_sitemap_and_robots(app: Sphinx, exception: Exception | None) -> None:
    """Every page in ``sitemap.xml``, announced in ``robots.txt`` (needs the site's address)."""
    if exception is not None or not build_state(app.env).renders_pages:
        return
    outdir = Path(app.outdir)
    base = app.config.html_baseurl
    if not base:
        (outdir / "robots.txt").write_text(_ROBOTS, encoding="utf-8")
        return
    pages = sorted({*app.env.found_docs, *build_state(app.env).generated})
    ElementTree.register_namespace("", _SITEMAP)
    urlset = ElementTree.Element(f"{{{_SITEMAP}}}urlset")
    for page in pages:
        entry = ElementTree.SubElement(urlset, f"{{{_SITEMAP}}}url")
        location = ElementTree.SubElement(entry, f"{{{_SITEMAP}}}loc")
        location.text = xml_safe(absolute_page_url(app, page) or "")
    ElementTree.ElementTree(urlset).write(
        outdir / "sitemap.xml", encoding="utf-8", xml_declaration=True
    )
    sitemap = absolute_url(base, "sitemap.xml")
    (outdir / "robots.txt").write_text(f"{_ROBOTS}Sitemap: {sitemap}\n", encoding="utf-8")
