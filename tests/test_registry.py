"""The registry of generated pages: links reach them, a source page never loses to one."""

from __future__ import annotations

import re

from conftest import article_of, warnings_of


def test_a_source_page_with_a_generated_name_wins_and_is_reported(build) -> None:
    files = {"pending.md": "# My own pending list\n\nHand-written.\n", "index.md": "# Home\n"}
    app = build(files=files, confoverrides={"suppress_warnings": ["toc.not_included"]})
    assert (
        "pending.md: WARNING: the build generates the page 'pending': rename the source page "
        "'pending' [talknotes.generated]"
    ) in warnings_of(app)
    assert "Hand-written." in article_of(app, "pending")


def test_markdown_links_reach_generated_pages_with_their_titles(build) -> None:
    page = (
        "# Links\n\n[](tags/backstage) [](/speakers/index) [the topics](tags/index.html)"
        " [](pending)\n"
    )
    app = build(files={"links.md": page}, confoverrides={"suppress_warnings": ["toc.not_included"]})
    links = re.findall(
        r'<a [^>]*href="([^"]+)"[^>]*><span [^>]*>([^<]+)</span></a>', article_of(app, "links")
    )
    assert links == [
        ("tags/backstage.html", "Backstage"),
        ("speakers/index.html", "Speakers"),
        ("tags/index.html", "the topics"),
        ("pending.html", "Pending material"),
    ]
    assert warnings_of(app) == ""
