"""Pages in the authoring format on disk, written and edited the way a note-taker would.

Every command writes pages through here, so they all write the same shape of page,
and a page the note-taker has edited is changed only where a command owns a value
(a front-matter key, the title line, a toctree entry).
"""
