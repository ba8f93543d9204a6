"""notetaker: the note-taker's command-line tools (``python -m tools.notetaker --help``).

The package is layered; each layer imports only the ones below it in this list:

- ``commands``: the argparse command line, one module per subcommand;
- ``schedule``: Sched and pretalx schedules read into sessions and synced into pages;
- ``hugo``: a Hugo notes tree converted, with a report of what it could not convert;
- ``authoring``: pages on disk (templates, front matter, toctrees, conferences, days, talks);
- ``errors``: the one kind of error the note-taker sees.

The rules of the authoring format (slugs, speakers, times, conference front
matter, the tag vocabulary, URLs, where talks live) are the build's own
(``_ext/talknotes/rules``), so a page the tools write passes the build's checks.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO / "_ext") not in sys.path:
    sys.path.insert(0, str(REPO / "_ext"))
