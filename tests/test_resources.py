"""The {video}, {slides} and {demo} directives as a reader gets them."""

from __future__ import annotations

import re
from urllib.parse import unquote

from conftest import REPO, article_of, warnings_of
from sphinx_design.icons import get_octicon

from talknotes.reading.resources import RESOURCE_KINDS

TALK = "conf-a/day-1/01-complete"


def _links(html: str) -> list[str]:
    return re.findall(r"<a [^>]*sd-btn[^>]*>.*?</a>", html, flags=re.S)


_ICON = '<span class="talknotes-icon talknotes-icon-{}" aria-hidden="true"></span>'


def test_the_stylesheet_draws_each_icon_as_sphinx_design_does() -> None:
    """Every icon a resource shows has its rule, with the octicon's own drawing."""
    css = (REPO / "_ext/talknotes/static/talknotes.css").read_text(encoding="utf-8")
    icons = {kind.icon for kind in RESOURCE_KINDS.values()} | {"clock"}  # clock: pending
    for name in icons:
        rule = re.search(
            rf"\.talknotes-icon-{name} \{{\n  --talknotes-icon: url\(\"(.*?)\"\);", css
        )
        assert rule, name
        drawn = unquote(rule.group(1)).replace("'", '"')
        for path in re.findall(r'<path d="[^"]+"', get_octicon(name, height="1em")):
            assert path in drawn, name


def test_video_button_is_a_normalised_new_tab_link(build) -> None:
    app = build()
    video, slides = _links(article_of(app, TALK))

    assert 'href="https://www.youtube.com/watch?v=M5X5NCzlzIA"' in video
    assert "si=" not in video
    assert 'target="_blank"' in video
    assert 'rel="noopener noreferrer"' in video
    assert 'class="sd-sphinx-override sd-btn sd-text-wrap sd-btn-primary' in video
    assert video.endswith(f"{_ICON.format('video')}Watch the talk</a>")

    assert 'href="https://example.org/slides.pdf"' in slides
    assert slides.endswith(f"{_ICON.format('file-media')}Slides</a>")


def test_label_replaces_the_text_and_start_time_is_kept(build) -> None:
    (recording,) = _links(article_of(app := build(), "conf-b/day-1/02-complete"))
    assert 'href="https://www.youtube.com/watch?v=JAy6Ra0ulSw&amp;t=90s"' in recording
    assert recording.endswith("Recording</a>")
    assert warnings_of(app) == ""


def test_colon_fences_and_pending_markers(build) -> None:
    html = article_of(build(), "conf-b/day-1/01-nothing-yet")
    (demo,) = _links(html)
    assert 'href="https://github.com/example/demo"' in demo
    assert "sd-btn-outline-primary" in demo
    assert demo.endswith(f"{_ICON.format('code')}Demo code</a>")

    clock = re.escape(_ICON.format("clock"))
    markers = re.findall(rf'<span class="talknotes-pending-marker[^"]*">{clock}(.*?)</span>', html)
    assert markers == [
        "Recording pending",
        "Slides promised by the speaker",
    ]
    resources = re.findall(r'<p class="talknotes-resource.*?</p>', html, re.S)
    assert ["<a " in block for block in resources] == [False, False, True]  # markers: no links


def test_refused_url_is_an_error_at_file_and_line_and_never_a_link(build) -> None:
    """Which URLs are refused is unit-tested in tests/rules/test_urls.py; here: every
    directive reports a refusal at its own line and links nothing."""
    page = "conf-a/day-1/03-bad"
    text = (
        "---\ntags: [platform]\n---\n\n# Bad\n\nIntro.\n\n"
        "```{video} javascript:alert(1)\n```\n\n"  # line 9
        "```{slides} data:text/html;base64,PHNjcmlwdD4=\n```\n\n"  # line 12
        "```{demo} https://youtu.be/tooShort\n```\n"  # line 15
    )
    app = build(files={f"{page}.md": text})

    warnings = warnings_of(app)
    for line, directive in [(9, "video"), (12, "slides"), (15, "demo")]:
        assert f"03-bad.md:{line}: WARNING: {{{directive}}} URL refused:" in warnings
    assert warnings.count("[talknotes.resource]") == 3
    html = article_of(app, page)
    for scheme in ("javascript", "data:", "tooShort"):
        assert scheme not in html
    assert "sd-btn" not in html


def test_refused_url_in_colon_fence_reports_its_line(build) -> None:
    text = "---\ntags: [platform]\n---\n\n# Bad\n\n:::{video} javascript:alert(1)\n:::\n"
    app = build(files={"conf-a/day-1/03-bad.md": text})
    assert "03-bad.md:7: WARNING: {video} URL refused: 'javascript:alert(1)'" in warnings_of(app)
    assert "javascript" not in article_of(app, "conf-a/day-1/03-bad")


def test_demo_needs_a_url(build) -> None:
    app = build(files={"conf-a/day-1/03-bad.md": "# Bad\n\n```{demo}\n```\n"})
    assert "03-bad.md:3: WARNING: {demo} needs a URL [talknotes.resource]" in warnings_of(app)


def test_front_matter_text_is_escaped(build) -> None:
    text = (
        '---\ntags: [platform]\nspeakers: ["<script>alert(1)</script> (Evil & Co)"]\n'
        "room: <b>Hall</b>\n---\n\n# Talk\n"
    )
    html = article_of(build(files={"conf-a/day-1/03-x.md": text}), "conf-a/day-1/03-x")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "(Evil &amp; Co)" in html
    assert "&lt;b&gt;Hall&lt;/b&gt;" in html
