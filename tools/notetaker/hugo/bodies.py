"""A Hugo page's Markdown converted line by line: buttons to directives, links to new paths.

Code fences and HTML comments pass unchanged; a construct without an equivalent
stays as it was and becomes a finding at its line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from talknotes.rules.text import shorten
from talknotes.rules.urls import ResourceURLError, check_resource_url

from .model import Finding
from .targets import resolve

if TYPE_CHECKING:
    from collections.abc import Callable

    from .model import HugoPage, HugoTree, Report

__all__ = ["DEFAULT_LABELS", "ICON_KINDS", "convert_body"]

#: Button icons and the directive each one becomes.
ICON_KINDS = {
    "video": "video",
    "youtube": "video",
    "film": "video",
    "play": "video",
    "person-chalkboard": "slides",
    "chalkboard": "slides",
    "chalkboard-user": "slides",
    "file-pdf": "slides",
    "file-powerpoint": "slides",
    "slideshare": "slides",
    "code": "demo",
    "github": "demo",
    "gitlab": "demo",
    "laptop-code": "demo",
}
#: Button texts that say nothing the directive's own label does not (compared ignoring
#: case): ours, and the ones of the Hugo site's archetype. Any other text becomes :label:.
DEFAULT_LABELS = {
    "video": {"watch the talk", "watch talk on youtube", "watch on youtube", "video", "recording"},
    "slides": {"slides"},
    "demo": {"demo code", "code", "demo"},
}
_SHORTCODE = re.compile(r"\{\{[<%].*?[%>]\}\}")
_BUTTON = re.compile(
    r"\{\{(?P<open>[<%])\s*button\b(?P<attrs>[^}]*?)\s*[%>]\}\}"
    r"(?P<text>.*?)\{\{[<%]\s*/button\s*[%>]\}\}"
)
_ATTRIBUTE = re.compile(r"(\w+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|(\S+))")
_PLACEHOLDER = re.compile(r"<!--\s*(?P<button>" + _BUTTON.pattern + r")\s*-->")
_FENCE = re.compile(r"\s{0,3}(?P<fence>`{3,}|~{3,})(?P<info>.*)")
_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]\\]|\\.|\[[^\]]*\])*)\]"
    r"\((?P<target>\{\{[<%].*?[%>]\}\}|<[^>\n]*>|[^)\s]+)(?P<title>\s+\"[^\"]*\")?\)"
)
_REF = re.compile(r"\{\{[<%]\s*(?:rel)?ref\s+\"(?P<path>[^\"]+)\"\s*[%>]\}\}")
_REFERENCE_DEFINITION = re.compile(
    r"(?P<head>\s{0,3}\[[^\]]+\]:\s*)(?P<target><[^>]+>|\S+)(?P<tail>.*)"
)
_CODE_SPAN = re.compile(r"(`+).+?\1")
_SCHEME = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):")
_WEB_SCHEMES = frozenset({"http", "https", "mailto", "ftp"})
_SHOWN = 60  # characters of a shortcode the report shows


def convert_body(tree: HugoTree, report: Report, page: HugoPage) -> list[str]:
    """The body of ``page`` in the authoring format; what is left goes into ``report``."""
    return _BodyConverter(tree, report, page).convert()


class _BodyConverter:
    """Converts one page's body line by line; code fences and comments pass unchanged."""

    def __init__(self, tree: HugoTree, report: Report, page: HugoPage) -> None:
        self.tree = tree
        self.report = report
        self.page = page
        self.out: list[str] = []
        self.blank_after = False
        self.pending: set[str] = set()
        self.reported_buttons: set[int] = set()
        self.real_kinds = self._real_kinds()

    def find(self, line: int | None, message: str) -> None:
        self.report.findings.append(Finding(self.page.rel, line, message))

    def count(self, what: str) -> None:
        self.report.converted[what] += 1

    def _real_kinds(self) -> set[str]:
        kinds: set[str] = set()
        for line in self.page.body:
            if _PLACEHOLDER.search(line):
                continue
            for match in _BUTTON.finditer(line):
                kind = ICON_KINDS.get(_attributes(match["attrs"]).get("icon", ""))
                if kind:
                    kinds.add(kind)
        return kinds

    def convert(self) -> list[str]:
        fence: str | None = None
        in_comment = False
        for offset, line in enumerate(self.page.body):
            number = self.page.body_start + offset
            if fence is not None:
                self.emit(line)
                stripped = line.strip()
                if stripped.startswith(fence) and not stripped.lstrip(fence[0]):
                    fence = None
                continue
            opening = _FENCE.match(line)
            if opening:
                fence = opening["fence"]
                if opening["info"].strip().lower().startswith("mermaid"):
                    self.count("Mermaid diagrams kept")
                self.emit(line)
                continue
            if in_comment:
                self.emit(line)
                in_comment = "-->" not in line
                continue
            if self._placeholder(line, number) or self._buttons(line, number):
                continue
            if "<!--" in line and "-->" not in line.split("<!--", 1)[1]:
                in_comment = True
                self.emit(line)
                continue
            self.emit(self._inline(line, number))
        while self.out and not self.out[-1].strip():
            self.out.pop()
        while self.out and not self.out[0].strip():
            self.out.pop(0)
        return self.out

    def emit(self, line: str) -> None:
        if self.blank_after and line.strip():
            self.out.append("")
        self.blank_after = False
        self.out.append(line)

    def block(self, lines: list[str]) -> None:
        if self.out and self.out[-1].strip():
            self.out.append("")
        self.out.extend(lines)
        self.blank_after = True

    def _placeholder(self, line: str, number: int) -> bool:
        match = _PLACEHOLDER.fullmatch(line.strip())
        if not match:
            return False
        attributes = _attributes(match["attrs"])  # the button's own group, inside the comment
        kind = ICON_KINDS.get(attributes.get("icon", ""))
        if kind is None or kind == "demo":
            self.find(number, "commented-out button with no pending equivalent: kept verbatim")
            self.emit(line)
            return True
        if kind in self.real_kinds or kind in self.pending:
            self.find(number, f"placeholder {kind} button dropped: the page already has a {kind}")
            return True
        self.pending.add(kind)
        self.count(f"placeholder buttons -> pending {{{kind}}}")
        self.block([f"```{{{kind}}}", "```"])
        return True

    def _buttons(self, line: str, number: int) -> bool:
        """A line of nothing but button shortcodes: each becomes a directive."""
        matches = list(_BUTTON.finditer(line))
        if not matches or _BUTTON.sub("", line).strip():
            if matches:
                self.find(number, "button inside running text: kept verbatim")
                self.reported_buttons.add(number)
            return False
        blocks = []
        for match in matches:
            block = self._directive(match, number)
            if block is None:
                return False
            blocks.append(block)
        for block in blocks:
            self.block(block)
        return True

    def _directive(self, match: re.Match[str], number: int) -> list[str] | None:
        attributes = _attributes(match["attrs"])
        icon = attributes.get("icon", "")
        kind = ICON_KINDS.get(icon)
        href = attributes.get("href", "").strip()
        refusal = _refusal(icon, kind, href)
        if refusal is not None or kind is None:
            self.find(number, f"{refusal}: kept verbatim")
            self.reported_buttons.add(number)
            return None
        text = " ".join(match["text"].split())
        block = [f"```{{{kind}}} {href}"]
        if text and text.casefold() not in DEFAULT_LABELS[kind]:
            block.append(f":label: {text}")
            self.count("button texts -> :label:")
        self.count(f"buttons -> {{{kind}}}")
        return [*block, "```"]

    def _inline(self, line: str, number: int) -> str:
        definition = _REFERENCE_DEFINITION.fullmatch(line)
        if definition and not _SCHEME.match(definition["target"].strip("<>")):
            new = self._target(definition["target"], number, ref=False)
            if new is not None:
                line = definition["head"] + new[0] + definition["tail"]
        line = _outside_code(line, lambda text: _LINK.sub(lambda m: self._link(m, number), text))
        unconverted = _CODE_SPAN.sub("", line)
        if number in self.reported_buttons:
            unconverted = _BUTTON.sub("", unconverted)
        for match in _SHORTCODE.finditer(unconverted):
            self.find(
                number, f"shortcode {shorten(match[0], _SHOWN)} has no equivalent: kept verbatim"
            )
        return line

    def _link(self, match: re.Match[str], number: int) -> str:
        target = match["target"]
        ref = _REF.fullmatch(target)
        if target.startswith("{{") and not ref:
            return match[0]  # reported with the other shortcodes
        if ref:
            target = ref["path"]
        elif target.startswith("#"):
            return match[0]
        elif scheme := _SCHEME.match(target):
            if scheme["scheme"].lower() not in _WEB_SCHEMES:
                self.find(
                    number, f"link to {target!r} is neither a web address nor a page: kept verbatim"
                )
            return match[0]
        found = self._target(target, number, ref=bool(ref))
        if found is None:
            return match[0]
        path, page = found
        text, bang, title = match["text"], match["bang"], match["title"] or ""
        if page is not None and not bang and _same_text(text, page.title):
            text = ""
        return f"{bang}[{text}]({path}{title})"

    def _target(self, target: str, number: int, *, ref: bool) -> tuple[str, HugoPage | None] | None:
        found = resolve(self.tree, target, self.page, ref=ref)
        if found is None:
            self.find(number, f"link {target!r} points to nothing in the Hugo tree: kept verbatim")
            return None
        self.count("links -> cross-references" if found[1] else "links to files -> new paths")
        return found


def _refusal(icon: str, kind: str | None, href: str) -> str | None:
    """Why a button cannot become a directive, or None if it can."""
    if kind is None:
        return f"button with icon {icon!r} has no matching directive"
    if not href:
        return "button without href"
    try:
        check_resource_url(href)
    except ResourceURLError as error:
        return f"button link refused ({error})"
    return None


def _outside_code(line: str, function: Callable[[str], str]) -> str:
    """Apply ``function`` to the parts of a line outside inline code spans."""
    parts: list[str] = []
    last = 0
    for span in _CODE_SPAN.finditer(line):
        parts += [function(line[last : span.start()]), span[0]]
        last = span.end()
    return "".join([*parts, function(line[last:])])


def _attributes(text: str) -> dict[str, str]:
    return {
        match[1].lower(): next(value for value in match.groups()[1:] if value is not None)
        for match in _ATTRIBUTE.finditer(text)
    }


def _same_text(text: str, title: str) -> bool:
    def norm(value: str) -> str:
        return " ".join(value.replace("\\", "").split()).casefold()

    return bool(title) and norm(text) == norm(title)
