"""Link previews, sitemap, robots.txt and the 404 page."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from conftest import html_of, warnings_of

BASE = "https://notes.example.org/en/latest/"
TALK = "conf-b/day-2/01-backstage"


def _meta(html: str) -> dict[str, str]:
    return dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', html))


def test_talk_pages_preview_with_title_and_notes(build) -> None:
    meta = _meta(html_of(build(), TALK))
    assert meta["og:title"] == "Backstage in practice"
    assert meta["og:type"] == "article"
    assert meta["og:description"] == (
        "Conf B 2025, Day 2. The portal became the front door of the platform."
    )
    assert meta["description"] == meta["og:description"]
    assert meta["twitter:card"] == "summary"
    assert "twitter:title" not in meta  # X falls back to og:title and og:description
    assert "og:url" not in meta  # no canonical address known


def test_every_page_has_preview_tags(build) -> None:
    app = build()
    for page in ("index", "conf-a/index", "tags/index", "tags/backstage", "pending", "search"):
        meta = _meta(html_of(app, page))
        assert meta["og:title"], page
        assert meta["og:description"], page


def test_preview_text_from_front_matter_is_escaped(build) -> None:
    talk = '---\ntags: [security]\n---\n\n# A "quoted" <title>\n\nFirst <b>bold</b> & more.\n'
    meta = _meta(html_of(build(files={"conf-a/day-1/03-x.md": talk}), "conf-a/day-1/03-x"))
    assert meta["og:title"] == "A “quoted” &lt;title&gt;"  # smart quotes, escaped tag
    assert meta["og:description"].endswith("First bold &amp; more.")  # inline HTML dropped


def test_canonical_urls_sitemap_and_robots(build) -> None:
    app = build(confoverrides={"html_baseurl": BASE})
    meta = _meta(html_of(app, TALK))
    assert meta["og:url"] == BASE + TALK + ".html"
    outdir = Path(app.outdir)
    sitemap = ElementTree.parse(outdir / "sitemap.xml").getroot()
    locations = [
        loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert BASE + TALK + ".html" in locations
    assert BASE + "tags/backstage.html" in locations
    assert BASE + "pending.html" in locations
    assert BASE + "speakers/index.html" in locations
    assert any(location.startswith(BASE + "speakers/jane") for location in locations)
    # Every page of the site, written or generated, and nothing else.
    written = {
        BASE + path.relative_to(outdir).as_posix()
        for path in outdir.rglob("*.html")
        if path.name not in {"search.html", "404.html"} and "_static" not in path.parts
    }
    assert set(locations) == written
    assert locations == sorted(locations)
    assert (outdir / "robots.txt").read_text() == (
        f"User-agent: *\nAllow: /\nSitemap: {BASE}sitemap.xml\n"
    )


def test_without_an_address_no_sitemap_but_robots(build) -> None:
    outdir = Path(build().outdir)
    assert not (outdir / "sitemap.xml").exists()
    assert (outdir / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"


def test_the_404_page_links_absolutely(build) -> None:
    app = build(confoverrides={"notfound_urls_prefix": "/en/latest/"})
    page = html_of(app, "404")
    assert "Page not found" in page
    stylesheet = re.search(r'<link rel="stylesheet" type="text/css" href="([^"]+)"', page)[1]
    assert stylesheet.startswith("/en/latest/_static/talknotes-bundle-")


def test_characters_xml_cannot_carry_are_reported_and_left_out_of_feeds(build) -> None:
    text = (
        '---\ntags: [backstage]\nspeakers: ["Ann\\bLee (Acme)"]\nroom: "Hall\\x01"\n---\n\n'
        "# Title with a \x0b vertical tab\n\nA summary with \x07 in it.\n"
    )
    app = build(files={"conf-a/day-1/03-x.md": text}, confoverrides={"html_baseurl": BASE})
    warnings = warnings_of(app)
    for line, what in [(7, "the title"), (9, "the summary"), (4, "'room'"), (3, "'speakers'")]:
        assert f"03-x.md:{line}: WARNING: {what} contains U+" in warnings, what
    assert warnings.count("[talknotes.character]") == 4
    outdir = Path(app.outdir)
    for feed in ("feed.atom", "tags/backstage.atom", "sitemap.xml"):
        ElementTree.parse(outdir / feed)  # well-formed
    assert "AnnLee (Acme)" in (outdir / "feed.atom").read_text(encoding="utf-8")


def test_a_page_without_a_title_is_reported(build) -> None:
    app = build(files={"conf-a/day-1/03-x.md": "---\ntags: [backstage]\n---\n\nNo heading.\n"})
    assert "03-x.md:1: WARNING: the page has no title" in warnings_of(app)
    assert "[talknotes.title]" in warnings_of(app)
