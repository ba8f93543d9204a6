"""Mermaid diagrams while reading: the directive keeps its line, the page its diagrams.

sphinxcontrib-mermaid parses the ``{mermaid}`` directive (and, through
myst-parser, ```` ```mermaid ```` fences); every diagram of a build is then drawn
in one batch after reading (``outputs.diagrams``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinxcontrib.mermaid import Mermaid, mermaid

from ..model import talknotes_domain
from ..model.records import Diagram

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

__all__ = ["DiagramDirective", "collect_diagrams"]


class DiagramDirective(Mermaid):
    """sphinxcontrib-mermaid's directive, with the directive's line kept on the node."""

    def run(self, **kwargs: object) -> list[nodes.Node]:
        result = super().run(**kwargs)
        for node in result:
            for diagram in node.findall(mermaid):
                diagram.line = self.lineno
        return result


def collect_diagrams(app: Sphinx, doctree: nodes.document) -> None:
    """Remember the page's diagrams, so all of a build's can be drawn in one batch."""
    record = talknotes_domain(app.env).pages[app.env.docname]
    record.diagrams = [Diagram(node["code"], node.line) for node in doctree.findall(mermaid)]
