"""Pagefind's index of the written site, made at the end of every web-site build.

Pagefind (the ``pagefind[bin]`` package: a Python wrapper and the indexer's
binary) indexes the result pages as the build wrote them and writes the index
and its browser code into ``_pagefind/`` in the output.

It is given the part of each result page it reads (the marked article and the
block of filters beside it, ``outputs/search.py``), copied into a folder beside
the doctrees. Pagefind then parses a few KB per page instead of the whole page
with its sidebar (half its time), never sees the generated pages, and no longer
finds a talk that has been removed (Sphinx leaves its old page in the output).
The folder is kept between builds and only pages written since are copied again:
creating a thousand files took longer than Pagefind's indexing of them.

Pagefind cannot update an index, so a build that wrote a result page indexes
them all again; a build that wrote none keeps the index it has. The new index is
written beside the old one and put in its place when complete, so a server never
serves half an index. When the indexer is missing or fails, the build warns
(``talknotes.search``) and keeps the last index.

The live preview sets ``talknotes_search_index_later``: the build then ends as
soon as the pages are written, and a forked process of lower priority indexes
them behind it (the edited page reloads without waiting for the whole site's
index, and the next rebuild does not wait for the indexer). One indexer
runs at a time, and each indexes the pages as they are on disk when its turn
comes, so a late one never puts an older index in place of a newer.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from ..diagnostics import warn
from ..model.generated import SITE_BUILDERS
from ..rules.problems import Subtype
from .search import ENTRY_START, INDEXED_START, search_entries

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

__all__ = [
    "BUNDLE",
    "EXCLUDED",
    "RECORD",
    "UNUSED",
    "PagefindError",
    "indexed_part",
    "run_pagefind",
    "write_search_index",
]

#: the folder of the output that holds the index and Pagefind's browser code
BUNDLE = "_pagefind"
#: what is no text of the page itself: lists of other pages, buttons, heading anchors
EXCLUDED = (
    ".toctree-wrapper",
    ".talknotes-talk-list",
    ".talknotes-conference-list",
    ".talknotes-topics",
    ".talknotes-resource",
    ".headerlink",
)
#: Pagefind's ready-made interfaces: the search page has its own (talknotes-search.js)
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
#: in the doctree folder: what the index was made from, how many pages, how long it took
RECORD = "talknotes-search-index.json"
#: in the doctree folder: held by the indexer that runs, so indexers take turns
_LOCK = "talknotes-search-index.lock"
#: in the doctree folder: what Pagefind reads of each result page, kept between builds
_STAGED = "talknotes-search-pages"
_STAGED_RECORD = "staged.json"  # in that folder: the file each staged page was copied from
_TIMEOUT = 600  # seconds; Pagefind indexes a thousand talks in a few
_OUTPUT_LINES = 12  # of the indexer's output, in the warning when it fails

_logger = logging.getLogger(__name__)


class PagefindError(Exception):
    """The indexer could not be run or did not finish: the message says why."""


def _executable() -> Path:
    try:
        from pagefind.service import get_executable  # noqa: PLC0415 (optional until used)
    except ImportError:
        raise PagefindError("Pagefind is not installed (pip install 'pagefind[bin]')") from None
    executable = get_executable()
    if executable is None or not executable.is_file():
        raise PagefindError(f"Pagefind's indexer was not found ({executable or 'pagefind_bin'})")
    return executable


def run_pagefind(site: Path, bundle: Path, *, keep_index_url: bool, suffix: str = ".html") -> None:
    """Index the pages (files ending in ``suffix``) under ``site`` into the folder ``bundle``."""
    command = [str(_executable()), "--site", str(site), "--output-path", str(bundle)]
    command += ["--glob", f"**/*{suffix}", "--exclude-selectors", ", ".join(EXCLUDED), "--quiet"]
    if keep_index_url:
        command.append("--keep-index-url")
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise PagefindError(f"Pagefind did not finish within {_TIMEOUT} s") from None
    except OSError as error:
        raise PagefindError(f"Pagefind could not be started: {error}") from None
    output = (run.stdout + run.stderr).strip().splitlines()
    if run.returncode != 0 or not (bundle / "pagefind-entry.json").is_file():
        said = " | ".join(line.strip() for line in output[-_OUTPUT_LINES:] if line.strip())
        raise PagefindError(f"Pagefind failed (exit code {run.returncode}): {said or 'no output'}")
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)


def _result_files(app: Sphinx) -> dict[str, Path]:
    """Each result page's file in the output, by its path relative to the output."""
    builder: StandaloneHTMLBuilder = app.builder  # type: ignore[assignment]
    outdir = Path(app.outdir)
    files = {}
    for docname in search_entries(app.env):
        path = Path(builder.get_output_path(docname))
        if path.is_file():
            files[path.relative_to(outdir).as_posix()] = path
    return files


def indexed_part(page: str) -> str | None:
    """What Pagefind reads of a written page: the marked article and the entry beside it."""
    start, entry = page.find(INDEXED_START), page.rfind(ENTRY_START)
    end = page.find("</div>", entry)  # the entry holds spans of escaped text only
    return page[start : end + len("</div>")] if 0 <= start < entry < end else None


def _stamps(files: dict[str, Path]) -> dict[str, str]:
    """Each result page's size and time of writing: they change when it is written again."""
    stamps = {}
    for relative, path in files.items():
        status = path.stat()
        stamps[relative] = f"{status.st_size}:{status.st_mtime_ns}"
    return stamps


