"""Pages with tags or speakers that are not talks of a day: listed, never dropped.

A talk is a page directly in a day folder. Any other page that names tags or
speakers is listed on its topic and speaker pages, in the feeds and the JSON
export: in its conference's group after the talks, or under "Other pages".
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

from conftest import article_of, warnings_of

AROUND = (
    "---\norphan: true\ntags: [backstage]\nspeakers: [Ada Lovelace]\n---\n\n"
    "# Around the conference\n\nHallway notes.\n"
)
DEEP = "---\norphan: true\ntags: [backstage]\n---\n\n# Deep in a day\n"
MISC = "---\norphan: true\ntags: [backstage]\n---\n\n# Notes from a meetup\n"
FILES = {"conf-a/around.md": AROUND, "conf-a/day-1/extra/deep.md": DEEP, "misc/meetup.md": MISC}


def _groups(html: str) -> list[tuple[str, list[str]]]:
    """Each section of a topic or speaker page: its title and the pages it links."""
    return [
        (section[1], re.findall(r'<li><p><a class="reference internal" href="([^"]+)"', section[2]))
        for section in re.finditer(r'<section id="[^"]+">\n<h2>(.*?)<a(.*?)</section>', html, re.S)
    ]


def test_tagged_pages_outside_days_are_listed_by_conference(build) -> None:
    app = build(files=FILES)
    assert warnings_of(app) == ""
    groups = _groups(article_of(app, "tags/backstage"))
    assert groups == [
        ("Conf B 2025", ["../conf-b/day-2/01-backstage.html"]),
        (
            "Conf A 2024",
            [
                "../conf-a/day-1/01-complete.html",  # its talks first, then its other pages
                "../conf-a/around.html",
                "../conf-a/day-1/extra/deep.html",
            ],
        ),
        ("Other pages", ["../misc/meetup.html"]),
    ]
    assert "2 talks at 2 conferences and 3 other pages." in article_of(app, "tags/backstage")


def test_they_reach_speaker_pages_feeds_and_the_export(build) -> None:
    app = build(files=FILES)
    speaker = article_of(app, "speakers/ada-lovelace")
    assert "../conf-a/around.html" in speaker
    outdir = Path(app.outdir)
    feed = ElementTree.parse(outdir / "tags/backstage.atom").getroot()
    titles = [entry.text for entry in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert {"Around the conference", "Deep in a day", "Notes from a meetup"} <= set(titles)
    exported = json.loads((outdir / "tags/index.json").read_text(encoding="utf-8"))
    (backstage,) = [tag for tag in exported["tags"] if tag["key"] == "backstage"]
    meetup = next(talk for talk in backstage["talks"] if talk["title"] == "Notes from a meetup")
    assert (meetup["conference"], meetup["day"], meetup["date"]) == (None, None, None)
    around = next(talk for talk in backstage["talks"] if talk["title"] == "Around the conference")
    assert (around["conference"], around["day"]) == ("Conf A 2024", None)
