"""Talk tags: matched against the vocabulary while reading, shown as badges, checked.

The vocabulary (``tags.yml`` in the source folder) is loaded once per build. Each
page that has tags depends on it, so editing the vocabulary re-reads those pages and
their badges and warnings follow. A ``{tags}`` directive (as sphinx-tags writes it)
adds tags from the page body, for notes that come from such projects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..diagnostics import load_site_file, warn
from ..model import build_state, talknotes_domain
from ..rules.problems import Subtype
from ..rules.text import suggestion
from ..rules.vocabulary import Vocabulary, free_vocabulary, load_vocabulary

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

    from ..model.records import PageRecord

__all__ = [
    "TagsDirective",
    "check_talks_have_tags",
    "complete_free_tags",
    "load_tag_vocabulary",
    "rereads_for_vocabulary_mode",
    "resolve_page_tags",
    "unknown_tag_message",
]


def load_tag_vocabulary(app: Sphinx) -> None:
    """Load and check ``tags.yml``, reporting each problem at its line."""
    vocabulary, path = load_site_file(
        app, "talknotes_tags_file", load_vocabulary, Subtype.VOCABULARY
    )
    state = build_state(app.env)
    state.vocabulary = vocabulary
    state.vocabulary_path = str(path)


def unknown_tag_message(vocabulary: Vocabulary, name: str, tags_file: str) -> str:
    """What the note-taker reads about a tag the vocabulary does not know."""
    hint = suggestion(vocabulary.suggest(name))
    return f"unknown tag {name!r}: not a key or alias in {tags_file}" + (
        f"; {hint}" if hint else ""
    )


class TagsDirective(SphinxDirective):
    """``{tags} a, b``: tags in the page body, as sphinx-tags writes them."""

    has_content = True
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[OptionSpec] = {}

    def run(self) -> list[nodes.Node]:
        # As sphinx-tags reads it: lines joined with spaces, tags separated by commas.
        text = " ".join(" ".join([*self.arguments, *self.content]).split())
        names = [name.strip() for name in text.split(",") if name.strip()]
        record = talknotes_domain(self.env).record(self.env.docname)
        record.directive_tags += [(name, self.lineno) for name in names]
        return []


def resolve_page_tags(app: Sphinx, doctree: nodes.document) -> None:
    """Map the page's tag names to vocabulary keys; warn about unknown ones."""
    env = app.env
    state = build_state(env)
    record = talknotes_domain(env).pages[env.docname]
    named = [(name, None) for name in record.facts.tags] + record.directive_tags
    if not named:
        return
    if not state.vocabulary.free:
        env.note_dependency(state.vocabulary_path)
    keys: dict[str, str] = {}
    for name, line in named:
        key = state.vocabulary.resolve(name)
        if key is not None:
            keys.setdefault(key, name)
            continue
        warn(
            unknown_tag_message(state.vocabulary, name, env.config.talknotes_tags_file),
            location=(env.docname, line or record.line("tags")),
            subtype=Subtype.TAG,
        )
    record.tag_keys = list(keys)
    record.tag_spellings = keys


def complete_free_tags(app: Sphinx, env: BuildEnvironment) -> None:
    """After reading, without a ``tags.yml``: the free tags are those the pages name."""
    state = build_state(env)
    if state.vocabulary.free:
        pages = talknotes_domain(env).pages.values()
        names = [name for record in pages for name in _named(record)]
        state.vocabulary = free_vocabulary(names)


def rereads_for_vocabulary_mode(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Re-read every tagged page when ``tags.yml`` appears or goes (free tags or not)."""
    free = build_state(env).vocabulary.free
    return talknotes_domain(env).rereads_when_changed("free_tags", free, _named_any)


def _named_any(record: PageRecord) -> bool:
    return bool(_named(record))


def _named(record: PageRecord) -> list[str]:
    return [*record.facts.tags, *(name for name, _ in record.directive_tags)]


def check_talks_have_tags(app: Sphinx, env: BuildEnvironment) -> None:
    """After reading: a talk without tags is a warning; an unused tag is news."""
    used = set()
    for docname, talk in sorted(talknotes_domain(env).site.talks.items()):
        record = talk.record
        used.update(record.tag_keys)
        if not record.facts.tags and not record.directive_tags:
            warn(
                f"talk has no tags: add 'tags: [...]' with names from "
                f"{env.config.talknotes_tags_file} to its front matter",
                location=(docname, 1),
                subtype=Subtype.UNTAGGED,
            )
    unused = sorted(set(build_state(env).vocabulary.tags) - used)
    if unused:
        logging.getLogger(__name__).info(f"tags no talk uses yet: {', '.join(unused)}")
