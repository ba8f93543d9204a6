"""Search: what Pagefind indexes of each page, the search page, rebuilds and failures."""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import html_of, warnings_of

from talknotes.outputs.search import SearchEntry, search_entries
from talknotes.outputs.search_index import (
    UNUSED,
    PagefindError,
    indexed_part,
    run_pagefind,
)

TALK = "conf-a/day-1/01-complete"
RESULT_PAGES = {
    "index",
    "conf-a/index",
    "conf-a/day-1/index",
    "conf-a/day-1/01-complete",
    "conf-a/day-1/02-no-video",
    "conf-b/index",
    "conf-b/day-1/index",
    "conf-b/day-1/01-nothing-yet",
    "conf-b/day-1/02-complete",
    "conf-b/day-2/index",
    "conf-b/day-2/01-backstage",
}


def indexed(outdir: str | Path) -> dict[str, dict[str, Any]]:
    """What Pagefind keeps of each page, by URL (a fragment is gzip, a signature, JSON)."""
    records = {}
    for path in Path(outdir, "_pagefind", "fragment").glob("*.pf_fragment"):
        record = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        records[record["url"]] = record
    return records


def test_result_pages_are_indexed_with_their_filters_and_nothing_else(build) -> None:
    """Pagefind's record of each page, and the markup it was read from."""
    app = build()
    outdir = Path(app.outdir)
    records = indexed(outdir)
    assert set(records) == {f"/{page}.html" for page in RESULT_PAGES}  # no generated page
    talk = records[f"/{TALK}.html"]
    assert talk["meta"] == {
        "title": "Complete talk",
        "where": "Conf A 2024, Day 1",
        "speakers": "Jane Doe, John Roe",
    }
    assert talk["filters"] == {
        "conference": ["Conf A 2024"],
        "year": ["2024"],
        "topic": ["Platform engineering", "Backstage"],
        "speaker": ["Jane Doe", "John Roe"],
    }
    # The article's text only: no sidebar, no buttons.
    assert "Notes." in talk["content"]
    assert "Pending material" not in talk["content"]
    assert "Watch the talk" not in talk["content"]
    day = records["/conf-b/day-1/index.html"]
    assert day["filters"] == {"conference": ["Conf B 2025"], "year": ["2025"]}
    assert "Second complete talk" not in day["content"]  # the day's list of talks
    where = records["/conf-b/index.html"]["meta"]["where"]
    assert where == "Conf B 2025 · 1\u20134 April 2025 · London, UK"
    # Pagefind's ready-made interfaces are not shipped, nor Sphinx's index.
    assert not any((outdir / "_pagefind" / name).exists() for name in UNUSED)
    assert not (outdir / "searchindex.js").exists()
    assert warnings_of(app) == ""

    # Every page links the search page; only results are marked up for the index.
    talk = html_of(app, TALK)
    assert '<link rel="search" title="Search" href="../../search.html">' in talk
    assert "<div data-pagefind-body>" in talk
    topic = html_of(app, "tags/backstage")
    assert '<link rel="search" title="Search" href="../search.html">' in topic
    assert "data-pagefind" not in topic
    search = html_of(app, "search")
    assert "data-pagefind" not in search
    assert '<meta name="robots" content="noindex">' in search
    assert 'data-bundle="_pagefind/pagefind.js"' in search
    # Each filter of the page, in order; the query comes as ?q= like the theme's box sends it.
    assert [part.split('"')[0] for part in search.split('data-facet="')[1:]] == [
        "conference",
        "year",
        "topic",
        "speaker",
        "format",
    ]
    assert '<input id="talknotes-search-query" type="search" name="q"' in search


def test_a_speaker_is_filtered_under_one_name_and_unchanged_pages_follow(build, make_site) -> None:
    """Two talks spelling a name alike outvote a third: its page is written again."""
    srcdir = make_site()
    build(srcdir=srcdir)
    talk = "---\ntags: [security]\nspeakers: [jane doe (Acme)]\n---\n\n# {title}\n\nText.\n"
    for number in (3, 4):
        page = srcdir / f"conf-b/day-2/0{number}-more.md"
        page.write_text(talk.format(title=f"More {number}"), encoding="utf-8")
    records = indexed(build(srcdir=srcdir).outdir)
    assert records[f"/{TALK}.html"]["filters"]["speaker"] == ["jane doe", "John Roe"]
    assert records["/conf-b/day-2/03-more.html"]["filters"]["speaker"] == ["jane doe"]


def test_rebuilds_keep_an_unchanged_index_and_drop_removed_pages(build, make_site) -> None:
    srcdir = make_site()
    entry = Path(build(srcdir=srcdir).outdir, "_pagefind", "pagefind-entry.json")
    written = entry.stat().st_mtime_ns
    build(srcdir=srcdir)
    assert entry.stat().st_mtime_ns == written  # nothing changed: not indexed again

    (srcdir / "conf-b/day-2/01-backstage.md").unlink()
    app = build(srcdir=srcdir)
    assert (Path(app.outdir) / "conf-b/day-2/01-backstage.html").is_file()  # Sphinx leaves it
    assert "/conf-b/day-2/01-backstage.html" not in indexed(app.outdir)
    assert len(indexed(app.outdir)) == len(RESULT_PAGES) - 1


