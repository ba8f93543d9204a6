"""A page's front matter and summary, kept in its record while the page is read."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from docutils import nodes

from ..diagnostics import warn
from ..model import talknotes_domain
from ..rules.frontmatter import parse_front_matter, read_page_facts
from ..rules.layout import is_index, page_named
from ..rules.problems import Subtype
from ..rules.text import one_line, shorten
from ..rules.yamlfile import YamlMapping

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["collect_page_facts"]

_SUMMARY_LENGTH = 300


def collect_page_facts(app: Sphinx, doctree: nodes.document) -> None:
    """Keep the page's front matter (read from its source and checked) and summary."""
    env = app.env
    docname = env.docname
    front = _front_matter(env, docname)
    facts, problems = read_page_facts(front)
    for problem in problems:
        warn(problem.message, location=(docname, problem.line), subtype=Subtype.FRONTMATTER)
    if facts.conference is not None and not is_index(docname):
        line = front.line("conference")
        warn(
            "'conference:' belongs on a conference's index.md; here it is ignored",
            location=(docname, line),
            subtype=Subtype.FRONTMATTER,
        )
        facts = replace(facts, conference=None)
    record = talknotes_domain(env).record(docname)
    record.facts = facts
    record.related = _pinned(env, docname, facts.related, front.line("related"))
    record.key_lines = {key: entry.line for key, entry in front.entries.items()}
    paragraph = _summary_paragraph(doctree)
    if paragraph is not None:
        record.summary = _summary(paragraph)
        record.summary_line = paragraph.line


def _pinned(env: BuildEnvironment, docname: str, entries: tuple[str, ...], line: int) -> list[str]:
    """The pages ``related:`` names; one that does not exist is a warning at its line."""
    pinned = []
    for entry in entries:
        name = page_named(docname, entry)
        if name is None or name not in env.found_docs or name == docname:
            warn(
                f"'related': no page {entry!r} (give its path like a toctree entry, "
                "relative to this page or from the root with a leading /)",
                location=(docname, line),
                subtype=Subtype.FRONTMATTER,
            )
            continue
        pinned.append(name)
    return list(dict.fromkeys(pinned))


def _front_matter(env: BuildEnvironment, docname: str) -> YamlMapping:
    """The page's front matter from its source file, where every key keeps its line.

    myst-parser has read it already, but hands Sphinx strings that lost their
    type, their line and any duplicate key; reading a few lines again is cheap.
    """
    try:
        text = env.doc2path(docname).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return YamlMapping()
    return parse_front_matter(text)


def _summary_paragraph(doctree: nodes.document) -> nodes.paragraph | None:
    """The first paragraph of the notes: not a button, the byline or a listing."""
    for paragraph in doctree.findall(nodes.paragraph):
        if isinstance(paragraph.parent, nodes.section) and not any(
            name.startswith("talknotes-") for name in paragraph["classes"]
        ):
            return paragraph
    return None


def _summary(paragraph: nodes.paragraph) -> str:
    """The paragraph's words, shortened for feeds and link previews."""
    words = (
        text.astext()
        for text in paragraph.findall(nodes.Text)
        if not isinstance(text.parent, nodes.raw)  # inline HTML is markup, not words
    )
    return shorten(one_line("".join(words)), _SUMMARY_LENGTH)
