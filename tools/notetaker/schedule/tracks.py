"""Tags for imported sessions: from their kind and track, else the fallback tag ``unsorted``.

The vocabulary maps tracks to tags: a track matches a tag's key or alias by its
name or its slug, ignoring case (``⚡ LIGHTNING TALKS`` finds the alias
``lightning-talks``). A session whose track matches nothing gets ``unsorted``
(whichever tag that name resolves to; the importer adds it to the vocabulary if
it is missing), so every page builds with ``-W``. Once the note-taker maps the
tracks the report lists, a re-import gives the pages still tagged ``unsorted``
(or not at all) their tracks' tags.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from talknotes.rules.slugs import slugify

from ..authoring.vocabulary import add_tag

if TYPE_CHECKING:
    from ..authoring.vocabulary import Tags
    from .sessions import Session

__all__ = ["FALLBACK_TAG", "TrackTags"]

#: the tag of a session whose kind and track match no tag
FALLBACK_TAG = "unsorted"
_FALLBACK_TITLE = "Not yet sorted"
_FALLBACK_DESCRIPTION = "Imported talks whose schedule track matches no topic yet."
_FALLBACK_WHY = (
    "Imported talks whose track matches no tag (import-schedule added this tag): map the "
    "tracks as aliases of real tags and import again."
)
#: tracks are matched by their slug too; a track is a name, not a file name
_TRACK_SLUG_LENGTH = 80


@dataclass
class TrackTags:
    """The tags of sessions, and what the report says about the tracks that matched nothing."""

    tags: Tags
    extra: list[str] = field(default_factory=list)
    unmatched: Counter[str] = field(default_factory=Counter)
    fallback_pages: int = 0
    added_fallback: bool = False

    def of(self, session: Session) -> list[str]:
        """The tags of the session's tracks, with ``extra``; empty if none match."""
        resolve = self.tags.vocabulary.resolve
        keys: list[str] = []
        for track in session.tracks:
            key = resolve(track) or resolve(slugify(track, max_length=_TRACK_SLUG_LENGTH))
            if key:
                keys.append(key)
            else:
                self.unmatched[track] += 1
        return list(dict.fromkeys([*keys, *self.extra]))

    def unsorted(self, current: list[str] | None) -> bool:
        """Whether a page's tags are none or the fallback alone: the import may fill them."""
        if current is None:  # not a list: the note-taker's to fix, not the import's
            return False
        fallback = self.tags.vocabulary.resolve(FALLBACK_TAG) or FALLBACK_TAG
        return all(self.tags.vocabulary.resolve(tag) == fallback for tag in current)

    def or_fallback(self, keys: list[str], *, dry_run: bool) -> list[str]:
        """``keys``, or the fallback tag (added to the vocabulary file if missing)."""
        if keys:
            return keys
        self.fallback_pages += 1
        key = self.tags.vocabulary.resolve(FALLBACK_TAG)
        if key is None:
            self.added_fallback = True
            if not dry_run:
                self.tags = add_tag(
                    self.tags, FALLBACK_TAG, _FALLBACK_TITLE, _FALLBACK_DESCRIPTION, _FALLBACK_WHY
                )
        return [key or FALLBACK_TAG]
