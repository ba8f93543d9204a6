"""A conference page's summary under its title: dates, place, website, days with talk counts."""

from __future__ import annotations

import re

from conftest import article_of, warnings_of

ORPHAN_TALK = "---\norphan: true\ntags: [security]\n---\n\n# Another talk\n"
END = "  end: 2025-04-04\n"


def _summary(html: str) -> str:
    match = re.search(r'<div class="talknotes-conference-summary[^"]*">(.*?)</div>', html, re.S)
    assert match, "no summary"
    return match[1]


def _days(html: str) -> list[tuple[str, str, str]]:
    """(link, day title, count) of each day in the summary."""
    return re.findall(
        r'<li><p><a class="reference internal" href="([^"]+)">([^<]+)</a> · ([^<]+)</p>',
        _summary(html),
    )


def test_a_conference_page_shows_its_dates_place_and_days(build, make_site) -> None:
    srcdir = make_site()
    page = srcdir / "conf-b/index.md"
    page.write_text(
        page.read_text().replace(END, END + "  website: https://events.example.org/conf-b/\n")
    )
    app = build(srcdir=srcdir)
    html = article_of(app, "conf-b/index")
    assert html.index("</h1>") < html.index("talknotes-conference-summary") < html.index("toctree")
    assert (
        '<p class="talknotes-when">1\u20134 April 2025 · London, UK · 3 talks · '
        '<a class="reference external" href="https://events.example.org/conf-b/">'
        "Conference website</a></p>"
    ) in _summary(html)
    assert _days(html) == [
        ("day-1/index.html", "Day 1", "2 talks"),
        ("day-2/index.html", "Day 2", "1 talk"),
    ]
    conf_a = article_of(app, "conf-a/index")
    assert '<p class="talknotes-when">19 March 2024 · 2 talks</p>' in _summary(conf_a)
    assert "talknotes-conference-summary" not in article_of(app, "conf-b/day-1/index")
    assert warnings_of(app) == ""


def test_the_summary_follows_a_talk_count_on_incremental_builds(build, make_site) -> None:
    # Toctrees that name their pages: Sphinx reads none of them again when a page is
    # added, and so rewrites none of the pages that include them.
    srcdir = make_site()
    for page, entries in [
        ("conf-b/index.md", "day-1/index\nday-2/index"),
        ("conf-b/day-1/index.md", "01-nothing-yet\n02-complete"),
        ("conf-b/day-2/index.md", "01-backstage"),
    ]:
        text = (srcdir / page).read_text()
        (srcdir / page).write_text(re.sub(r":glob:\n.*\n```", f"{entries}\n```", text))
    build(srcdir=srcdir)

    # A talk no toctree lists: the conference page is not read again and its sidebar
    # does not change; its listing did, so speed.rewrites has it written again.
    (srcdir / "conf-b/day-2/extra.md").write_text(ORPHAN_TALK)
    app = build(srcdir=srcdir)
    reading = app.status.getvalue().split("reading sources", 1)[1].split("writing output")[0]
    assert "conf-b/day-2/extra" in reading
    assert "conf-b/index" not in reading
    html = article_of(app, "conf-b/index")
    assert "London, UK · 4 talks" in _summary(html)
    assert _days(html)[1] == ("day-2/index.html", "Day 2", "2 talks")


def test_a_conference_without_days(build) -> None:
    page = "---\nconference:\n  name: Conf C 2026\n  start: 2026-01-05\n---\n\n# Conf C\n"
    app = build(files={"conf-c/index.md": "---\norphan: true\n" + page.removeprefix("---\n")})
    summary = _summary(article_of(app, "conf-c/index"))
    assert '<p class="talknotes-when">5 January 2026 · 0 talks</p>' in summary
    assert "<ul" not in summary
