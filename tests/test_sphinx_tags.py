"""A site written for sphinx-tags builds with our extension unchanged, with -W.

The fixture (tests/roots/sphinx-tags) has free tags in the ``{tags}`` directive
(underscores, spaces, brackets, an emoji, a case variant in a sub-folder), a
toctree entry ``_tags/tagsindex``, ``sphx_tag_*`` and ``tagoverview`` references,
sphinx-tags' settings, and no ``tags.yml``.
"""

from __future__ import annotations

import re

import pytest
from conftest import article_of, html_of, warnings_of

from talknotes.rules.vocabulary import free_tag_key

SETTINGS = {
    "tags_create_tags": True,
    "tags_extension": ["md"],
    "tags_output_dir": "_tags",
    "tags_page_title": "Tag",
    "tags_overview_title": "All tags",
    "tags_intro_text": "Tags:",
    "tags_badge_colors": {"tag_*": "info", "*": "secondary"},
}


def _listed(html: str) -> list[str]:
    return re.findall(r'<li><p><a class="reference internal" href="([^"]+)"', html)


def test_a_sphinx_tags_site_builds_strictly_and_writes_nothing_into_its_sources(
    build, make_site
) -> None:
    srcdir = make_site("sphinx-tags")
    before = sorted(path.relative_to(srcdir) for path in srcdir.rglob("*"))
    app = build(srcdir=srcdir, confoverrides=SETTINGS)
    assert warnings_of(app) == ""
    assert sorted(path.relative_to(srcdir) for path in srcdir.rglob("*")) == before
    pages = {
        "tag-1": ["../page_1.html", "../page_2.html"],
        "tag2": ["../page_1.html"],
        "tag-3": ["../page_1.html", "../subdir/page_3.html"],  # Tag 3 and tag 3: one page
        "tag-4": ["../page_2.html"],
        free_tag_key("🎉 party"): ["../page_2.html"],
    }
    for key, listed in pages.items():
        assert _listed(article_of(app, f"tags/{key}")) == listed, key
    assert "<h1>Tag: Tag 3" in html_of(app, "tags/tag-3")  # a tie: the first spelling in order


def test_sphinx_tags_names_lead_to_our_pages(build) -> None:
    app = build("sphinx-tags", confoverrides=SETTINGS)
    home = article_of(app, "index")
    assert re.search(r'<a class="reference internal" href="tags/index.html">All tags</a>', home)
    assert 'href="tags/tag-1.html"' in home
    assert 'href="tags/index.html"' in home
    page = article_of(app, "page_1")
    assert re.search(r'href="tags/tag-1.html"><span class="std std-ref">the first tag</span>', page)
    assert '<span class="talknotes-tags-intro">Tags: </span>' in page
    assert 'class="sd-badge sd-bg-info sd-bg-text-info">tag_1</span>' in page
    assert 'class="sd-badge sd-bg-secondary sd-bg-text-secondary">tag2</span>' in page
    sidebar = html_of(app, "page_1")
    assert ">All tags</a>" in sidebar


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml", "epub", "latex", "text"])
def test_every_builder_takes_the_sphinx_tags_site(make_app, make_site, builder: str) -> None:
    srcdir = make_site("sphinx-tags")
    app = make_app(builder, srcdir=srcdir, builddir=srcdir.parent / "build", confoverrides=SETTINGS)
    app.build()
    assert warnings_of(app) == ""


def test_a_vocabulary_added_later_rereads_the_tagged_pages(build, make_site) -> None:
    srcdir = make_site("sphinx-tags")
    assert warnings_of(build(srcdir=srcdir)) == ""
    (srcdir / "tags.yml").write_text("tag-1:\n  title: Tag one\n  aliases: [tag_1]\n")
    warnings = warnings_of(build(srcdir=srcdir))
    assert "page_1.md:3: WARNING: unknown tag 'tag2': not a key or alias in tags.yml" in warnings
    assert "subdir/page_3.md:3: WARNING: unknown tag 'Tag 3'" in warnings
