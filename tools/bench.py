"""Benchmarks of the site build: ``nox -s bench`` (see ``--help``).

Every figure is measured in this run, side by side with its baseline, because
these machines are noisy: compare ratios, not seconds across runs.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def sphinx_build(srcdir: Path, outdir: Path, *options: str, confdir: Path = REPO) -> float:
    """Run one build in a fresh process; return its wall time in seconds."""
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", *options]
    command += ["-c", str(confdir), str(srcdir), str(outdir)]
    start = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - start


def bench_diagrams(work: Path) -> None:
    """Cold (empty cache) and warm (cached) builds of the real site, each into a new folder."""
    cache = work / "diagram-cache"
    diagrams = sum(
        text.count("```mermaid") + text.count("{mermaid}")
        for text in (path.read_text(encoding="utf-8") for path in (REPO / "docs").rglob("*.md"))
    )
    options = ("-j", "auto", "-D", f"talknotes_diagram_cache={cache}")
    cold = sphinx_build(REPO / "docs", work / "cold", *options)
    drawn = len(list(cache.glob("*.svg")))
    warm = sphinx_build(REPO / "docs", work / "warm", *options)
    print("Diagrams (the real site, -j auto, each build into a new output folder)")
    print(f"  diagrams in docs/: {diagrams}; renditions drawn: {drawn} (light + dark)")
    print(f"  cold build (empty cache): {cold:6.2f} s")
    print(f"  warm build (cached):      {warm:6.2f} s")
    print(f"  drawing diagrams cost:    {cold - warm:6.2f} s on a cold build")


BENCHMARKS = {"diagrams": bench_diagrams}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--only",
        action="append",
        choices=list(BENCHMARKS),
        help="run only this benchmark (repeatable; default: all)",
    )
    chosen = parser.parse_args(argv).only or list(BENCHMARKS)
    work = Path(tempfile.mkdtemp(prefix="talknotes-bench-"))
    try:
        for name in chosen:
            BENCHMARKS[name](work / name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
