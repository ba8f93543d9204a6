"""A conference's talk pages with their recordings: which have one, which wait for one.

A talk is a page of one of the conference's days (``talknotes.rules.layout``).
Its recording is its first ``{video}`` block still pending, else its first
``{video}`` with a URL; a page without a ``{video}`` waits for one too. A page
that cannot be read, or a link to a file elsewhere, is left alone with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

from talknotes.rules.frontmatter import parse_front_matter, read_page_facts
from talknotes.rules.urls import ResourceURLError, check_resource_url

from ..authoring.files import read_text
from ..authoring.frontmatter import page_lines, read_front_matter, split_page
from ..authoring.layout import day_talks
from ..authoring.markdown import first_heading
from ..authoring.resources import add_resource, resource_blocks, set_resource_url
from ..errors import UserError
from .titles import TalkWords, talk_words

if TYPE_CHECKING:
    from pathlib import Path

    from ..authoring.conferences import ConferenceSite
    from ..authoring.resources import ResourceBlock

__all__ = ["TalkRecording", "conference_talks"]

_VIDEO = "video"


@dataclass(frozen=True)
class TalkRecording:
    """A talk page, what matching needs of it, and its video block (None: it has none)."""

    path: Path
    text: str
    title: str
    words: TalkWords
    block: ResourceBlock | None

    @cached_property
    def url(self) -> str | None:
        """The page's video URL as the build links it (None: pending or no block)."""
        if self.block is None or self.block.url is None:
            return None
        try:
            return check_resource_url(self.block.url)
        except ResourceURLError:  # the build reports it; as written, it names no playlist video
            return self.block.url

    def with_video(self, url: str) -> str:
        """The page's text with ``url`` in its video block, or in a new one after the title."""
        if self.block is None:
            return add_resource(self.text, _VIDEO, url)
        return set_resource_url(self.text, self.block, url)


def conference_talks(site: ConferenceSite, warn: list[str]) -> list[TalkRecording]:
    """The talks of every day of the conference, in file order."""
    talks = []
    for day in site.days():
        if day.is_symlink() or not site.has_day(day):
            warn.append(f"{day}: a link to a folder elsewhere; its pages are left alone")
            continue
        for path in day_talks(day):
            if path.is_symlink():
                warn.append(f"{path}: a link to a file elsewhere; left alone")
                continue
            try:
                talks.append(_read_talk(path))
            except UserError as error:
                warn.append(f"{error}; left alone")
    return talks


def _read_talk(path: Path) -> TalkRecording:
    text = read_text(path)
    read_front_matter(path, text)  # YAML it cannot read: the page is left alone, at its line
    # The speakers as the build reads them: none where the build reports them as wrong.
    facts, _ = read_page_facts(parse_front_matter(text))
    _, body = split_page(text)
    start = len(page_lines(text)) - len(body)  # blocks count lines from the top of the page
    heading = first_heading(body)
    title = heading[1] if heading else path.stem
    videos = [
        replace(block, line=block.line + start)
        for block in resource_blocks(body)
        if block.kind == _VIDEO
    ]
    pending = [block for block in videos if block.url is None]
    block = next(iter(pending or videos), None)
    names = [speaker.name for speaker in facts.speakers]
    return TalkRecording(path, text, title, talk_words(title, names), block)
