"""The speaker pages: an index of everyone who spoke and a page per speaker.

A speaker's talks across all conferences on one page, newest conference first,
generated like the topic pages from the same talk records (``Site.speakers``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..model import talknotes_domain
from ..model.generated import GeneratedPage
from ..rules.pagenames import FIXED_TITLES, SPEAKERS
from ..rules.text import plural
from .blocks import by_conference, internal_link, table

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx

    from ..model.speakers import SpeakerEntry

__all__ = ["speaker_pages"]


def _speakers(app: Sphinx) -> dict[str, SpeakerEntry]:
    return talknotes_domain(app.env).site.speakers


def speaker_pages(app: Sphinx) -> Iterator[GeneratedPage]:
    speakers = _speakers(app)
    everyone = tuple((s.slug, s.name, tuple(s.companies), len(s.talks)) for s in speakers.values())
    yield GeneratedPage(SPEAKERS, FIXED_TITLES[SPEAKERS], _render_index, inputs=everyone)
    for speaker in speakers.values():
        shown = (
            speaker.name,
            tuple(speaker.companies),
            speaker.links,
            tuple(t.digest for t in speaker.talks),
        )
        yield GeneratedPage(
            speaker.page,
            f"Speaker: {speaker.name}",
            _render_speaker,
            inputs=shown,
            link_text=speaker.name,
        )


def _render_index(app: Sphinx, pagename: str) -> list[nodes.Node]:
    speakers = _speakers(app)
    if not speakers:
        return [nodes.paragraph("", "No talk names its speakers yet.")]
    intro = nodes.paragraph(
        "", f"{plural(len(speakers), 'speaker')} in name order, each with the talks noted here."
    )
    rows: list[list[nodes.Node | str]] = [
        [
            internal_link(app, pagename, speaker.page, speaker.name),
            ", ".join(speaker.companies),
            str(len(speaker.talks)),
        ]
        for speaker in speakers.values()
    ]
    return [
        intro,
        table(["Speaker", "Company", "Talks"], rows, classes=["talknotes-speaker-index"]),
    ]


def _render_speaker(app: Sphinx, pagename: str) -> list[nodes.Node]:
    speaker = talknotes_domain(app.env).site.speaker_pages[pagename]
    body: list[nodes.Node] = []
    if speaker.companies:
        body.append(
            nodes.paragraph("", ", ".join(speaker.companies), classes=["talknotes-company"])
        )
    if speaker.links:
        links = nodes.paragraph("", "", classes=["talknotes-speaker-links"])
        for index, url in enumerate(speaker.links):
            if index:
                links += nodes.Text(" · ")
            links += nodes.reference(
                "", url.split("://", 1)[1].rstrip("/"), refuri=url, rel="noopener noreferrer"
            )
        body.append(links)
    return body + by_conference(app, pagename, speaker.talks)
