"""The generated pending-material page."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import article_of, html_of, warnings_of


def _pending_entries(app) -> list[tuple[str, str, str]]:
    """(conference, talk link, pending kinds) in page order."""
    html = article_of(app, "pending")
    entries = []
    current = None
    for match in re.finditer(
        r"<h2>(?P<conference>[^<]*)<a|<li><p><a class=\"reference internal\" "
        r"href=\"(?P<href>[^\"]+)\">[^<]*</a>[^<]*<span class=\"talknotes-pending-kinds\">"
        r"(?P<kinds>[^<]*)</span>",
        html,
    ):
        if match["conference"]:
            current = match["conference"]
        else:
            entries.append((current, match["href"], match["kinds"]))
    return entries


def test_lists_exactly_the_pending_talks_newest_conference_first(build) -> None:
    app = build()
    assert _pending_entries(app) == [
        ("Conf B 2025", "conf-b/day-1/01-nothing-yet.html", "video, slides"),
        ("Conf A 2024", "conf-a/day-1/02-no-video.html", "video"),
    ]
    assert "2 pages wait for a recording or slides" in article_of(app, "pending")
    assert warnings_of(app) == ""


def test_is_virtual_themed_and_in_every_sidebar(build) -> None:
    app = build()
    srcdir = Path(app.srcdir)
    assert not list(srcdir.rglob("pending*"))
    assert "<title>Pending material" in html_of(app, "pending")
    for page, href in [
        ("index", "pending.html"),
        ("conf-a/day-1/01-complete", "../../pending.html"),
    ]:
        html = html_of(app, page)
        assert 'class="sidebar-tree talknotes-generated-pages"' in html
        assert f'<a class="reference" href="{href}">Pending material</a>' in html
    assert 'href="#" aria-current="page">Pending material</a>' in html_of(app, "pending")


def test_incremental_rebuild_drops_a_talk_once_its_video_is_added(build, make_site) -> None:
    srcdir = make_site()
    app = build(srcdir=srcdir)
    assert len(_pending_entries(app)) == 2

    talk = srcdir / "conf-a/day-1/02-no-video.md"
    talk.write_text(
        talk.read_text().replace("```{video}\n", "```{video} https://youtu.be/M5X5NCzlzIA\n")
    )
    app2 = build(srcdir=srcdir)
    assert "conf-a/day-1/02-no-video" in app2.env.all_docs
    assert _pending_entries(app2) == [
        ("Conf B 2025", "conf-b/day-1/01-nothing-yet.html", "video, slides"),
    ]
    assert "https://www.youtube.com/watch?v=M5X5NCzlzIA" in html_of(
        app2, "conf-a/day-1/02-no-video"
    )


def test_fill_recordings_takes_filled_talks_off_the_page(build, make_site, run) -> None:
    srcdir = make_site()
    playlist = srcdir.parent / "playlist.csv"
    playlist.write_text(
        "title,url\n"
        "Talk Waiting for Everything - Conf B Speaker,https://youtu.be/M5X5NCzlzIA\n"
        "Talk without recording,https://youtu.be/JAy6Ra0ulSw\n"
    )
    for conference in ("conf-a", "conf-b"):
        assert run("fill-recordings", conference, playlist, "--docs", srcdir)[0] == 0
    assert _pending_entries(build(srcdir=srcdir)) == [
        ("Conf B 2025", "conf-b/day-1/01-nothing-yet.html", "slides"),
    ]


def test_removed_talk_leaves_the_page(build, make_site) -> None:
    srcdir = make_site()
    build(srcdir=srcdir)
    (srcdir / "conf-b/day-1/01-nothing-yet.md").unlink()
    app = build(srcdir=srcdir)
    assert _pending_entries(app) == [("Conf A 2024", "conf-a/day-1/02-no-video.html", "video")]


def test_nothing_pending(build) -> None:
    app = build(
        files={
            "conf-a/day-1/02-no-video.md": "---\ntags: [platform]\n---\n\n# T\n",
            "conf-b/day-1/01-nothing-yet.md": "---\ntags: [platform]\n---\n\n# T\n",
        }
    )
    assert "Nothing is pending" in article_of(app, "pending")


def test_pending_outside_a_talk_is_listed_too(build) -> None:
    app = build(files={"notes.md": "---\norphan: true\n---\n\n# Loose notes\n\n```{video}\n```\n"})
    html = article_of(app, "pending")
    assert "<h2>Other pages" in html
    assert 'href="notes.html">Loose notes</a>' in html
