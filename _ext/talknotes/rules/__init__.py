"""The rules of the authoring format, without Sphinx: the build and the tools import them.

Each rule lives in one module here, so the extension (``talknotes``) and the
note-taker's tools (``tools/notetaker``) cannot disagree about it:

- ``problems``: what a broken rule reports, and the warning subtypes;
- ``text``: plurals, shortening, did-you-mean, date ranges, "Conference, Day";
- ``slugs``: slugs that transliterate (``Grønbæk`` -> ``gronbaek``);
- ``urls``: the URL rules of the resource directives, canonical YouTube links;
- ``speakers``: ``Jane Doe (Acme)``, speaker lists, matching two spellings;
- ``yamlfile``: YAML read with lines, duplicate keys and nesting depth reported;
- ``frontmatter``: the front-matter schema of talk pages, and its checks;
- ``conference``: a conference page's ``conference:`` mapping and its time zone;
- ``formats``: session formats (``format:``);
- ``vocabulary``: ``tags.yml``, tag matching and suggestions, free tags without it;
- ``people``: ``speakers.yml``, one person behind many spellings;
- ``layout``: what a conference, a day and a talk are, by path;
- ``pagenames``: the names and titles of the pages and files the build generates.

Nothing here imports Sphinx or docutils (a test checks it).
"""
