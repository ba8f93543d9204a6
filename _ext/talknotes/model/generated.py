"""The pages and files the build generates, and what each was last made from.

Generated pages are virtual: they are rendered from docutils nodes into the
theme's ``page.html`` and never written into the source folder. Rendering every
topic page and feed on every build would make a one-line edit cost seconds on a
large site, so each output is written again only when a digest of its data (and
of what every page shares: configuration, navigation, our code) changed; and
what a build no longer generates is removed from the output.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from docutils import nodes
    from sphinx.application import Sphinx

__all__ = ["SITE_BUILDERS", "GeneratedPage", "OutputRecord"]

#: the builders that write a web site: generated pages, feeds, sitemap, link previews
SITE_BUILDERS = frozenset({"html", "dirhtml"})


@dataclass(frozen=True)
class GeneratedPage:
    """A page the build makes: its name (its URL without suffix), title and body."""

    name: str
    title: str
    render: Callable[[Sphinx, str], list[nodes.Node]]
    #: extra HTML for the page's <head>, such as a feed link
    head: str = ""
    #: the data the page shows; a page whose data did not change is not written again
    inputs: object = None
    #: what a link to the page says when its text is empty (the title if not given)
    link_text: str = ""


class OutputRecord:
    """Which generated files must be written again, judged by the data they show."""

    FILE = "talknotes-generated.json"

    def __init__(self, app: Sphinx, shared: object) -> None:
        self.outdir = Path(app.outdir)
        self.path = Path(app.doctreedir, self.FILE)
        try:
            self.previous: dict[str, str] = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.previous = {}
        self.current: dict[str, str] = {}
        build_info = getattr(app.builder, "build_info", None)
        self.shared = repr(
            (
                build_info.config_hash if build_info else "",
                build_info.tags_hash if build_info else "",
                app.config.talknotes_code_fingerprint,
                shared,
            )
        )

    def unchanged(self, filename: str, inputs: object) -> bool:
        """Note ``filename``'s data; True if it was written from the same data before."""
        if inputs is None:
            return False
        digest = hashlib.sha256((self.shared + repr(inputs)).encode()).hexdigest()
        self.current[filename] = digest
        return self.previous.get(filename) == digest and (self.outdir / filename).is_file()

    def save(self) -> None:
        """Keep this build's digests, and remove what the last build generated and this one
        no longer does (the page and feed of a renamed tag, a speaker who left)."""
        outdir = self.outdir.resolve()
        for filename in sorted(self.previous.keys() - self.current.keys()):
            stale = (outdir / filename).resolve()
            if stale.is_relative_to(outdir) and stale.is_file():
                stale.unlink()
        self.path.write_text(json.dumps(self.current, indent=0, sort_keys=True), encoding="utf-8")
