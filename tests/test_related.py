"""Related talks at the end of a talk page: ranked by rare shared tags and speakers,
pinned talks first, none where nothing relates, rewritten when a list changes, ranked
again only when what they are ranked by changed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import article_of, warnings_of

from talknotes.model import site as site_module
from talknotes.model.related import related_talks

if TYPE_CHECKING:
    from talknotes.model.site import Site
    from talknotes.model.talks import Talk

VOCABULARY = (
    "platform:\n  title: Platform engineering\nsecurity:\n  title: Security\n"
    "backstage:\n  title: Backstage\ngitops:\n  title: GitOps\nwasm:\n  title: WebAssembly\n"
)


def _talk(tags: str, title: str, speakers: str = "", extra: str = "") -> str:
    people = f"speakers: [{speakers}]\n" if speakers else ""
    return f"---\ntags: [{tags}]\n{people}{extra}---\n\n# {title}\n\nNotes.\n"


# Ten more talks, so that tags have weights: platform is common, gitops and wasm rare.
FILES = {
    "tags.yml": VOCABULARY,
    "conf-a/day-1/03-gitops-one.md": _talk("gitops, platform", "GitOps at scale"),
    "conf-a/day-1/04-wasm-one.md": _talk("wasm", "Wasm on the edge", "Grace Hopper"),
    "conf-b/day-1/03-gitops-two.md": _talk("gitops", "GitOps two years later"),
    "conf-b/day-1/04-wasm-two.md": _talk("wasm, platform", "Wasm platforms"),
    "conf-b/day-1/05-hopper.md": _talk("security", "Grace again", "Grace Hopper"),
    "conf-b/day-1/06-pinned.md": _talk(
        "platform",
        "A talk with pins",
        extra="related: [../day-2/01-backstage, /conf-a/day-1/02-no-video]\n",
    ),
    "conf-b/day-1/07-lonely.md": _talk("platform", "Only the common tag"),
    "conf-b/day-1/08-bad-pin.md": _talk("platform", "A bad pin", extra="related: [no-such-talk]\n"),
}


def _related(html: str) -> list[tuple[str, str]]:
    if 'id="related-talks"' not in html:
        return []
    section = html[html.index('id="related-talks"') :]
    section = section[: section.index("</section>")]
    return re.findall(r'<li><p><a class="reference internal" href="([^"]+)">([^<]+)</a>', section)


def test_related_talks_are_ranked_by_rare_shared_tags_and_speakers(build) -> None:
    app = build(files=FILES)
    gitops = _related(article_of(app, "conf-a/day-1/03-gitops-one"))
    assert gitops[0] == ("../../conf-b/day-1/03-gitops-two.html", "GitOps two years later")
    wasm = _related(article_of(app, "conf-a/day-1/04-wasm-one"))
    # a shared speaker weighs more than one shared rare tag
    assert [title for _, title in wasm] == ["Grace again", "Wasm platforms"]
    assert "Conf B 2025, Day 1" in article_of(app, "conf-a/day-1/04-wasm-one")


def test_pinned_pages_come_first_and_a_bad_pin_is_a_warning(build) -> None:
    app = build(files=FILES)
    pinned = _related(article_of(app, "conf-b/day-1/06-pinned"))
    assert pinned[:2] == [
        ("../day-2/01-backstage.html", "Backstage in practice"),
        ("../../conf-a/day-1/02-no-video.html", "Talk without recording"),
    ]
    assert "08-bad-pin.md:3: WARNING: 'related': no page 'no-such-talk'" in warnings_of(app)


def test_no_section_where_nothing_relates(build) -> None:
    app = build(files=FILES)
    assert _related(article_of(app, "conf-b/day-1/07-lonely")) == []
    assert "Related talks" not in article_of(app, "conf-b/day-1/07-lonely")


def test_a_changed_tag_rewrites_the_pages_whose_lists_change(build, make_site) -> None:
    srcdir = make_site(files=FILES)
    app = build(srcdir=srcdir)
    assert _related(article_of(app, "conf-b/day-1/07-lonely")) == []
    talk = srcdir / "conf-b/day-1/03-gitops-two.md"
    talk.write_text(talk.read_text().replace("tags: [gitops]", "tags: [wasm]"))
    app = build(srcdir=srcdir)
    # an unchanged page whose list changed was written again
    titles = [title for _, title in _related(article_of(app, "conf-a/day-1/04-wasm-one"))]
    assert "GitOps two years later" in titles
    gitops = [title for _, title in _related(article_of(app, "conf-a/day-1/03-gitops-one"))]
    assert "GitOps two years later" not in gitops


def test_removing_a_talk_rebuilds_without_it(build, make_site) -> None:
    srcdir = make_site(files=FILES)
    build(srcdir=srcdir)
    (srcdir / "conf-b/day-1/03-gitops-two.md").unlink()
    app = build(srcdir=srcdir)
    titles = [title for _, title in _related(article_of(app, "conf-a/day-1/03-gitops-one"))]
    assert "GitOps two years later" not in titles


@pytest.fixture
def rankings(monkeypatch) -> list[int]:
    """How many talks each build ranked related talks for."""
    ranked: list[int] = []

    def counting(site: Site) -> dict[str, list[Talk]]:
        ranked.append(len(site.talks))
        return related_talks(site)

    monkeypatch.setattr(site_module, "related_talks", counting)
    return ranked


def _html(outdir: Path) -> dict[str, str]:
    return {
        path.relative_to(outdir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(outdir.rglob("*.html"))
    }


def test_an_edit_reuses_the_ranking_and_builds_as_a_clean_build(build, make_site, rankings) -> None:
    # A home page whose toctree shows the conferences only: a retitled talk in a toctree
    # of all depths leaves that page stale, with or without related talks.
    home = "# Fixture notes\n\n```{toctree}\n:maxdepth: 1\nconf-a/index\nconf-b/index\n```\n"
    srcdir = make_site(files={**FILES, "index.md": home})
    build(srcdir=srcdir)
    talk = srcdir / "conf-b/day-1/03-gitops-two.md"
    talk.write_text(talk.read_text().replace("# GitOps two years", "# GitOps, two years"))
    app = build(srcdir=srcdir)
    assert len(rankings) == 1  # the clean build ranked; the edit changed nothing it ranks by
    titles = [title for _, title in _related(article_of(app, "conf-a/day-1/03-gitops-one"))]
    assert "GitOps, two years later" in titles  # an unchanged page showing it, written again
    clean = srcdir.parent.parent / "clean" / "src"
    shutil.copytree(srcdir, clean)
    assert _html(Path(app.outdir)) == _html(Path(build(srcdir=clean).outdir))

    talk.write_text(talk.read_text().replace("tags: [gitops]", "tags: [wasm]"))
    build(srcdir=srcdir)
    assert len(rankings) == 3  # a tag is ranked by: ranked again
