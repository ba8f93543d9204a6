"""Talk and conference front matter: stored in the environment, shown, checked."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from conftest import article_of, warnings_of

from talknotes.model import talknotes_domain
from talknotes.rules.speakers import Speaker


def test_tags_and_speakers_are_stored_in_the_environment(build) -> None:
    app = build()
    pages = app.env.domains["talknotes"].pages
    facts = pages["conf-a/day-1/01-complete"].facts
    assert facts.tags == ("Platform", "backstage")
    assert facts.speakers == (Speaker("Jane Doe", "Acme"), Speaker("John Roe"))
    later = pages["conf-b/day-1/01-nothing-yet"].facts
    assert later.time == datetime(2025, 4, 2, 11, 0, tzinfo=timezone(timedelta(hours=1)))
    assert later.room == "Hall 8 | Room G"
    conference = pages["conf-b/index"].facts.conference
    assert conference.name == "Conf B 2025"
    assert (conference.start, conference.end) == (date(2025, 4, 1), date(2025, 4, 4))
    assert conference.location == "London, UK"


def test_speakers_stand_under_the_title(build) -> None:
    html = article_of(build(), "conf-a/day-1/01-complete")
    title_end = html.index("</h1>")
    byline = html.index('<p class="talknotes-speakers">')
    assert title_end < byline < html.index("talknotes-resource")
    assert (
        '<p class="talknotes-speakers"><span class="talknotes-speaker">'
        '<a class="reference internal" href="../../speakers/jane-doe.html" title="Jane Doe">'
        '<span>Jane Doe</span></a> <span class="talknotes-company">(Acme)</span></span>, '
        '<span class="talknotes-speaker">'
        '<a class="reference internal" href="../../speakers/john-roe.html" title="John Roe">'
        "<span>John Roe</span></a></span></p>"
    ) in html


def test_time_and_room_line(build) -> None:
    html = article_of(build(), "conf-b/day-1/01-nothing-yet")
    assert '<p class="talknotes-when">Wed 02 Apr 2025, 11:00 · Hall 8 | Room G</p>' in html


# Each kind of bad value, one page each, in one build: the rules themselves are
# unit-tested in tests/rules/test_frontmatter.py; here the point is file and line.
BAD_TALKS = [
    ("tags: [platform]\nspeakers: {a: b}\n", 3, "'speakers' must be a list of non-empty names"),
    ("tags: [platform, 3]\n", 2, "'tags' must be a list of non-empty names"),
    ("tags: [platform]\ntime: tomorrow\n", 3, "'time' 'tomorrow' must be a local date and time"),
    (
        "tags: [platform]\ntime: 2025-04-01T11:00\n",
        3,
        "'time' '2025-04-01T11:00' must be a local date and time with its UTC offset",
    ),
    ("tags: [platform]\nsource: 12345\n", 3, "'source' '12345' must look like sched:UID"),
    ("tags: [platform]\nspeaker: [Jane]\n", 3, "unknown front-matter key 'speaker'"),
]


def test_bad_talk_front_matter_is_a_warning_at_its_line(build) -> None:
    files = {
        f"conf-a/day-1/1{number}-x.md": f"---\n{front_matter}---\n\n# Talk\n"
        for number, (front_matter, _, _) in enumerate(BAD_TALKS)
    }
    warnings = warnings_of(build(files=files))
    for number, (_, line, message) in enumerate(BAD_TALKS):
        assert f"1{number}-x.md:{line}: WARNING: {message}" in warnings
    assert warnings.count("[talknotes.frontmatter]") == len(BAD_TALKS)


def test_front_matter_is_read_as_written_with_duplicates_at_their_line(build) -> None:
    text = (
        "---\ntags: platform, Security\nroom: 2.10\nroom: B\n"
        "conference:\n  name: Not here\n  start: 2025-01-01\n---\n\n# Talk\n"
    )
    app = build(files={"conf-a/day-1/03-x.md": text})
    facts = talknotes_domain(app.env).pages["conf-a/day-1/03-x"].facts
    assert facts.tags == ("platform", "Security")
    assert facts.room == "2.10"
    assert facts.conference is None
    warnings = warnings_of(app)
    assert "03-x.md:2: WARNING: 'tags' is a list: write it in brackets" in warnings
    assert "03-x.md:4: WARNING: 'room' is given twice (first on line 3)" in warnings
    assert "03-x.md:5: WARNING: 'conference:' belongs on a conference's index.md" in warnings
    assert "2.10" in article_of(app, "conf-a/day-1/03-x")


def test_bad_conference_front_matter_is_a_warning_at_its_line(build) -> None:
    conference = "conference:\n  name: X\n  start: 2025-04-02\n  end: 2025-04-01\n"
    text = f"---\ntitle: c\n{conference}---\n\n# C\n"
    warnings = warnings_of(build(files={"conf-a/index.md": text}))
    assert (
        "conf-a/index.md:3: WARNING: conference front matter: 'end' is before 'start' "
        "[talknotes.frontmatter]"
    ) in warnings


def test_format_and_sponsored_badges_stand_before_the_tags(build) -> None:
    text = "---\ntags: [platform]\nformat: lightning\nsponsored: true\n---\n\n# Quick one\n"
    html = article_of(build(files={"conf-a/day-1/03-x.md": text}), "conf-a/day-1/03-x")
    badges = html[html.index('class="talknotes-tags"') :]
    assert re.findall(r'talknotes-format">([^<]+)<', badges) == ["Lightning talk", "Sponsored"]
    assert badges.index("Lightning talk") < badges.index("Platform engineering")
