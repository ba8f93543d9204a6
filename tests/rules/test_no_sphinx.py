"""The rules layer imports without Sphinx or docutils, so the tools can use it anywhere."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_the_rules_import_without_sphinx() -> None:
    code = (
        "import sys; sys.path.insert(0, '_ext');"
        "import talknotes.rules.frontmatter, talknotes.rules.layout, talknotes.rules.pagenames,"
        " talknotes.rules.problems, talknotes.rules.slugs, talknotes.rules.speakers,"
        " talknotes.rules.text, talknotes.rules.urls, talknotes.rules.vocabulary,"
        " talknotes.rules.conference, talknotes.rules.formats, talknotes.rules.people,"
        " talknotes.rules.yamlfile;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sphinx', 'docutils')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
