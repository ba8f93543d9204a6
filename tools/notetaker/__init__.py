"""notetaker: the note-taker's command-line tools (``python -m tools.notetaker --help``).

One module per concern:

- ``cli``: the argument parser and the four subcommands;
- ``pages``: templates (``archetypes/``), slugs, numbering, front matter, day and home pages;
- ``schedule``: Sched iCalendar and pretalx ``schedule.json`` read into sessions, the skip rule;
- ``importer``: the idempotent sync of sessions into talk pages, found by their ``source``;
- ``hugo``: the conversion of a Hugo notes tree, with a report of what it could not convert.

The tag vocabulary, URL rules and front-matter records come from the site's own
extension (``_ext/talknotes``), so a page the tools write passes the build's checks.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO / "_ext") not in sys.path:
    sys.path.insert(0, str(REPO / "_ext"))
