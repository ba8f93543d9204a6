"""``speakers.yml`` while reading: loaded with the builder, a dependency of pages with speakers.

A byline names the person (any alias written in front matter shows as their
name), so a page with speakers is read again when ``speakers.yml`` changes, and
when the file appears or goes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..diagnostics import load_site_file
from ..model import build_state, talknotes_domain
from ..rules.people import load_people
from ..rules.problems import Subtype

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from ..model.records import PageRecord

__all__ = ["load_speakers_file", "note_speakers_file", "rereads_for_speakers_file"]


def load_speakers_file(app: Sphinx) -> None:
    """Load and check ``speakers.yml``, reporting each problem at its line."""
    people, path = load_site_file(app, "talknotes_speakers_file", load_people, Subtype.SPEAKERS)
    state = build_state(app.env)
    state.people = people
    state.people_path = str(path) if path.is_file() else ""


def note_speakers_file(app: Sphinx, doctree: nodes.document) -> None:
    """A page that names speakers depends on ``speakers.yml``, when there is one."""
    env = app.env
    state = build_state(env)
    record = talknotes_domain(env).pages.get(env.docname)
    if state.people_path and record is not None and record.facts.speakers:
        env.note_dependency(state.people_path)


def rereads_for_speakers_file(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Re-read every page with speakers when ``speakers.yml`` appears or goes."""
    present = bool(build_state(env).people_path)
    return talknotes_domain(env).rereads_when_changed("speakers_file", present, _has_speakers)


def _has_speakers(record: PageRecord) -> bool:
    return bool(record.facts.speakers)
