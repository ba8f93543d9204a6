"""The generated page of open to-dos."""

from __future__ import annotations

import re

from conftest import article_of, html_of

TODO_PAGE = "---\ntags: [security]\n---\n\n# With to-dos\n\n```{todo}\nCopy the diagram.\n```\n"


def test_lists_every_open_todo_with_its_page(build) -> None:
    app = build(
        files={
            "conf-a/day-1/03-todo.md": TODO_PAGE,
            "conf-b/day-2/02-todo.md": TODO_PAGE.replace("diagram", "<b>slide</b> & notes"),
        }
    )
    html = article_of(app, "todos")
    assert "2 open to-dos on 2 pages" in html
    pages = re.findall(r'<a class="reference internal" href="([^"]+)">With to-dos</a>', html)
    assert pages == ["conf-b/day-2/02-todo.html", "conf-a/day-1/03-todo.html"]  # newest first
    assert "Copy the diagram." in html
    assert "Copy the &lt;b&gt;slide&lt;/b&gt; &amp; notes." in html
    assert '<a class="reference internal" href="todos.html">Open to-dos</a>' in html_of(
        app, "index"
    )


def test_nothing_to_do(build) -> None:
    assert "Nothing left to do" in article_of(build(), "todos")
