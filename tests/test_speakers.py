"""Speaker pages: who spoke, with their talks across conferences."""

from __future__ import annotations

import re

from conftest import article_of, html_of, warnings_of


def _talk_links(html: str) -> list[str]:
    return re.findall(r'<li><p><a class="reference internal" href="([^"]+)"', html)


SECOND_TALK = (
    "---\ntags: [security]\nspeakers: [jane  DOE (Other Co), Zoë Ærø]\n---\n\n"
    "# Second talk by Jane\n"
)


def test_a_speaker_page_lists_their_talks_across_conferences(build) -> None:
    app = build(files={"conf-b/day-2/02-jane-again.md": SECOND_TALK})
    html = article_of(app, "speakers/jane-doe")
    assert "<h1>Speaker: Jane Doe" in html
    assert "Other Co, Acme" in html  # both companies, latest first; the name matched loosely
    assert re.findall(r'<section id="([^"]+)">\n<h2>', html) == ["conf-b", "conf-a"]
    assert _talk_links(html) == [
        "../conf-b/day-2/02-jane-again.html",
        "../conf-a/day-1/01-complete.html",
    ]
    assert warnings_of(app) == ""


def test_the_speaker_index(build) -> None:
    app = build(files={"conf-b/day-2/02-jane-again.md": SECOND_TALK})
    html = article_of(app, "speakers/index")
    rows = re.findall(
        r'<td><p><a class="reference internal" href="([^"]+)">([^<]+)</a></p></td>\n'
        r"<td><p>([^<]*)</p></td>\n<td><p>(\d+)</p></td>",
        html,
    )
    assert rows == [
        ("ada-lovelace.html", "Ada Lovelace", "Analytical Engines", "1"),
        ("jane-doe.html", "Jane Doe", "Other Co, Acme", "2"),
        ("john-roe.html", "John Roe", "", "1"),
        ("zoe-aero.html", "Zoë Ærø", "", "1"),
    ]
    assert '<a class="reference internal" href="../speakers/index.html">Speakers</a>' in (
        html_of(app, "tags/index")
    )


def test_speaker_names_in_the_byline_link_to_their_pages(build) -> None:
    html = article_of(build(), "conf-b/day-2/01-backstage")
    assert 'href="../../speakers/ada-lovelace.html" title="Ada Lovelace"' in html
