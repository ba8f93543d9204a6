"""A page's front matter and summary, kept in its record while the page is read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..diagnostics import warn
from ..model import talknotes_domain
from ..rules.frontmatter import key_line, read_page_facts
from ..rules.problems import Subtype
from ..rules.text import one_line, shorten

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["collect_page_facts", "frontmatter_line"]

_SUMMARY_LENGTH = 300


def collect_page_facts(app: Sphinx, doctree: nodes.document) -> None:
    """Keep the page's front matter (decoded and checked) and its summary in its record."""
    env = app.env
    facts, problems = read_page_facts(env.metadata.get(env.docname, {}))
    for problem in problems:
        line = frontmatter_line(env, env.docname, problem.key or "")
        warn(problem.message, location=(env.docname, line), subtype=Subtype.FRONTMATTER)
    record = talknotes_domain(env).record(env.docname)
    record.facts = facts
    record.summary = _summary(doctree)


def frontmatter_line(env: BuildEnvironment, docname: str, key: str) -> int:
    """The line of ``key:`` in the page's front matter (myst-parser does not keep it).

    The file is read again only when there is something to report.
    """
    try:
        text = env.doc2path(docname).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 1
    return key_line(text, key)


def _summary(doctree: nodes.document) -> str:
    """The first paragraph of the notes (not a button or byline), shortened."""
    for paragraph in doctree.findall(nodes.paragraph):
        if isinstance(paragraph.parent, nodes.section) and not any(
            name.startswith("talknotes-") for name in paragraph["classes"]
        ):
            words = (
                text.astext()
                for text in paragraph.findall(nodes.Text)
                if not isinstance(text.parent, nodes.raw)  # inline HTML is markup, not words
            )
            return shorten(one_line("".join(words)), _SUMMARY_LENGTH)
    return ""
