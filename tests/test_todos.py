"""The generated page of open to-dos."""

from __future__ import annotations

import re

from conftest import article_of, html_of

TODO_PAGE = "---\ntags: [security]\n---\n\n# With to-dos\n\n```{todo}\nCopy the diagram.\n```\n"
TODO = "\n```{todo}\nAsk about the demo.\n```\n"


def _groups(html: str) -> list[tuple[str, str, list[str]]]:
    """(section id, heading, linked pages) in page order."""
    return [
        (anchor, heading, re.findall(r'<li><p><a class="reference internal" href="([^"]+)"', body))
        for anchor, heading, body in re.findall(
            r'<section id="([^"]+)">\n<h2>([^<]+)<a.*?</h2>(.*?)</section>', html, re.S
        )
    ]


def test_lists_every_open_todo_by_conference_newest_first(build, make_site) -> None:
    srcdir = make_site(
        files={
            "conf-a/day-1/03-todo.md": TODO_PAGE,
            "conf-b/day-2/02-todo.md": TODO_PAGE.replace("diagram", "<b>slide</b> & notes"),
            "notes.md": f"---\norphan: true\n---\n\n# Loose notes\n{TODO}",
        }
    )
    day = srcdir / "conf-b/day-1/index.md"
    day.write_text(day.read_text() + TODO)
    app = build(srcdir=srcdir)
    html = article_of(app, "todos")
    assert "4 open to-dos on 4 pages, by conference, newest first" in html
    assert _groups(html) == [
        ("conf-b", "Conf B 2025", ["conf-b/day-2/02-todo.html", "conf-b/day-1/index.html"]),
        ("conf-a", "Conf A 2024", ["conf-a/day-1/03-todo.html"]),
        ("other-pages", "Other pages", ["notes.html"]),
    ]
    assert "With to-dos</a> (Day 2)" in html  # a talk says its day
    assert "Copy the diagram." in html
    assert "Copy the &lt;b&gt;slide&lt;/b&gt; &amp; notes." in html
    assert '<a class="reference" href="todos.html">Open to-dos</a>' in html_of(app, "index")


def test_a_site_without_conferences_gets_one_list(build) -> None:
    page = "# First page\n\n```{tags} tag_1\n```\n" + TODO
    html = article_of(build("sphinx-tags", files={"page_1.md": page}), "todos")
    assert "<section id=" not in html.split("</h1>", 1)[1]
    assert re.findall(r'href="([^"]+)">First page</a>', html) == ["page_1.html"]


def test_nothing_to_do(build) -> None:
    assert "Nothing left to do" in article_of(build(), "todos")
