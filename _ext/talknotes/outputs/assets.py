"""One stylesheet and one script per page instead of a dozen.

Furo, sphinx-design, Pygments and Sphinx each ship their own CSS and JavaScript,
so a plain page needs thirteen requests. A page's local stylesheets are joined into
one bundle and its plain scripts into another, each named by a digest of its
content: pages with the same assets share the files, and a browser may cache them
for good. sphinx-design's tab script, which reads its own tag, stays separate and
is only loaded where there are tabs.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.builders.html._assets import _CascadingStyleSheet, _JavaScript

from ..model.generated import SITE_BUILDERS

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx

__all__ = ["bundle_page_assets"]

_PREFIX = "talknotes-bundle-"
_TAB_SCRIPT = "_static/design-tabs.js"


def _content(app: Sphinx, filename: str) -> bytes:
    if filename == "_static/pygments.css" and app.config.html_theme == "furo":
        # Furo writes its own light and dark pygments.css at the very end of the build.
        from furo import get_pygments_stylesheet  # noqa: PLC0415 (only with Furo)

        return get_pygments_stylesheet().encode()
    return Path(app.outdir, filename).read_bytes()


def _bundle(app: Sphinx, kind: str, files: Sequence[str]) -> str:
    """The bundle of ``files`` (written on first use in this process): its name."""
    made: dict[tuple[str, ...], str] = app.builder.__dict__.setdefault("_talknotes_bundles", {})
    key = (kind, *files)
    if key not in made:
        content = b"\n".join(_content(app, filename) for filename in files)
        name = f"_static/{_PREFIX}{hashlib.sha256(content).hexdigest()[:16]}.{kind}"
        target = Path(app.outdir, name)
        if not target.is_file():
            partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
            partial.write_bytes(content)
            partial.replace(target)  # atomic: parallel writers may race here
        made[key] = name
    return made[key]


# Attributes that every stylesheet link has; anything else (media, title, defer,
# data-*) means the file is loaded in its own particular way and stays apart.
_PLAIN_ATTRIBUTES = {("rel", "stylesheet"), ("type", "text/css")}


def _bundleable(asset: Any) -> bool:
    filename = asset.filename
    attributes = {(key, value) for key, value in asset.attributes.items() if value is not None}
    return isinstance(filename, str) and "://" not in filename and attributes <= _PLAIN_ATTRIBUTES


def bundle_page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Replace a page's local stylesheets and plain scripts by one bundle each."""
    if app.builder.name not in SITE_BUILDERS or "css_files" not in context:
        return
    stylesheets = [css for css in context["css_files"] if _bundleable(css)]
    if stylesheets:
        stylesheet = _CascadingStyleSheet(_bundle(app, "css", [c.filename for c in stylesheets]))
        context["css_files"] = [stylesheet] + [
            css for css in context["css_files"] if css not in stylesheets
        ]

    has_tabs = "sd-tab-set" in context.get("body", "")
    scripts: list[Any] = [
        script
        for script in context["script_files"]
        if getattr(script, "filename", None) != _TAB_SCRIPT or has_tabs
    ]
    plain = [script for script in scripts if _bundleable(script)]
    if plain:
        bundle = _JavaScript(_bundle(app, "js", [script.filename for script in plain]))
        scripts = [bundle] + [script for script in scripts if script not in plain]
    context["script_files"] = scripts
