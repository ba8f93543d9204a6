"""Each page loads one stylesheet bundle and one script bundle."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import html_of

TALK = "conf-a/day-1/01-complete"


def _assets(html: str) -> tuple[list[str], list[str]]:
    styles = re.findall(r'<link rel="stylesheet" type="text/css" href="([^"?]+)', html)
    scripts = re.findall(r'<script [^>]*src="([^"?]+)', html)
    return styles, scripts


def test_a_talk_page_loads_one_stylesheet_and_one_script(build) -> None:
    app = build()
    styles, scripts = _assets(html_of(app, TALK))
    assert len(styles) == 1
    assert len(scripts) == 1
    assert re.fullmatch(r"\.\./\.\./_static/talknotes-bundle-[0-9a-f]{16}\.css", styles[0])
    css = (Path(app.outdir) / styles[0].removeprefix("../../")).read_text()
    for part in (".sd-btn", "--color-brand-primary", ".talknotes-resource", ".sidebar-brand-text"):
        assert part in css, part
    # The theme's final light and dark code colours, not Sphinx's first pygments.css.
    assert 'body[data-theme="dark"] .highlight' in css
    js = (Path(app.outdir) / scripts[0].removeprefix("../../")).read_text()
    for part in ("DOCUMENTATION_OPTIONS", "SphinxHighlight", "theme"):
        assert part in js, part


def test_pages_with_the_same_assets_share_the_bundles(build) -> None:
    app = build()
    assert _assets(html_of(app, "conf-b/index")) == (
        [href.removeprefix("../") for href in _assets(html_of(app, "conf-b/day-1/index"))[0]],
        [href.removeprefix("../") for href in _assets(html_of(app, "conf-b/day-1/index"))[1]],
    )


def test_tab_script_only_where_there_are_tabs(build) -> None:
    tabs = "---\ntags: [security]\n---\n\n# Tabs\n\n::::{tab-set}\n:::{tab-item} A\nx\n:::\n::::\n"
    app = build(files={"conf-a/day-1/03-tabs.md": tabs})
    assert "design-tabs.js" in html_of(app, "conf-a/day-1/03-tabs")
    assert "design-tabs.js" not in html_of(app, TALK)


def test_only_the_search_page_loads_the_search(build) -> None:
    app = build()
    styles, scripts = _assets(html_of(app, "search"))
    assert scripts[0].startswith("_static/talknotes-bundle-")
    assert "_static/talknotes-search.js" in scripts
    assert "_static/talknotes-search.css" in styles
    assert not {"searchindex.js", "_static/searchtools.js"} & set(scripts)  # Sphinx's search
    talk_styles, talk_scripts = _assets(html_of(app, TALK))
    assert not any("talknotes-search" in asset for asset in talk_styles + talk_scripts)