def test_an_edit_stages_only_the_pages_it_wrote(build, make_site) -> None:
    """Pagefind reads a copy of each result page, kept between builds and made again
    only for pages written since: the edited page's new text is found, others are kept."""
    srcdir = make_site()
    app = build(srcdir=srcdir)
    staged = Path(app.doctreedir, "talknotes-search-pages")
    untouched = staged / "conf-b/day-2/01-backstage.html"
    copied = untouched.stat().st_mtime_ns
    page = srcdir / "conf-a/day-1/02-no-video.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nQuokka.\n", encoding="utf-8")
    app = build(srcdir=srcdir)
    assert "Quokka." in indexed(app.outdir)["/conf-a/day-1/02-no-video.html"]["content"]
    assert untouched.stat().st_mtime_ns == copied
    assert sorted(path.name for path in staged.rglob("*.html")) == sorted(
        f"{name.rpartition('/')[2]}.html" for name in RESULT_PAGES
    )


def test_the_live_preview_indexes_behind_the_build(build, make_site) -> None:
    """With talknotes_search_index_later the build ends first; the index follows, complete."""
    srcdir = make_site()
    later = {"talknotes_search_index_later": True}
    app = build(srcdir=srcdir, confoverrides=later)
    entry = Path(app.outdir, "_pagefind", "pagefind-entry.json")
    assert _appears(entry)
    assert set(indexed(app.outdir)) == {f"/{name}.html" for name in RESULT_PAGES}
    (srcdir / "conf-b/day-2/01-backstage.md").unlink()
    app = build(srcdir=srcdir, confoverrides=later)
    record = Path(app.doctreedir, "talknotes-search-index.json")
    assert _appears(
        record, lambda: json.loads(record.read_text())["pages"] == len(RESULT_PAGES) - 1
    )
    assert "/conf-b/day-2/01-backstage.html" not in indexed(app.outdir)


def _appears(path: Path, ready: Any = lambda: True, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if path.is_file() and ready():
                return True
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.05)
    return False


def test_pages_marked_nosearch_are_no_results(build) -> None:
    files = {"conf-a/day-1/03-private.md": "---\nnosearch: true\ntags: [security]\n---\n\n# P\n"}
    app = build(files=files)
    assert "/conf-a/day-1/03-private.html" not in indexed(app.outdir)
    assert f"/{TALK}.html" in indexed(app.outdir)
    assert warnings_of(app) == ""


_FAILING = "#!/bin/sh\necho 'Error: the disk is full' >&2\nexit 3\n"


@pytest.mark.parametrize(
    ("indexer", "message"),
    [
        (_FAILING, "Pagefind failed (exit code 3): Error: the disk is full"),
        (None, "Pagefind's indexer was not found"),
    ],
)
def test_a_failing_indexer_is_a_located_warning(
    build, monkeypatch, tmp_path: Path, indexer: str | None, message: str
) -> None:
    srcdir = Path(build().srcdir)  # with an index to keep
    program = tmp_path / "pagefind"
    if indexer is not None:
        program.write_text(indexer)
        program.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(program))
    (srcdir / "conf-a/day-1/02-no-video.md").write_text(
        "---\ntags: [security]\n---\n\n# Changed\n", encoding="utf-8"
    )
    app = build(srcdir=srcdir)
    warnings = warnings_of(app)
    bundle = Path(app.outdir) / "_pagefind"
    assert warnings.startswith(f"{bundle}:: WARNING: the search index was not written: {message}")
    assert warnings.rstrip().endswith("[talknotes.search]")
    assert "Traceback" not in warnings
    assert len(indexed(app.outdir)) == len(RESULT_PAGES)  # the last index stays


def test_dirhtml_results_are_folders(make_app, make_site) -> None:
    srcdir = make_site()
    app = make_app("dirhtml", srcdir=srcdir, builddir=srcdir.parent / "build")
    app.build()
    assert warnings_of(app) == ""
    assert f"/{TALK}/" in indexed(app.outdir)
    assert "/conf-a/" in indexed(app.outdir)
    search = (Path(app.outdir) / "search" / "index.html").read_text(encoding="utf-8")
    assert 'data-bundle="../_pagefind/pagefind.js"' in search
    talk = (Path(app.outdir) / TALK / "index.html").read_text(encoding="utf-8")
    assert '<link rel="search" title="Search" href="../../../search/">' in talk


def test_the_format_filter_shows_the_formats_pages_have(build) -> None:
    talk = "---\ntags: [platform]\nformat: lightning\n---\n\n# Quick\n\nText.\n"
    app = build(files={"conf-a/day-1/03-quick.md": talk})
    assert dict(search_entries(app.env)["conf-a/day-1/03-quick"].filters)["format"] == (
        "Lightning talk",
    )
    assert "format" not in dict(search_entries(app.env)["conf-b/day-2/01-backstage"].filters)


def test_entry_markup_is_plain_text() -> None:
    entry = SearchEntry("A <b> & c", filters=(("topic", ("x<y",)),))
    assert entry.markup() == (
        '<div class="talknotes-search-entry" hidden>'
        '<span data-pagefind-meta="title">A &lt;b&gt; &amp; c</span>'
        '<span data-pagefind-sort="date">0000</span>'
        '<span data-pagefind-filter="topic">x&lt;y</span></div>'
    )


def test_without_pagefind_installed_the_build_says_so(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pagefind.service", None)  # import fails
    with pytest.raises(PagefindError, match=r"not installed \(pip install 'pagefind\[bin\]'\)"):
        run_pagefind(Path("site"), Path("bundle"), keep_index_url=True)


def test_pagefind_reads_the_marked_article_and_the_entry_only() -> None:
    entry = SearchEntry("T").markup()
    page = f"<html><nav>menu</nav><div data-pagefind-body><p>notes</p></div>{entry}<footer>"
    assert indexed_part(page) == f"<div data-pagefind-body><p>notes</p></div>{entry}"
    assert indexed_part("<html><p>a page written before the search</p></html>") is None
