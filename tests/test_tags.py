"""Tags: vocabulary, matching, badges, topic pages, feeds, JSON and {taglist}."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

from conftest import article_of, html_of, warnings_of

ATOM = "{http://www.w3.org/2005/Atom}"


def _tag_page_talks(app, key: str) -> list[tuple[str, str]]:
    """(conference section id, talk link) in page order."""
    html = article_of(app, f"tags/{key}")
    found = []
    for section in re.finditer(r'<section id="([^"]+)">\n<h2>.*?</section>', html, re.S):
        found += [
            (section[1], href)
            for href in re.findall(
                r'<li><p><a class="reference internal" href="([^"]+)"', section[0]
            )
        ]
    return found


def _overview_counts(app) -> dict[str, int]:
    html = article_of(app, "tags/index")
    overview = html[: html.index('id="trends"')]
    return {
        key: int(count)
        for key, count in re.findall(
            r'href="(\w[\w-]*)\.html">[^<]*</a></p></td>\n<td><p>[^<]*</p></td>\n<td><p>(\d+)</p>',
            overview,
        )
    }


def test_case_and_alias_variants_land_on_one_page(build) -> None:
    app = build()
    records = app.env.domains["talknotes"].pages
    assert records["conf-a/day-1/01-complete"].tag_keys == ["platform", "backstage"]
    assert records["conf-b/day-1/02-complete"].tag_keys == ["platform", "security"]
    assert records["conf-b/day-2/01-backstage"].tag_keys == ["backstage"]
    assert _tag_page_talks(app, "platform") == [
        ("conf-b", "../conf-b/day-1/02-complete.html"),
        ("conf-a", "../conf-a/day-1/01-complete.html"),
        ("conf-a", "../conf-a/day-1/02-no-video.html"),
    ]
    assert _tag_page_talks(app, "backstage") == [
        ("conf-b", "../conf-b/day-2/01-backstage.html"),
        ("conf-a", "../conf-a/day-1/01-complete.html"),
    ]
    assert warnings_of(app) == ""


def test_talks_order_by_time_then_toctree_within_a_day(build) -> None:
    app = build()
    assert _tag_page_talks(app, "security") == [
        ("conf-b", "../conf-b/day-1/01-nothing-yet.html"),  # has a time: first
        ("conf-b", "../conf-b/day-1/02-complete.html"),
    ]
    later = "---\ntags: [security]\ntime: 2025-04-02T09:00+01:00\n---\n\n# Early bird\n"
    app = build(files={"conf-b/day-1/03-early.md": later})
    assert [href for _, href in _tag_page_talks(app, "security")] == [
        "../conf-b/day-1/03-early.html",
        "../conf-b/day-1/01-nothing-yet.html",
        "../conf-b/day-1/02-complete.html",
    ]


def test_counts_agree_between_overview_trends_and_tag_pages(build) -> None:
    app = build()
    counts = _overview_counts(app)
    assert counts == {"platform": 3, "backstage": 2, "security": 2}
    assert list(counts) == ["platform", "backstage", "security"]  # by count, then title
    for key, count in counts.items():
        assert len(_tag_page_talks(app, key)) == count
        trends = article_of(app, "tags/index").split('id="trends"')[1]
        cells = re.findall(rf'href="{key}\.html#([\w-]+)">(\d+)</a>', trends)
        assert sum(int(number) for _, number in cells) == count
        assert {anchor for anchor, _ in cells} <= {"conf-a", "conf-b"}
    header = re.findall(r'<th class="head"><p>([^<]*)</p>', article_of(app, "tags/index"))
    assert header[-2:] == ["Conf B 2025", "Conf A 2024"]  # newest conference first


def test_tag_page_shows_description_feed_and_co_occurring_tags(build) -> None:
    app = build()
    html = html_of(app, "tags/platform")
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'title="Platform engineering" href="platform.atom">'
    ) in html
    article = article_of(app, "tags/platform")
    assert "Internal developer platforms &amp; golden paths." in article
    assert "3 talks at 2 conferences." in article
    assert re.search(
        r'Often together with: <a class="reference internal" href="backstage.html">'
        r"Backstage</a> \(1\), "
        r'<a class="reference internal" href="security.html">Security</a> \(1\)',
        article,
    )
    assert (
        '<a class="reference internal" href="../speakers/jane-doe.html">Jane Doe</a> (Acme), '
        '<a class="reference internal" href="../speakers/john-roe.html">John Roe</a>'
    ) in article
    assert "Day 1" in article


def test_talk_pages_show_tags_as_badge_links(build) -> None:
    html = article_of(build(), "conf-a/day-1/01-complete")
    badges = re.findall(
        r'<a class="reference internal" href="([^"]+)" title="[^"]+">'
        r'<span class="sd-badge[^"]*">([^<]+)</span></a>',
        html,
    )
    assert badges == [
        ("../../tags/platform.html", "Platform engineering"),
        ("../../tags/backstage.html", "Backstage"),
    ]


def test_topic_pages_are_linked_from_every_page_and_not_written_into_the_sources(build) -> None:
    app = build()
    sources = Path(app.srcdir)
    before = {path: path.read_bytes() for path in sources.rglob("*") if path.is_file()}
    app = build(srcdir=sources)
    after = {path: path.read_bytes() for path in sources.rglob("*") if path.is_file()}
    assert before == after
    for page, href in [
        ("index", "tags/index.html"),
        ("conf-b/day-2/01-backstage", "../../tags/index.html"),
    ]:
        assert f'<a class="reference" href="{href}">Topics</a>' in html_of(app, page)


def test_unknown_tag_warns_at_its_line_with_suggestions(build) -> None:
    text = "---\nspeakers: [A]\ntags: [plattform, Security]\n---\n\n# Talk\n"
    app = build(files={"conf-a/day-1/03-x.md": text})
    assert (
        "03-x.md:3: WARNING: unknown tag 'plattform': not a key or alias in tags.yml; "
        "did you mean 'platform'? [talknotes.tag]"
    ) in warnings_of(app)
    assert app.env.domains["talknotes"].pages["conf-a/day-1/03-x"].tag_keys == ["security"]


def test_talk_without_tags_warns(build) -> None:
    app = build(files={"conf-a/day-1/03-x.md": "# Untagged talk\n"})
    assert "03-x.md:1: WARNING: talk has no tags" in warnings_of(app)
    assert "[talknotes.untagged]" in warnings_of(app)


def test_unused_vocabulary_tag_is_information_only(build) -> None:
    vocabulary = (
        "platform:\n  title: P\n  aliases: [platforms]\nsecurity:\n  title: S\n"
        "backstage:\n  title: B\nml:\n  title: ML\n"
    )
    app = build(files={"tags.yml": vocabulary})
    assert "tags no talk uses yet: ml" in app.status.getvalue()
    assert warnings_of(app) == ""


def test_bad_vocabulary_is_an_error_at_file_and_line(build) -> None:
    """Every problem of tags.yml is unit-tested in tests/rules; here: it reaches the build."""
    vocabulary = (
        "platform:\n  title: P\n  aliases: [k8s]\nkubernetes:\n  title: K\n  aliases: [K8s]\n"
    )
    warnings = warnings_of(build(files={"tags.yml": vocabulary}))
    assert (
        "tags.yml:4: WARNING: tag 'kubernetes' claims spellings of another tag: "
        "'K8s' (already 'platform') [talknotes.vocabulary]"
    ) in warnings


def test_sphinx_tags_directive_is_accepted(build) -> None:
    text = "# Imported talk\n\n```{tags} security, Backstage\n```\n\nNotes.\n"
    app = build(files={"conf-a/day-1/03-x.md": text})
    assert app.env.domains["talknotes"].pages["conf-a/day-1/03-x"].tag_keys == [
        "security",
        "backstage",
    ]
    assert ("conf-a", "../conf-a/day-1/03-x.html") in _tag_page_talks(app, "security")
    assert warnings_of(app) == ""


def test_tags_in_code_examples_do_not_count(build) -> None:
    text = "---\ntags: [security]\n---\n\n# T\n\n````md\n```{tags} backstage\n```\n````\n"
    app = build(files={"conf-a/day-1/03-x.md": text})
    assert app.env.domains["talknotes"].pages["conf-a/day-1/03-x"].tag_keys == ["security"]


def test_feeds_parse_as_atom_in_date_order(build) -> None:
    app = build()
    outdir = Path(app.outdir)
    site = ElementTree.parse(outdir / "feed.atom").getroot()
    assert site.tag == f"{ATOM}feed"
    assert site.find(f"{ATOM}updated").text == "2025-04-02T10:00:00Z"
    entries = site.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}link").get("href") for entry in entries] == [
        "conf-b/day-1/01-nothing-yet.html",
        "conf-b/day-1/02-complete.html",
        "conf-b/day-2/01-backstage.html",
        "conf-a/day-1/01-complete.html",
        "conf-a/day-1/02-no-video.html",
    ]
    for entry in entries:
        for field in ("id", "title", "updated", "summary"):
            assert entry.find(f"{ATOM}{field}").text
    backstage = ElementTree.parse(outdir / "tags/backstage.atom").getroot()
    first = backstage.find(f"{ATOM}entry")
    assert first.find(f"{ATOM}title").text == "Backstage in practice"
    assert first.find(f"{ATOM}author/{ATOM}name").text == "Ada Lovelace (Analytical Engines)"
    assert first.find(f"{ATOM}summary").text == "The portal became the front door of the platform."
    assert first.find(f"{ATOM}link").get("href") == "../conf-b/day-2/01-backstage.html"
    assert first.find(f"{ATOM}updated").text == "2025-04-01T00:00:00Z"
    assert 'href="../feed.atom"' in html_of(app, "conf-a/index")


def test_feeds_use_absolute_urls_under_the_canonical_address(build) -> None:
    app = build(confoverrides={"html_baseurl": "https://notes.example.org/en/latest/"})
    feed = ElementTree.parse(Path(app.outdir) / "tags/security.atom").getroot()
    assert feed.find(f"{ATOM}id").text == "https://notes.example.org/en/latest/tags/security.atom"
    entry = feed.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}id").text == (
        "https://notes.example.org/en/latest/conf-b/day-1/01-nothing-yet.html"
    )


def test_json_export(build) -> None:
    export = json.loads((Path(build().outdir) / "tags/index.json").read_text())
    by_key = {tag["key"]: tag for tag in export["tags"]}
    assert list(by_key) == ["platform", "backstage", "security"]
    assert by_key["platform"]["aliases"] == ["platforms", "platform-engineering"]
    assert by_key["platform"]["url"] == "platform.html"
    assert [talk["url"] for talk in by_key["backstage"]["talks"]] == [
        "../conf-b/day-2/01-backstage.html",
        "../conf-a/day-1/01-complete.html",
    ]
    assert by_key["backstage"]["talks"][1]["speakers"] == ["Jane Doe (Acme)", "John Roe"]


def test_front_matter_and_vocabulary_text_is_escaped_everywhere(build) -> None:
    vocabulary = (
        'security:\n  title: Sec & "Ops" <b>\n  description: a < b & c\n'
        "platform:\n  title: P\nbackstage:\n  title: B\n"
    )
    talk = (
        '---\ntags: [security]\nspeakers: ["Eve <script> & \\"Co\\""]\n---\n\n'
        "# Title with <angle> & ampersand\n\nSummary with <tags> & more.\n"
    )
    app = build(files={"tags.yml": vocabulary, "conf-a/day-1/03-x.md": talk})
    outdir = Path(app.outdir)
    # Markdown in the body may hold inline HTML on purpose; what comes from front
    # matter and the vocabulary, and every title on a generated page, is text.
    for page in ("tags/security", "tags/index"):
        article = article_of(app, page)
        for raw in ("<script", "<b>", "<angle>", "<tags>"):
            assert raw not in article, (page, raw)
    talk_page = article_of(app, "conf-a/day-1/03-x")
    assert "<script" not in talk_page
    assert "<b>" not in talk_page
    assert "Eve &lt;script&gt; &amp; &quot;Co&quot;" in article_of(app, "tags/security")
    assert "Title with &lt;angle&gt; &amp; ampersand" in article_of(app, "tags/security")
    assert "Sec &amp; &quot;Ops&quot; &lt;b&gt;" in html_of(app, "tags/security")
    feed = ElementTree.parse(outdir / "tags/security.atom").getroot()
    entry = next(
        entry
        for entry in feed.findall(f"{ATOM}entry")
        if entry.find(f"{ATOM}title").text == "Title with <angle> & ampersand"
    )
    assert entry.find(f"{ATOM}author/{ATOM}name").text == 'Eve <script> & "Co"'
    assert entry.find(f"{ATOM}summary").text == "Summary with & more."  # inline HTML dropped
    export = json.loads((outdir / "tags/index.json").read_text())
    assert {tag["title"] for tag in export["tags"]} == {'Sec & "Ops" <b>', "P", "B"}


def test_adding_and_removing_a_tag_updates_pages_and_feeds_incrementally(build, make_site) -> None:
    srcdir = make_site()
    app = build(srcdir=srcdir)
    assert len(_tag_page_talks(app, "security")) == 2

    talk = srcdir / "conf-a/day-1/02-no-video.md"
    talk.write_text(talk.read_text().replace("tags: [platform]", "tags: [platform, security]"))
    app = build(srcdir=srcdir)
    assert "conf-a/day-1/02-no-video" in app.env.all_docs
    assert ("conf-a", "../conf-a/day-1/02-no-video.html") in _tag_page_talks(app, "security")
    assert _overview_counts(app)["security"] == 3
    feed = (Path(app.outdir) / "tags/security.atom").read_text()
    assert "02-no-video.html" in feed

    talk.write_text(talk.read_text().replace("tags: [platform, security]", "tags: [security]"))
    app = build(srcdir=srcdir)
    assert ("conf-a", "../conf-a/day-1/02-no-video.html") not in _tag_page_talks(app, "platform")
    assert _overview_counts(app)["platform"] == 2
    assert "02-no-video" not in (Path(app.outdir) / "tags/platform.atom").read_text()


def test_editing_the_vocabulary_rereads_tagged_pages(build, make_site) -> None:
    srcdir = make_site()
    build(srcdir=srcdir)
    vocabulary = srcdir / "tags.yml"
    vocabulary.write_text(
        vocabulary.read_text().replace("title: Backstage", "title: Backstage portal")
    )
    app = build(srcdir=srcdir)
    assert ">Backstage portal</span></a>" in article_of(app, "conf-b/day-2/01-backstage")


def test_unchanged_topic_pages_and_feeds_are_not_written_again(build, make_site) -> None:
    srcdir = make_site()
    app = build(srcdir=srcdir)
    outdir = Path(app.outdir)
    untouched = [outdir / "tags/backstage.html", outdir / "tags/backstage.atom"]
    touched = [outdir / "tags/security.html", outdir / "tags/security.atom", outdir / "feed.atom"]
    written = {path: path.stat().st_mtime_ns for path in untouched + touched}
    (outdir / "tags/platform.html").unlink()  # a missing output is always written

    talk = srcdir / "conf-b/day-1/01-nothing-yet.md"  # tagged security only
    talk.write_text(talk.read_text().replace("# Talk waiting for everything", "# Retitled"))
    app = build(srcdir=srcdir)
    for path in untouched:
        assert path.stat().st_mtime_ns == written[path], path
    for path in touched:
        assert path.stat().st_mtime_ns > written[path], path
        assert "Retitled" in path.read_text()
    assert "Platform engineering" in (outdir / "tags/platform.html").read_text()


def test_tables_of_generated_pages_scroll_on_their_own(build) -> None:
    html = article_of(build(), "tags/index")
    assert html.count('<div class="table-wrapper docutils container">') == 2


def test_a_renamed_tag_leaves_no_page_or_feed_behind(build, make_site) -> None:
    """Renaming a tag (the old key kept as an alias) or losing a speaker: the outputs of
    the old names go, on an incremental build as on a clean one."""
    srcdir = make_site()
    outdir = Path(build(srcdir=srcdir).outdir)
    old = [outdir / "tags/backstage.html", outdir / "tags/backstage.atom"]
    assert all(path.is_file() for path in old)
    assert (outdir / "speakers/ada-lovelace.html").is_file()

    vocabulary = srcdir / "tags.yml"
    vocabulary.write_text(
        vocabulary.read_text().replace(
            "backstage:\n", "developer-portals:\n  aliases: [backstage]\n", 1
        )
    )
    talk = srcdir / "conf-b/day-2/01-backstage.md"
    talk.write_text(talk.read_text().replace("Ada Lovelace", "Grace Hopper"))
    app = build(srcdir=srcdir)
    assert warnings_of(app) == ""
    assert not any(path.exists() for path in old)
    assert not (outdir / "speakers/ada-lovelace.html").exists()
    assert (outdir / "tags/developer-portals.html").is_file()
    assert (outdir / "tags/developer-portals.atom").is_file()
    assert (outdir / "speakers/grace-hopper.html").is_file()


def test_a_vocabulary_nested_thousands_deep_is_a_warning_not_a_crash(build) -> None:
    deep = "platform:\n  title: P\n  aliases: " + "[" * 50000 + "]" * 50000 + "\n"
    warnings = warnings_of(build(files={"tags.yml": deep}))
    assert "tags.yml:3: WARNING: nested more than 20 levels deep [talknotes.vocabulary]" in warnings


def test_a_tag_key_that_would_replace_the_overview_is_refused(build) -> None:
    vocabulary = (Path(__file__).parent / "roots/site/tags.yml").read_text(encoding="utf-8")
    app = build(files={"tags.yml": vocabulary + "index:\n  title: Everything\n"})
    line = vocabulary.count("\n") + 1
    assert f"tags.yml:{line}: WARNING: tag 'index': 'index' is the name of the topics overview" in (
        warnings_of(app)
    )
    assert "<h1>Topics" in article_of(app, "tags/index")
