"""Speaker pages: who spoke, with their talks across conferences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import article_of, assert_same_as_clean, html_of, warnings_of

from talknotes.rules.speakers import speaker_key, speaker_page_slug


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
    zoe = speaker_page_slug(speaker_key("Zoë Ærø"))
    assert rows == [
        ("ada-lovelace.html", "Ada Lovelace", "Analytical Engines", "1"),
        ("jane-doe.html", "Jane Doe", "Other Co, Acme", "2"),
        ("john-roe.html", "John Roe", "", "1"),
        (f"{zoe}.html", "Zoë Ærø", "", "1"),
    ]
    assert '<a class="reference" href="../speakers/index.html">Speakers</a>' in (
        html_of(app, "tags/index")
    )


def _speakers_shown(html: str) -> list[str]:
    return re.findall(r'<span class="talknotes-speakers-inline">(.*?)</span>', html)


def test_co_speakers_link_to_their_pages_but_not_to_the_page_itself(build) -> None:
    app = build(files={"conf-b/day-2/02-jane-again.md": SECOND_TALK})
    zoe = speaker_page_slug(speaker_key("Zoë Ærø"))
    assert _speakers_shown(article_of(app, "speakers/jane-doe")) == [
        f'Jane Doe (Other Co), <a class="reference internal" href="{zoe}.html">Zoë Ærø</a>',
        'Jane Doe (Acme), <a class="reference internal" href="john-roe.html">John Roe</a>',
    ]
    assert _speakers_shown(article_of(app, "tags/security"))[0] == (
        '<a class="reference internal" href="../speakers/jane-doe.html">Jane Doe</a> '
        f'(Other Co), <a class="reference internal" href="../speakers/{zoe}.html">Zoë Ærø</a>'
    )


def test_speaker_names_in_the_byline_link_to_their_pages(build) -> None:
    html = article_of(build(), "conf-b/day-2/01-backstage")
    assert 'href="../../speakers/ada-lovelace.html" title="Ada Lovelace"' in html


# Names that all slug alike, or to a reserved page name, in every Unicode form.
LOOK_ALIKES = (
    "---\ntags: [security]\nspeakers: [José Núñez, Index, 李小龍, 王小明, "
    + "Wolfe" * 73
    + "]\n---\n\n"
    "# Look-alike names\n"
)
DECOMPOSED = (
    "---\ntags: [platform]\n"
    "speakers: [Jose\u0301 Nu\u0301n\u0303ez (Acme), ../../index, Jose Nunez]\n---\n\n"
    "# The same people, written otherwise\n"
)


def test_look_alike_names_get_pages_of_their_own_and_one_page_per_person(build) -> None:
    app = build(
        files={"conf-b/day-2/02-names.md": LOOK_ALIKES, "conf-a/day-1/03-nfd.md": DECOMPOSED}
    )
    speakers = app.env.domains["talknotes"].site.speakers
    pages = {speaker.name: speaker.page for speaker in speakers.values()}
    assert pages["Jose Nunez"] == "speakers/jose-nunez"
    assert pages["José Núñez"].startswith("speakers/jose-nunez-")
    assert pages["Index"].startswith("speakers/index-")
    assert pages["../../index"].startswith("speakers/index-")
    assert len(set(pages.values())) == len(pages)  # no two people share a page
    assert len(speakers[speaker_key("José Núñez")].talks) == 2  # NFC and NFD: one person
    # The overview keeps its name; every speaker page exists.
    assert "<h1>Speakers" in article_of(app, "speakers/index")
    for page in pages.values():
        assert (Path(app.outdir) / f"{page}.html").is_file()
    assert warnings_of(app) == ""


def test_adding_a_speaker_builds_the_same_html_as_a_clean_build(build, make_site) -> None:
    srcdir = make_site(files={"conf-b/day-2/02-names.md": LOOK_ALIKES})
    build(srcdir=srcdir)
    (srcdir / "conf-a/day-1/03-nfd.md").write_text(DECOMPOSED, encoding="utf-8")
    assert_same_as_clean(build, srcdir, build(srcdir=srcdir))


PEOPLE = """\
jane-doe:
  name: Jane Doe
  aliases: [Jane, J. Doe]
  links: [https://example.org/jane]
ada:
  name: Ada Lovelace
"""
ALIAS_TALK = "---\ntags: [security]\nspeakers: [Jane (Acme), Ada Lovelace]\n---\n\n# By an alias\n"


def test_speakers_yml_joins_spellings_names_pages_and_gives_links(build, make_site) -> None:
    srcdir = make_site(files={"speakers.yml": PEOPLE, "conf-b/day-2/02-alias.md": ALIAS_TALK})
    app = build(srcdir=srcdir)
    assert warnings_of(app) == ""
    byline = article_of(app, "conf-b/day-2/02-alias")
    assert re.search(r'href="../../speakers/jane-doe.html"[^>]*><span>Jane Doe</span>', byline)
    jane = article_of(app, "speakers/jane-doe")
    assert _talk_links(jane) == [
        "../conf-b/day-2/02-alias.html",
        "../conf-a/day-1/01-complete.html",
    ]
    assert '<a class="reference external" href="https://example.org/jane"' in jane
    assert (Path(app.outdir) / "speakers/ada.html").is_file()  # the page speakers.yml names
    # the file changes: the bylines follow on an incremental build
    (srcdir / "speakers.yml").write_text(PEOPLE.replace("name: Jane Doe", "name: Jane Q. Doe"))
    byline = article_of(build(srcdir=srcdir), "conf-b/day-2/02-alias")
    assert "<span>Jane Q. Doe</span>" in byline


def test_a_bad_speakers_yml_is_a_warning_at_its_line(build) -> None:
    text = "jane-doe:\n  name: Jane Doe\n  aliases: [Ada Lovelace]\nada:\n  name: Ada Lovelace\n"
    warnings = warnings_of(build(files={"speakers.yml": text}))
    assert "speakers.yml:4: WARNING: speaker 'ada' claims another's name" in warnings
    assert "[talknotes.speakers]" in warnings


@pytest.mark.parametrize("site_file", ["speakers.yml", "tags.yml"])
def test_a_site_file_that_goes_and_comes_back_rebuilds_like_a_clean_build(
    build, make_site, site_file: str
) -> None:
    """Pages whose sources did not change still say what the site file makes them say."""
    srcdir = make_site(files={"speakers.yml": PEOPLE, "conf-b/day-2/02-alias.md": ALIAS_TALK})
    build(srcdir=srcdir)
    path = srcdir / site_file
    text = path.read_text(encoding="utf-8")
    path.unlink()
    assert_same_as_clean(build, srcdir, build(srcdir=srcdir), "without")
    path.write_text(text, encoding="utf-8")
    assert_same_as_clean(build, srcdir, build(srcdir=srcdir), "with")
