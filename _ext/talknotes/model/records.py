"""What the build keeps of one page between builds: its facts, resources, tags, listings."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..rules.frontmatter import PageFacts

__all__ = ["Diagram", "Listing", "PageRecord", "Resource"]


@dataclass(frozen=True)
class Resource:
    """A ``{video}``, ``{slides}`` or ``{demo}`` on a page; ``url`` None means pending."""

    kind: str
    url: str | None
    line: int | None


@dataclass(frozen=True)
class Diagram:
    """One diagram on a page: its Mermaid source and the line of its directive."""

    code: str
    line: int | None


@dataclass(frozen=True)
class Listing:
    """What one ``{taglist}`` or ``{conferencelist}`` asks for, or a conference page's
    summary of itself (``kind="conference"``, ``conference`` its page's docname)."""

    tags: tuple[str, ...] = ()
    conference: str | None = None
    limit: int | None = None
    kind: str = "talks"  # or "conferences", "conference"


@dataclass
class PageRecord:
    """Everything the build keeps of one page; replaced whenever the page is read."""

    facts: PageFacts = field(default_factory=PageFacts)
    #: the line of each front-matter key, for warnings about its value
    key_lines: dict[str, int] = field(default_factory=dict)
    resources: list[Resource] = field(default_factory=list)
    #: tag names from ``{tags}`` directives, with their lines
    directive_tags: list[tuple[str, int]] = field(default_factory=list)
    #: the vocabulary keys the page's tags resolve to, in the order written
    tag_keys: list[str] = field(default_factory=list)
    #: each key as the page first wrote it (the badge of a free tag says it so)
    tag_spellings: dict[str, str] = field(default_factory=dict)
    #: the pages its ``related:`` pins, by name, in the order written
    related: list[str] = field(default_factory=list)
    #: the first paragraph of the notes, for feeds and link previews, and its line
    summary: str = ""
    summary_line: int | None = None
    #: the page's ``{taglist}`` and ``{conferencelist}`` listings (and a conference page's
    #: summary), which show other pages
    listings: list[Listing] = field(default_factory=list)
    #: the page's Mermaid diagrams, drawn after reading
    diagrams: list[Diagram] = field(default_factory=list)

    def line(self, key: str) -> int:
        """The line of the front-matter key ``key`` (1 when the page has none)."""
        return self.key_lines.get(key, 1)

    def pending(self) -> list[str]:
        """The kinds of material still to come, in page order."""
        return [resource.kind for resource in self.resources if resource.url is None]