def _fingerprint(stamps: dict[str, str], keep_index_url: bool) -> str:
    """What the index is made from: the result pages as written, and how they are indexed."""
    digest = hashlib.sha256(repr((EXCLUDED, keep_index_url)).encode())
    for relative, stamp in sorted(stamps.items()):
        digest.update(f"{relative}\0{stamp}\n".encode())
    return digest.hexdigest()


def _stage(
    files: dict[str, Path], stamps: dict[str, str], folder: Path, lang: str, encoding: str
) -> None:
    """Bring ``folder`` up to date: what Pagefind reads of each result page, nothing else.

    A page is copied again when its file changed since it was staged (the record of
    the last staging, in ``folder``, holds each file's stamp); a staged page that is
    no result any more is removed, recorded or not.
    """
    head = f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head><body>'
    folder.mkdir(parents=True, exist_ok=True)
    record = folder / _STAGED_RECORD
    last = _recorded(record)
    staged = last.get("pages") if last.get("head") == head else None
    staged = staged if isinstance(staged, dict) else {}
    for relative, path in files.items():
        target = folder / relative
        if staged.get(relative) == stamps[relative] and target.is_file():
            continue
        page = path.read_text(encoding=encoding, errors="replace")
        part = indexed_part(page)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"{head}{part}</body></html>" if part else page, encoding="utf-8")
    for target in folder.rglob("*.html"):
        if target.relative_to(folder).as_posix() not in stamps:
            target.unlink()
    record.write_text(json.dumps({"head": head, "pages": stamps}), encoding="utf-8")


def _replace(bundle: Path, fresh: Path) -> None:
    """Put ``fresh`` in the place of ``bundle``: a server sees the old index or the new."""
    old = bundle.with_name(f"{bundle.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if bundle.exists():
        bundle.rename(old)
    fresh.rename(bundle)
    shutil.rmtree(old, ignore_errors=True)


def write_search_index(app: Sphinx, exception: Exception | None) -> None:
    """Index the result pages with Pagefind into ``_pagefind/`` of the output."""
    if exception is not None or app.builder.name not in SITE_BUILDERS:
        return
    outdir = Path(app.outdir)
    bundle = outdir / BUNDLE
    (outdir / "searchindex.js").unlink(missing_ok=True)  # from a build before this one
    if app.config.talknotes_search_index_later and hasattr(os, "fork"):
        if os.fork() == 0:  # the indexer; the build goes on to its end
            os.nice(10)  # behind the next rebuild, which the note-taker waits for
            _index_in_turn(app, bundle)
            os._exit(0)
        return
    _index_result_pages(app, bundle)


def _index_in_turn(app: Sphinx, bundle: Path) -> None:
    """Index once no other indexer of this output runs (a background indexer's work)."""
    import fcntl  # noqa: PLC0415 (POSIX only, as fork is)

    with Path(app.doctreedir, _LOCK).open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _index_result_pages(app, bundle)


def _index_result_pages(app: Sphinx, bundle: Path) -> None:
    """Index the result pages as they are in the output now."""
    try:
        files = _result_files(app)
    except OSError as error:
        _warn_unwritten(error, bundle)
        return
    if not files:  # Pagefind refuses to make an empty index; there is nothing to find
        shutil.rmtree(bundle, ignore_errors=True)
        return
    _index(app, files, bundle)


def _index(app: Sphinx, files: dict[str, Path], bundle: Path) -> None:
    """Index ``files`` unless the index was made from them as they are now."""
    keep_index_url = app.builder.name == "html"  # dirhtml's pages are folders
    record = Path(app.doctreedir, RECORD)
    try:
        stamps = _stamps(files)
        fingerprint = _fingerprint(stamps, keep_index_url)
        unchanged = _recorded(record).get("index") == fingerprint
        if unchanged and (bundle / "pagefind-entry.json").is_file():
            return
        started = time.perf_counter()
        _make_index(app, files, stamps, bundle, keep_index_url=keep_index_url)
        seconds = time.perf_counter() - started
        summary = {"index": fingerprint, "pages": len(files), "seconds": round(seconds, 3)}
        record.write_text(json.dumps(summary), encoding="utf-8")
    except (PagefindError, OSError, LookupError) as error:  # LookupError: an unknown encoding
        _warn_unwritten(error, bundle)
        return
    _logger.info("search index: %d pages indexed by Pagefind in %.1f s", len(files), seconds)


def _warn_unwritten(error: Exception, bundle: Path) -> None:
    # "path:" as Sphinx locates a file without a line (a bare path would be a page name).
    warn(
        f"the search index was not written: {error}",
        location=f"{bundle}:",
        subtype=Subtype.SEARCH,
    )


def _make_index(
    app: Sphinx,
    files: dict[str, Path],
    stamps: dict[str, str],
    bundle: Path,
    *,
    keep_index_url: bool,
) -> None:
    """Copy what Pagefind reads, index it beside the old index, then put it in its place."""
    config = app.config
    suffix: str = app.builder.out_suffix  # type: ignore[attr-defined]
    fresh = bundle.with_name(f"{bundle.name}.new-{os.getpid()}")
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        staging = Path(app.doctreedir, _STAGED)
        _stage(files, stamps, staging, config.language or "en", config.html_output_encoding)
        run_pagefind(staging, fresh, keep_index_url=keep_index_url, suffix=suffix)
        _replace(bundle, fresh)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def _recorded(path: Path) -> dict[str, Any]:
    """The record of the last index, or an empty one."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}
