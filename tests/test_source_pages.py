"""Source pages the build must not read: bytes that are not text, links to files elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import article_of, warnings_of


@pytest.mark.parametrize("parallel", [1, 2])
def test_a_page_that_is_not_text_is_left_out_at_its_line(build, make_site, parallel) -> None:
    """Sphinx stopped with a UnicodeDecodeError traceback while reading such a page."""
    srcdir = make_site()
    talk = srcdir / "conf-a/day-1/03-x.md"
    talk.write_bytes(b"---\ntags: [platform]\n---\n\n# Bistro \xe9 talk\n")
    options = {"parallel": parallel, "confoverrides": {"talknotes_serial_read_below": 5}}
    app = build(srcdir=srcdir, **options)
    assert (
        "03-x.md:5: WARNING: the page is not UTF-8 text (invalid continuation byte): "
        "it is left out of the build; save it as UTF-8 [talknotes.encoding]"
    ) in warnings_of(app)
    assert not (Path(app.outdir) / "conf-a/day-1/03-x.html").exists()
    assert "Bistro" not in article_of(app, "conf-a/day-1/index")

    talk.write_text("---\ntags: [platform]\n---\n\n# Bistro é talk\n", encoding="utf-8")
    app = build(srcdir=srcdir, **options)
    assert "talknotes.encoding" not in warnings_of(app)
    assert "Bistro é talk" in article_of(app, "conf-a/day-1/03-x")
    assert "Bistro é talk" in article_of(app, "conf-a/day-1/index")


def test_a_page_linked_from_outside_the_source_folder_is_left_out(build, make_site) -> None:
    """Sphinx follows the link and would publish the file, wherever it is."""
    srcdir = make_site()
    secret = srcdir.parent / "secret.md"
    secret.write_text("# Private notes\n\nThe wifi password.\n", encoding="utf-8")
    (srcdir / "conf-a/day-1/03-x.md").symlink_to(secret)
    inside = srcdir / "conf-a/day-1/04-y.md"
    inside.symlink_to(srcdir / "conf-a/day-1/02-no-video.md")  # within the folder: a page
    app = build(srcdir=srcdir)
    assert (
        f"03-x.md: WARNING: the page is a link to {secret.resolve()}, outside the source "
        "folder: it is left out of the build; copy the file into the source folder instead "
        "[talknotes.link]"
    ) in warnings_of(app)
    assert "wifi" not in "".join(
        page.read_text(encoding="utf-8") for page in Path(app.outdir).rglob("*.html")
    )
    assert (Path(app.outdir) / "conf-a/day-1/04-y.html").is_file()
