"""The names of the pages and files the build generates, and the fixed pages' titles.

A page name is a docname: the URL without its suffix. Links, the sidebar, the
sitemap and the collision check all take names from here.
"""

from __future__ import annotations

__all__ = [
    "FIXED_TITLES",
    "PENDING",
    "RESERVED_SPEAKER_SLUGS",
    "RESERVED_TAG_KEYS",
    "SITE_FEED",
    "SPEAKERS",
    "SPEAKERS_FOLDER",
    "TAGS_FOLDER",
    "TAGS_JSON",
    "TODOS",
    "TOPICS",
    "speaker_page",
    "tag_feed",
    "tag_page",
]

TAGS_FOLDER = "tags/"
SPEAKERS_FOLDER = "speakers/"
TOPICS = TAGS_FOLDER + "index"
SPEAKERS = SPEAKERS_FOLDER + "index"
#: tag keys and speaker slugs that would take the name of an overview page
RESERVED_TAG_KEYS = frozenset({"index"})
RESERVED_SPEAKER_SLUGS = frozenset({"index"})
PENDING = "pending"
TODOS = "todos"
#: the pages the build always makes, with their titles, in sidebar order
FIXED_TITLES = {
    TOPICS: "Topics",
    SPEAKERS: "Speakers",
    PENDING: "Pending material",
    TODOS: "Open to-dos",
}
SITE_FEED = "feed.atom"
TAGS_JSON = TAGS_FOLDER + "index.json"


def tag_page(key: str) -> str:
    return TAGS_FOLDER + key


def tag_feed(key: str) -> str:
    return f"{TAGS_FOLDER}{key}.atom"


def speaker_page(slug: str) -> str:
    return SPEAKERS_FOLDER + slug
