"""A talk's tags under its title: sphinx-design badges linking the topic pages.

sphinx-tags' settings shape them where a site sets them: ``tags_intro_text``
before them, ``tags_create_badges = False`` for plain links, and
``tags_badge_colors`` (``{"glob pattern": "color"}``) for the colour of a tag.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from ..rules.formats import DEFAULT_FORMAT, FORMAT_TITLES

if TYPE_CHECKING:
    from sphinx.config import Config

    from ..model.records import PageRecord
    from ..rules.frontmatter import PageFacts
    from ..rules.vocabulary import Vocabulary

__all__ = ["format_badges", "tag_badges"]

_DEFAULT_COLOR = "primary"


def tag_badges(
    record: PageRecord, vocabulary: Vocabulary, config: Config
) -> nodes.paragraph | None:
    """The page's tags, each a link to its topic page (text where none is written)."""
    if not record.tag_keys:
        return None
    badges = nodes.paragraph("", "", classes=["talknotes-tags"])
    if config.tags_intro_text:
        badges += nodes.inline("", f"{config.tags_intro_text} ", classes=["talknotes-tags-intro"])
    plain = config.tags_create_badges is False
    for index, key in enumerate(record.tag_keys):
        tag = vocabulary.tags.get(key)
        text = tag.title if tag is not None else record.tag_spellings.get(key, key)
        if plain:
            label = nodes.inline("", text)
            if index:
                badges += nodes.Text(", ")
        else:
            color = _color(text, config.tags_badge_colors or {})
            label = nodes.inline(
                "", text, classes=["sd-badge", f"sd-bg-{color}", f"sd-bg-text-{color}"]
            )
        badges += addnodes.pending_xref(
            "", label, refdomain="talknotes", reftype="tag", reftarget=key, refexplicit=True
        )
        if not plain:
            badges += nodes.Text(" ")
    return badges


def format_badges(facts: PageFacts) -> list[nodes.Node]:
    """The session's format (unless a plain talk) and a sponsored slot, before the tags."""
    shown = []
    if facts.format and facts.format != DEFAULT_FORMAT:
        shown.append(FORMAT_TITLES[facts.format])
    if facts.sponsored:
        shown.append("Sponsored")
    badges: list[nodes.Node] = []
    for text in shown:
        classes = ["sd-badge", "sd-outline-secondary", "sd-text-secondary", "talknotes-format"]
        badges += [nodes.inline("", text, classes=classes), nodes.Text(" ")]
    return badges


def _color(name: str, colors: dict[str, str]) -> str:
    """The first colour whose pattern matches the tag, as sphinx-tags picks it."""
    return next(
        (color for pattern, color in colors.items() if fnmatchcase(name, pattern)), _DEFAULT_COLOR
    )
