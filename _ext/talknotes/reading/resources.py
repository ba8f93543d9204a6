"""The ``{video}``, ``{slides}`` and ``{demo}`` directives: checked links as buttons.

Each renders a sphinx-design button (its ``sd-btn`` classes and an octicon, which
the stylesheet draws) that opens in a new tab, or, without a URL, a muted "pending" marker that the
pending-material page picks up. A URL that breaks the rules in ``urls.py`` is a
warning at the directive's file and line and never reaches the HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..diagnostics import warn
from ..model import talknotes_domain
from ..model.records import Resource
from ..rules.problems import Subtype
from ..rules.urls import ResourceURLError, check_resource_url

if TYPE_CHECKING:
    from sphinx.util.typing import OptionSpec

__all__ = ["RESOURCE_DIRECTIVES", "RESOURCE_KINDS", "resource_block"]


class resource_block(nodes.paragraph):  # noqa: N801 (docutils names nodes in lower case)
    """The paragraph holding one resource button or marker; rendered as a paragraph."""


@dataclass(frozen=True)
class ResourceKind:
    name: str
    label: str
    pending_label: str | None  # None: the URL is required
    icon: str
    button_classes: tuple[str, ...]


RESOURCE_KINDS = {
    kind.name: kind
    for kind in (
        ResourceKind("video", "Watch the talk", "Recording pending", "video", ("sd-btn-primary",)),
        ResourceKind("slides", "Slides", "Slides pending", "file-media", ("sd-btn-secondary",)),
        ResourceKind("demo", "Demo code", None, "code", ("sd-btn-outline-primary",)),
    )
}
_BUTTON_CLASSES = ("sd-sphinx-override", "sd-btn", "sd-text-wrap")


def _icon(name: str) -> str:
    """An octicon the stylesheet draws (``talknotes.css``): a span, not an SVG per page."""
    return f'<span class="talknotes-icon talknotes-icon-{name}" aria-hidden="true"></span>'


class ResourceDirective(SphinxDirective):
    """Shared behaviour of the three resource directives; ``kind`` names one."""

    kind: ClassVar[ResourceKind]
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = False
    has_content = False
    option_spec: ClassVar[OptionSpec] = {"label": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        kind = self.kind
        label = self.options.get("label")
        source_url = self.arguments[0] if self.arguments else None
        location = self.get_location()
        if source_url is None and kind.pending_label is None:
            warn(f"{{{kind.name}}} needs a URL", location=location, subtype=Subtype.RESOURCE)
            return []
        url = None
        if source_url is not None:
            try:
                url = check_resource_url(source_url)
            except ResourceURLError as error:
                warn(
                    f"{{{kind.name}}} URL refused: {error}",
                    location=location,
                    subtype=Subtype.RESOURCE,
                )
                return []

        talknotes_domain(self.env).record(self.env.docname).resources.append(
            Resource(kind.name, url, self.lineno)
        )
        block = resource_block("", classes=["talknotes-resource", f"talknotes-{kind.name}"])
        self.set_source_info(block)
        if url is None:
            block["classes"].append("talknotes-pending")
            marker = nodes.inline("", "", classes=["talknotes-pending-marker", "sd-text-muted"])
            marker += nodes.raw("", _icon("clock"), format="html")
            marker += nodes.Text(label or kind.pending_label or "")
            block += marker
        else:
            button = nodes.reference(
                "",
                "",
                refuri=url,
                classes=[*_BUTTON_CLASSES, *kind.button_classes],
                target="_blank",
                rel="noopener noreferrer",
            )
            button += nodes.raw("", _icon(kind.icon), format="html")
            button += nodes.Text(label or kind.label)
            block += button
        return [block]


def _directive_for(kind: ResourceKind) -> type[ResourceDirective]:
    return type(f"{kind.name.title()}Directive", (ResourceDirective,), {"kind": kind})


RESOURCE_DIRECTIVES = {name: _directive_for(kind) for name, kind in RESOURCE_KINDS.items()}
