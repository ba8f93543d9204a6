"""The topics overview's trends: an SVG chart drawn at build time, and the table under it."""

from __future__ import annotations

import re
import shutil
from xml.etree import ElementTree

from conftest import article_of, warnings_of

from talknotes.pages.chart import HEADER_LINES, LABEL_CHARACTERS, ROW, Column, Row, trend_chart

SVG = "{http://www.w3.org/2000/svg}"


def _chart(html: str) -> ElementTree.Element:
    """The overview's chart, parsed as XML (so it is well-formed)."""
    match = re.search(r'<div class="talknotes-chart-box">\s*(<svg.*?</svg>)\s*</div>', html, re.S)
    assert match, "no chart"
    return ElementTree.fromstring(match[1])


def _texts(chart: ElementTree.Element, size: str) -> list[str]:
    """The texts of the chart's group with font size ``size``, in drawing order."""
    group = next(g for g in chart.iter(f"{SVG}g") if g.get("font-size") == size)
    return [text.text or "" for text in group.iter(f"{SVG}text")]


def _header(html: str) -> list[str]:
    trends = html.split('id="trends"', 1)[1]
    return re.findall(r'<th class="head"><p>([^<]*)</p>', trends)


def test_the_chart_shows_the_counts_of_the_table_newest_conference_first(build) -> None:
    app = build()
    html = article_of(app, "tags/index")
    chart = _chart(html)
    assert chart.get("role") == "img"
    assert chart.get("aria-labelledby") == "talknotes-chart-title talknotes-chart-desc"
    assert chart.findtext(f"{SVG}title") == (
        "Talks per topic at each conference, newest conference first"
    )
    assert "The table below gives the same numbers." in (chart.findtext(f"{SVG}desc") or "")
    assert _texts(chart, "12") == ["Conf B 2025", "3 talks", "Conf A 2024", "2 talks"]
    assert _texts(chart, "13") == [
        "Platform engineering", "1", "2",  # conf-b, conf-a
        "Backstage", "1", "1",
        "Security", "2",
    ]  # fmt: skip
    assert len(list(chart.iter(f"{SVG}circle"))) == 5
    # No colour is written into the drawing but currentColor: the stylesheet has them.
    assert not re.search(r"#[0-9a-f]{3,6}\b|rgb\(", ElementTree.tostring(chart, "unicode"))
    assert _header(html) == ["Topic", "Conf B 2025", "Conf A 2024"]
    assert html.index("talknotes-chart-box") < html.index("talknotes-tag-trends")
    assert warnings_of(app) == ""


def test_one_conference_one_column(build, make_site) -> None:
    srcdir = make_site()
    shutil.rmtree(srcdir / "conf-a")
    index = srcdir / "index.md"
    index.write_text(index.read_text().replace("conf-a/index\n", ""))
    html = article_of(build(srcdir=srcdir), "tags/index")
    assert _texts(_chart(html), "12") == ["Conf B 2025", "3 talks"]
    assert _header(html) == ["Topic", "Conf B 2025"]


def test_without_conferences_there_are_no_trends(build) -> None:
    html = article_of(build("sphinx-tags"), "tags/index")
    assert "talknotes-tag-overview" in html
    assert 'id="trends"' not in html
    assert "<svg" not in html


def test_a_conference_without_talks_has_its_column_and_keeps_it_current(build, make_site) -> None:
    page = "---\nconference:\n  name: Conf C 2026\n  start: 2026-01-05\n---\n\n# Conf C\n"
    srcdir = make_site(files={"conf-c/index.md": page})
    index = srcdir / "index.md"
    index.write_text(index.read_text().replace("conf-b/index\n", "conf-b/index\nconf-c/index\n"))
    html = article_of(build(srcdir=srcdir), "tags/index")
    assert _header(html) == ["Topic", "Conf C 2026", "Conf B 2025", "Conf A 2024"]
    assert _texts(_chart(html), "12")[:2] == ["Conf C 2026", "0 talks"]

    # Its name changes in the front matter only: no talk and no sidebar shows it.
    (srcdir / "conf-c/index.md").write_text(page.replace("name: Conf C", "name: Conf Z"))
    html = article_of(build(srcdir=srcdir), "tags/index")
    assert _header(html)[1] == "Conf Z 2026"


def _many_topics(count: int) -> dict[str, str]:
    """``count`` topics with long names, on twelve talks, five topics each."""
    vocabulary = "".join(
        f"topic-{n:02d}:\n  title: Topic number {n} with a name far too long to show\n"
        for n in range(count)
    )
    files = {"tags.yml": vocabulary}
    for talk in range(count // 5):
        tags = ", ".join(f"topic-{n:02d}" for n in range(talk * 5, talk * 5 + 5))
        files[f"conf-b/day-1/{talk + 10:02d}-talk.md"] = f"---\ntags: [{tags}]\n---\n\n# T{talk}\n"
    files["conf-a/day-1/01-complete.md"] = "---\ntags: [topic-00]\n---\n\n# Complete talk\n"
    files["conf-a/day-1/02-no-video.md"] = "---\ntags: [topic-59]\n---\n\n# Talk\n"
    files["conf-b/day-1/01-nothing-yet.md"] = "---\ntags: [topic-01]\n---\n\n# Talk\n"
    files["conf-b/day-1/02-complete.md"] = "---\ntags: [topic-02]\n---\n\n# Talk\n"
    files["conf-b/day-2/01-backstage.md"] = "---\ntags: [topic-03]\n---\n\n# Talk\n"
    return files


def test_sixty_topics_make_a_tall_chart_with_short_labels(build) -> None:
    app = build(files=_many_topics(60))
    chart = _chart(article_of(app, "tags/index"))
    labels = [text for text in _texts(chart, "13") if not text.isdigit()]
    assert len(labels) == 60
    assert all(len(label) <= LABEL_CHARACTERS and label.endswith("\u2026") for label in labels)
    assert int(chart.get("height", "0")) > 60 * ROW
    assert warnings_of(app) == ""


def test_long_conference_names_wrap_and_empty_charts_are_not_drawn() -> None:
    name = "The International Conference on Very Long Names for Conferences and Co-located Events"
    svg = trend_chart([Column(name, "1 talk")], [Row("Topic", (1,))], title="T", description="D")
    header = _texts(ElementTree.fromstring(svg), "12")
    assert len(header) == HEADER_LINES + 1  # the name's lines and the note
    assert header[HEADER_LINES - 1].endswith("\u2026")
    assert trend_chart([], [Row("Topic", ())], title="T", description="D") == ""
    assert trend_chart([Column("C", "0 talks")], [], title="T", description="D") == ""
