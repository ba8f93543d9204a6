"""Benchmarks of the site build: ``nox -s bench`` (see ``--help``).

Every figure is measured in this run, side by side with its baseline, because
these machines are noisy: compare ratios, not seconds across runs. Every build
of a run uses one copy of the code, taken when the run starts (``snapshot_code``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Run as a script: the synthetic sites are written by the tools, with the build's rules.
sys.path[:0] = [str(REPO), str(REPO / "_ext")]

from talknotes.outputs.search_index import RECORD  # noqa: E402 (needs the repository on the path)
from tools.search_bytes import print_search_bytes  # noqa: E402 (the same)
from tools.synthetic import write_tree  # noqa: E402 (the same)


@dataclass(frozen=True)
class BuildRun:
    seconds: float
    peak_rss_mib: float
    #: HTML pages the build wrote: a small rebuild that writes thousands is no edit
    pages_written: int


@dataclass(frozen=True)
class ScaleRow:
    """One size of the scale benchmark, as the summary table prints it."""

    talks: int
    ours: BuildRun
    baseline: BuildRun
    page_kib: float  # the largest talk page
    edit: tuple[float, float]  # ours, baseline
    add: tuple[float, float]


# The goals of the scale benchmark (README, "Build time that grows linearly").
GOAL_RATIO = 1.0
GOAL_PAGE_KIB = 40.0
GOAL_PEAK_MIB = 1536.0
GOAL_GROWTH = 1.1  # time per talk at the largest size against the smallest
GOAL_EDIT = 1.0
GOAL_ADD = 1.5


# Runs sphinx-build in this process and reports its own peak memory and its workers'.
_MEASURED = """
import resource, sys
from sphinx.cmd.build import main
code = main(sys.argv[1:])
who = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
peak = max(resource.getrusage(one).ru_maxrss for one in who)
print(f"peak-rss-kib={peak}", file=sys.stderr)
sys.exit(code)
"""


#: what a build runs of the repository: the configuration, the extension, the assets
_CODE = ("conf.py", "_ext", "_static")


def snapshot_code(folder: Path) -> Path:
    """Copy the build's code into ``folder``, once per run, and return it as a ``-c`` folder.

    The extension's code is part of the configuration (``talknotes_code_fingerprint``), so
    a file saved in the checkout between a clean build and an edit made the edit read and
    write every page again: an "edit" of 297 s at 5000 talks. Every build of a run uses
    this copy instead; the fingerprint covers the extension's files, not where they are.
    """
    folder.mkdir(parents=True)
    for name in _CODE:
        if (REPO / name).is_dir():
            ignore = shutil.ignore_patterns("__pycache__")
            shutil.copytree(REPO / name, folder / name, ignore=ignore)
        else:
            shutil.copy2(REPO / name, folder / name)
    return folder


def sphinx_build(
    srcdir: Path, outdir: Path, *options: str, confdir: Path, check: bool = True
) -> BuildRun:
    """Run one build in a fresh process: its wall time, peak memory and pages written.

    The peak is the largest resident set of the build process or any of its workers.
    """
    command = [sys.executable, "-c", _MEASURED, "-q", "-b", "html", *options]
    command += ["-c", str(confdir), str(srcdir), str(outdir)]
    started_ns = time.time_ns()
    start = time.perf_counter()
    result = subprocess.run(command, check=False, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if check and result.returncode != 0:
        sys.exit(f"build of {srcdir} failed:\n{result.stderr}")
    peaks = [line for line in result.stderr.splitlines() if line.startswith("peak-rss-kib=")]
    peak = int(peaks[-1].partition("=")[2]) if peaks else 0
    pages = (page for page in outdir.rglob("*.html") if ".doctrees" not in page.parts)
    written = sum(1 for page in pages if page.stat().st_mtime_ns >= started_ns)
    return BuildRun(seconds, peak / 1024, written)


def bench_diagrams(work: Path, code: Path) -> None:
    """Cold (empty cache) and warm (cached) builds of the real site, each into a new folder."""
    cache = work / "diagram-cache"
    diagrams = sum(
        text.count("```mermaid") + text.count("{mermaid}")
        for text in (path.read_text(encoding="utf-8") for path in (REPO / "docs").rglob("*.md"))
    )
    options = ("-j", "auto", "-D", f"talknotes_diagram_cache={cache}")
    cold = sphinx_build(REPO / "docs", work / "cold", *options, confdir=code).seconds
    drawn = len(list(cache.glob("*.svg")))
    warm = sphinx_build(REPO / "docs", work / "warm", *options, confdir=code).seconds
    print("Diagrams (the real site, -j auto, each build into a new output folder)")
    print(f"  diagrams in docs/: {diagrams}; renditions drawn: {drawn} (light + dark)")
    print(f"  cold build (empty cache): {cold:6.2f} s")
    print(f"  warm build (cached):      {warm:6.2f} s")
    print(f"  drawing diagrams cost:    {cold - warm:6.2f} s on a cold build")


# The baseline: plain Sphinx + myst-parser + sphinx-design with alabaster, the
# resource directives stood in for by sphinx-design's own button-link.
BASELINE_CONF = """
extensions = ["myst_parser", "sphinx_design"]
myst_enable_extensions = ["colon_fence"]
html_theme = "alabaster"
sd_custom_directives = {
    name: {"inherit": "button-link", "options": {"color": "primary"}}
    for name in ("video", "slides", "demo")
}
"""


def _talk_pages(outdir: Path, talks: list[Path], tree: Path) -> list[Path]:
    return [outdir / talk.relative_to(tree).with_suffix(".html") for talk in talks]


def bench_scale(work: Path, talks: int, jobs: str, code: Path) -> ScaleRow:
    """A synthetic tree built with our configuration and with the plain baseline."""
    tree = work / "docs"
    pages = write_tree(tree, talks)
    baseline = work / "baseline"
    baseline.mkdir()
    (baseline / "conf.py").write_text(BASELINE_CONF)
    ours_out, base_out = work / "ours", work / "baseline-html"
    options = ("-j", jobs, "-D", f"talknotes_diagram_cache={work / 'diagram-cache'}")

    base = sphinx_build(tree, base_out, "-j", jobs, confdir=baseline, check=False)
    ours = sphinx_build(tree, ours_out, "-W", *options, confdir=code)
    indexed, indexed_pages = _indexing(ours_out)
    ours_sizes = [page.stat().st_size for page in _talk_pages(ours_out, pages, tree)]
    base_sizes = [page.stat().st_size for page in _talk_pages(base_out, pages, tree)]

    edited = pages[len(pages) // 2]
    edited.write_text(edited.read_text() + "\nOne more line of notes.\n")
    edit = sphinx_build(tree, ours_out, "-W", *options, confdir=code)
    base_edit = sphinx_build(tree, base_out, "-j", jobs, confdir=baseline, check=False)
    edit_indexed = _indexing(ours_out)[0]

    sibling = pages[0]
    added = sibling.with_name("99-added-talk.md")
    added.write_text(sibling.read_text().replace("# Talk 0:", "# A freshly added talk:"))
    add = sphinx_build(tree, ours_out, "-W", *options, confdir=code)
    base_add = sphinx_build(tree, base_out, "-j", jobs, confdir=baseline, check=False)
    sibling_html = _talk_pages(ours_out, [sibling], tree)[0].read_text()
    fresh = "A freshly added talk" in sibling_html

    print(f"Scale: {talks} talks, 40 tags, -j {jobs} (both builds in this run)")
    print(f"  {'':24}{'ours':>12}{'baseline':>12}{'ratio':>8}{'pages written':>16}")
    for label, mine, theirs in [
        ("clean build", ours, base),
        ("edit one talk", edit, base_edit),
        ("add one talk", add, base_add),
    ]:
        ratio = mine.seconds / theirs.seconds
        written = f"{mine.pages_written} / {theirs.pages_written}"
        print(
            f"  {label:24}{mine.seconds:>11.1f}s{theirs.seconds:>11.1f}s{ratio:>8.2f}{written:>16}"
        )
    print(
        f"  {'median talk page':24}{statistics.median(ours_sizes) / 1024:>10.1f}KB"
        f"{statistics.median(base_sizes) / 1024:>10.1f}KB"
    )
    print(f"  {'largest talk page':24}{max(ours_sizes) / 1024:>10.1f}KB")
    print(f"  {'peak memory':24}{ours.peak_rss_mib:>9.0f}MiB{base.peak_rss_mib:>9.0f}MiB")
    print(f"  sibling sidebar updated after the addition: {fresh}")
    print(f"  {'indexing (Pagefind)':24}{indexed:>11.1f}s  ({indexed_pages} pages, clean build)")
    print(f"  {'  in the edit':24}{edit_indexed:>11.1f}s")
    print_search_bytes(ours_out, base_out / "searchindex.js")
    largest = max(ours_sizes) / 1024
    return ScaleRow(
        talks,
        ours,
        base,
        largest,
        (edit.seconds, base_edit.seconds),
        (add.seconds, base_add.seconds),
    )


def print_scale_summary(rows: list[ScaleRow]) -> None:
    """The sizes side by side, each figure against its goal (see the README)."""
    print("Scale summary (each row: ours and the baseline in the same run)")
    print(
        f"  {'talks':>6} {'ours':>8} {'baseline':>9} {'ratio':>6} {'page':>8} {'peak':>8}"
        f" {'edit':>13} {'add':>13}"
    )
    for row in rows:
        ratio = row.ours.seconds / row.baseline.seconds
        print(
            f"  {row.talks:>6} {row.ours.seconds:>7.1f}s {row.baseline.seconds:>8.1f}s"
            f" {ratio:>5.2f}{_mark(ratio <= GOAL_RATIO)}"
            f" {row.page_kib:>5.1f}KB{_mark(row.page_kib <= GOAL_PAGE_KIB)}"
            f" {row.ours.peak_rss_mib:>5.0f}MiB{_mark(row.ours.peak_rss_mib <= GOAL_PEAK_MIB)}"
            f" {_pair(row.edit, GOAL_EDIT)} {_pair(row.add, GOAL_ADD)}"
        )
    if len(rows) > 1:
        small, large = min(rows, key=lambda r: r.talks), max(rows, key=lambda r: r.talks)
        growth = (large.ours.seconds / large.talks) / (small.ours.seconds / small.talks)
        print(
            f"  time per talk at {large.talks} against {small.talks}: {growth:.2f}x"
            f"{_mark(growth <= GOAL_GROWTH)} (linear: 1.0; goal at most {GOAL_GROWTH})"
        )


def _pair(times: tuple[float, float], goal: float) -> str:
    ours, baseline = times
    return f"{ours:>4.1f}/{baseline:<4.1f}s{_mark(ours <= goal * baseline)}"


def _mark(met: bool) -> str:
    return " " if met else "!"


def _indexing(outdir: Path) -> tuple[float, int]:
    """How long the last build's indexing took, and how many pages it indexed."""
    record = json.loads((outdir / ".doctrees" / RECORD).read_text(encoding="utf-8"))
    return record["seconds"], record["pages"]


BENCHMARKS = {"diagrams": bench_diagrams, "scale": bench_scale}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--only",
        action="append",
        choices=list(BENCHMARKS),
        help="run only this benchmark (repeatable; default: all)",
    )
    parser.add_argument(
        "--talks",
        type=int,
        action="append",
        help="talks in the synthetic tree (repeatable; default: 1000)",
    )
    parser.add_argument("-j", "--jobs", default="auto", help="sphinx-build -j (default: auto)")
    arguments = parser.parse_args(argv)
    chosen = arguments.only or list(BENCHMARKS)
    work = Path(tempfile.mkdtemp(prefix="talknotes-bench-"))
    try:
        code = snapshot_code(work / "code")
        if "diagrams" in chosen:
            bench_diagrams(work / "diagrams", code)
        if "scale" in chosen:
            rows = []
            for talks in arguments.talks or [1000]:
                rows.append(bench_scale(work / f"scale-{talks}", talks, arguments.jobs, code))
                shutil.rmtree(work / f"scale-{talks}", ignore_errors=True)  # 10k talks: GBs
            print_scale_summary(rows)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
