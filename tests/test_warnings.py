"""Our warnings: every subtype documented in the style guide, each one silenceable."""

from __future__ import annotations

import re

from conftest import REPO, warnings_of

from talknotes.rules.problems import WARNING_TYPE, Subtype


def test_the_style_guide_lists_every_warning_subtype() -> None:
    guide = (REPO / "docs" / "style-guide.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `talknotes\.([a-z-]+)` \|", guide, flags=re.M))
    assert documented == {subtype.value for subtype in Subtype}


def test_suppress_warnings_silences_one_subtype_only(build) -> None:
    files = {"conf-a/day-1/03-x.md": "---\ntags: [plattform]\n---\n\n# X\n\n```{demo}\n```\n"}
    app = build(files=files, confoverrides={"suppress_warnings": [f"{WARNING_TYPE}.tag"]})
    warnings = warnings_of(app)
    assert "unknown tag" not in warnings
    assert "03-x.md:7: WARNING: {demo} needs a URL [talknotes.resource]" in warnings
