"""The {taglist} directive: topics at a glance and filtered talk listings."""

from __future__ import annotations

import re

from conftest import article_of, warnings_of

PAGE = "listing"


def _listing_page(body: str) -> dict[str, str]:
    return {f"{PAGE}.md": f"---\norphan: true\n---\n\n# Listing\n\n{body}\n"}


def _badges(html: str) -> list[tuple[str, str]]:
    return re.findall(
        r'href="tags/([\w-]+)\.html"><span class="sd-badge[^"]*">([^<]+)</span>', html
    )


def _talk_links(html: str) -> list[str]:
    return re.findall(r'<li><p><a class="reference internal" href="([^"]+)"', html)


def test_topics_at_a_glance(build) -> None:
    app = build(files=_listing_page("```{taglist}\n```"))
    assert _badges(article_of(app, PAGE)) == [
        ("platform", "Platform engineering 3"),
        ("backstage", "Backstage 2"),
        ("security", "Security 2"),
    ]


def test_glance_of_one_conference_with_a_limit(build) -> None:
    body = "```{taglist}\n:conference: Conf A 2024\n:limit: 1\n```"
    assert _badges(article_of(build(files=_listing_page(body)), PAGE)) == [
        ("platform", "Platform engineering 2"),
    ]


def test_talks_with_tags_newest_first(build) -> None:
    body = "```{taglist}\n:tags: backstage, Security\n```"
    html = article_of(build(files=_listing_page(body)), PAGE)
    assert _talk_links(html) == [
        "conf-b/day-1/01-nothing-yet.html",
        "conf-b/day-1/02-complete.html",
        "conf-b/day-2/01-backstage.html",
        "conf-a/day-1/01-complete.html",
    ]
    assert "Conf B 2025, Day 2" in html


def test_talks_of_one_conference_by_folder(build) -> None:
    body = ":::{taglist}\n:tags: platform\n:conference: conf-a\n:limit: 5\n:::"
    html = article_of(build(files=_listing_page(body)), PAGE)
    assert _talk_links(html) == ["conf-a/day-1/01-complete.html", "conf-a/day-1/02-no-video.html"]


def test_bad_options_warn_at_the_directive(build) -> None:
    body = (
        "Intro.\n\n```{taglist}\n:tags: plattform\n```\n\n```{taglist}\n:conference: nowhere\n```"
    )
    warnings = warnings_of(build(files=_listing_page(body)))
    assert (
        "listing.md:9: WARNING: {taglist}: unknown tag 'plattform': not a key or alias in "
        "tags.yml; did you mean 'platform'? [talknotes.tag]"
    ) in warnings
    assert "listing.md:13: WARNING: {taglist}: no conference 'nowhere'" in warnings
    assert "[talknotes.taglist]" in warnings


def test_listing_follows_a_changed_talk_without_a_clean_build(build, make_site) -> None:
    srcdir = make_site(files=_listing_page("```{taglist}\n:tags: security\n```"))
    app = build(srcdir=srcdir)
    assert len(_talk_links(article_of(app, PAGE))) == 2

    talk = srcdir / "conf-a/day-1/02-no-video.md"
    talk.write_text(talk.read_text().replace("tags: [platform]", "tags: [security]"))
    app = build(srcdir=srcdir)
    assert "conf-a/day-1/02-no-video.html" in _talk_links(article_of(app, PAGE))


def test_conference_list_newest_first_with_dates_and_places(build) -> None:
    html = article_of(build(files=_listing_page("```{conferencelist}\n```")), PAGE)
    items = re.findall(
        r'<li><p><a class="reference internal" href="([^"]+)">([^<]+)</a>([^<]*)', html
    )
    assert items == [
        ("conf-b/index.html", "Conf B 2025", " · 1\u20134 April 2025 · London, UK · 3 talks"),
        ("conf-a/index.html", "Conf A 2024", " · 19 March 2024 · 2 talks"),
    ]


def test_conference_list_follows_a_new_conference(build, make_site) -> None:
    srcdir = make_site(files=_listing_page("```{conferencelist}\n:limit: 1\n```"))
    build(srcdir=srcdir)
    (srcdir / "conf-c").mkdir()
    (srcdir / "conf-c/index.md").write_text(
        "---\nconference:\n  name: Conf C 2026\n  start: 2026-12-30\n"
        "  end: 2027-01-02\n---\n\n# C\n"
    )
    index = srcdir / "index.md"
    index.write_text(index.read_text().replace("conf-b/index\n", "conf-b/index\nconf-c/index\n"))
    html = article_of(build(srcdir=srcdir), PAGE)
    assert "Conf C 2026</a> · 30 December 2026\u20132 January 2027 · 0 talks" in html
    assert "Conf B 2025" not in html
