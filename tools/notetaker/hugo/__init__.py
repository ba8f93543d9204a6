"""A Hugo notes tree (``content/<day>/NN_slug.md``) converted into the authoring format.

Nothing is lost: what has an equivalent is converted (button shortcodes, placeholder
buttons, relative links, tags, weights, ``_index.md`` pages), and anything else
stays in the page exactly as it was and is listed in the report with its file and
line, so the note-taker can finish the job by hand. The steps, one module each:
``tree`` reads the Hugo pages, ``targets`` names their new files and resolves
links to them, ``bodies`` converts each page's Markdown, ``plan`` composes the
new pages and writes them, ``report`` says what was left.
"""
