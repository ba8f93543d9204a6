"""Mermaid diagrams drawn at build time: a light and a dark inline SVG, no JavaScript.

After reading, every diagram of the build (``reading.diagrams`` collected them)
that is not yet in the cache is drawn with mermaidx (Mermaid in an embedded
QuickJS engine: no browser, no Node) in parallel processes; each page then gets
both renditions inline, so it shows the one matching the reader's theme.

The cache lives outside the HTML output and is keyed by the diagram's source, the
theme and the renderer's version: an unchanged diagram is never drawn twice.
"""

from __future__ import annotations

import hashlib
import html
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.display import status_iterator
from sphinxcontrib.mermaid import mermaid

from ..diagnostics import warn
from ..model import talknotes_domain
from ..rules.problems import Subtype

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator

    from ..model.records import Diagram

__all__ = [
    "add_diagram_stylesheet",
    "cache_dir",
    "diagrams_as_source",
    "draw_diagrams",
    "visit_diagram",
]

RENDERER = f"mermaidx-{version('mermaidx')}"
_MERMAID_ID = "my-svg"  # the id mermaidx gives every SVG it draws
STYLESHEET = "talknotes-diagrams.css"
_COUNTER = "_talknotes_diagrams"


def _themes(config: Config) -> dict[str, str]:
    return {"light": config.mermaid_light_theme, "dark": config.mermaid_dark_theme}


def cache_dir(app_or_builder: Sphinx | Builder) -> Path:
    """Where drawn diagrams are kept: configured, else next to the output folder."""
    config = app_or_builder.config
    return Path(
        config.talknotes_diagram_cache or Path(app_or_builder.outdir).parent / ".diagram-cache"
    )


def _cache_path(folder: Path, code: str, theme: str) -> Path:
    key = hashlib.sha256(f"{RENDERER}\0{theme}\0{code}".encode()).hexdigest()
    return folder / f"{key}.svg"


def _draw(code: str, theme: str) -> tuple[str | None, str | None]:
    """Draw one diagram (in a worker process): its SVG, or Mermaid's error message."""
    import mermaidx  # noqa: PLC0415 (a large engine, loaded only when there is drawing to do)

    try:
        return mermaidx.render(code, theme=theme).svg(), None
    except Exception as error:  # any failure is the diagram's problem, told to its author
        return None, str(error).removeprefix("Mermaid rendering failed: ")


def draw_diagrams(app: Sphinx, env: BuildEnvironment) -> None:
    """After reading: draw every diagram that is not in the cache, in parallel."""
    domain = talknotes_domain(env)
    folder = cache_dir(app)
    wanted: dict[tuple[str, str], list[tuple[str, Diagram]]] = {}
    for docname, record in sorted(domain.pages.items()):
        for diagram in record.diagrams:
            for theme in _themes(app.config).values():
                if not _cache_path(folder, diagram.code, theme).is_file():
                    wanted.setdefault((diagram.code, theme), []).append((docname, diagram))
    if not wanted:
        return
    folder.mkdir(parents=True, exist_ok=True)
    jobs = list(wanted)
    workers = min(len(jobs), os.cpu_count() or 1)
    context = multiprocessing.get_context("fork")
    reported = set()
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        results = pool.map(_draw, *zip(*jobs, strict=True))
        for (code, theme), (svg, error) in status_iterator(
            zip(jobs, results, strict=True),
            "drawing diagrams... ",
            "darkgreen",
            len(jobs),
            app.verbosity,
            # the page the diagram is on, and the theme: what a reader of the log can find
            stringify_func=lambda item: f"{wanted[item[0]][0][0]} ({item[0][1]})",
        ):
            if svg is not None:
                target = _cache_path(folder, code, theme)
                partial = target.with_suffix(f".{os.getpid()}.tmp")
                partial.write_text(svg, encoding="utf-8")
                partial.replace(target)
                continue
            for docname, diagram in wanted[code, theme]:
                if (docname, diagram) not in reported:
                    reported.add((docname, diagram))
                    warn(
                        f"Mermaid cannot draw this diagram: {error}",
                        location=(docname, diagram.line),
                        subtype=Subtype.DIAGRAM,
                    )


def visit_diagram(self: HTML5Translator, node: mermaid) -> None:
    """Write both renditions inline; Furo's only-light/only-dark show the right one."""
    folder = cache_dir(self.builder)
    code = node["code"]
    count = getattr(self, _COUNTER, 0) + 1
    setattr(self, _COUNTER, count)  # numbers the diagrams of one page: unique SVG ids
    label = html.escape(node.get("alt") or _caption(node) or "Diagram", quote=True)
    renditions = []
    for mode, theme in _themes(self.builder.config).items():
        path = _cache_path(folder, code, theme)
        if not path.is_file():  # it failed to draw, and a warning said so
            self.body.append(f'<pre class="talknotes-diagram-source">{self.encode(code)}</pre>\n')
            raise nodes.SkipNode
        svg = path.read_text(encoding="utf-8").replace(_MERMAID_ID, f"diagram-{count}-{mode}")
        svg = svg.replace("<svg ", f'<svg aria-label="{label}" ', 1)
        renditions.append(f'<div class="talknotes-diagram only-{mode}">{svg}</div>\n')
    self.body.append("".join(renditions))
    raise nodes.SkipNode


def _caption(node: nodes.Element) -> str:
    figure = node.parent
    if isinstance(figure, nodes.figure):
        caption = next(iter(figure.findall(nodes.caption)), None)
        if caption is not None:
            return caption.astext()
    return ""


def add_diagram_stylesheet(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.document | None
) -> None:
    """Only pages with diagrams load the diagram stylesheet (their record knows, no search)."""
    record = talknotes_domain(app.env).pages.get(pagename)
    if doctree is not None and record is not None and record.diagrams:
        app.add_css_file(STYLESHEET)


def diagrams_as_source(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Builders that write no HTML (LaTeX, text, ...) get each diagram's Mermaid source.

    The drawn SVGs serve HTML pages only; sphinxcontrib-mermaid's own LaTeX route
    would need ``mmdc``, Node and a browser.
    """
    if app.builder.format == "html":
        return
    for node in list(doctree.findall(mermaid)):
        source = nodes.literal_block(node["code"], node["code"], language="text")
        label = node.get("alt") or _caption(node) or "Diagram"
        node.replace_self([nodes.paragraph("", f"{label} (Mermaid source):"), source])
