"""Whole builds: parallel equals serial, builds repeat exactly, the real site is clean."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, warnings_of

# Where a page could make the browser fetch something: a script, a stylesheet,
# an image, a frame, a font, a CSS url(...).
_FETCHING = re.compile(
    r"<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc=\"(?P<src>[^\"]+)\""
    r"|<link\b[^>]*\bhref=\"(?P<href>[^\"]+)\""
    r"|url\((?P<url>[^)]+)\)"
)


# Pagefind writes its filter chunks (and so the files naming them) in hash-map order,
# which differs from run to run (Pagefind issue #638); its pages and words do not.
_UNORDERED = re.compile(r"_pagefind/(filter/.*|pagefind\.[^/]*\.pf_meta|pagefind-entry\.json)")


def _pages(outdir: Path, suffixes: tuple[str, ...] = (".html",)) -> dict[str, str]:
    return {
        path.relative_to(outdir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(outdir.rglob("*"))
        if path.suffix in suffixes and not _UNORDERED.fullmatch(path.relative_to(outdir).as_posix())
    }


@pytest.mark.parametrize("workers_from", [64, 1], ids=["generated-pages-serial", "in-workers"])
def test_parallel_build_gives_the_same_html(build, make_site, monkeypatch, workers_from) -> None:
    # a site of a few generated pages renders them in workers only when told to
    monkeypatch.setattr("talknotes.pages.registry._PARALLEL_FROM", workers_from)
    serial = build(srcdir=make_site())
    srcdir = Path(serial.srcdir).parent.parent / "parallel" / "src"  # its own output folder
    shutil.copytree(serial.srcdir, srcdir)
    parallel = build(srcdir=srcdir, parallel=2)
    assert parallel.parallel == 2
    assert Path(parallel.outdir) != Path(serial.outdir)
    generated = (".html", ".atom", ".json")
    assert _pages(Path(parallel.outdir), generated) == _pages(Path(serial.outdir), generated)
    assert "tags/backstage.atom" in _pages(Path(parallel.outdir), generated)
    assert warnings_of(parallel) == ""


def test_two_clean_builds_give_the_same_files(make_site, tmp_path: Path) -> None:
    srcdir = make_site()
    outputs = []
    for run in ("first", "second"):
        outdir = tmp_path / run
        subprocess.run(
            [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(srcdir), str(outdir)],
            check=True,
        )
        outputs.append(
            {
                path.relative_to(outdir).as_posix(): path.read_bytes()
                for path in sorted(outdir.rglob("*"))
                if path.is_file()
                and ".doctrees" not in path.parts
                and not _UNORDERED.fullmatch(path.relative_to(outdir).as_posix())
            }
        )
    assert outputs[0] == outputs[1]
    assert any(name.startswith("_pagefind/fragment/") for name in outputs[0])


def _source_tree(root: Path) -> dict[str, tuple[int, int]]:
    return {
        path.relative_to(root).as_posix(): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in root.rglob("*")
    }


@pytest.mark.slow
def test_real_site_builds_strict_in_parallel_and_fetches_nothing_elsewhere(
    tmp_path: Path,
) -> None:
    docs = REPO / "docs"
    before = _source_tree(docs)
    outdir = tmp_path / "html"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-W",
            "--keep-going",
            "-j",
            "2",
            "-c",
            str(REPO),
            str(docs),
            str(outdir),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert (outdir / "index.html").is_file()
    assert (outdir / "pending.html").is_file()
    assert _source_tree(docs) == before, "the build wrote into docs/"

    foreign = {}
    for name, html in _pages(outdir).items():
        for match in _FETCHING.finditer(html):
            target = next(value for value in match.groups() if value).strip("'\" ")
            if re.match(r"(https?:)?//", target):
                foreign.setdefault(name, []).append(target)
    for css in outdir.rglob("*.css"):
        for match in re.finditer(r"url\(([^)]+)\)|@import\s+[\"']([^\"']+)", css.read_text()):
            target = (match[1] or match[2]).strip("'\" ")
            if re.match(r"(https?:)?//", target):
                foreign.setdefault(css.name, []).append(target)
    assert foreign == {}


def test_config_files_match_their_published_schemas() -> None:
    checks = [
        ("vendor.github-workflows", sorted((REPO / ".github/workflows").glob("*.yml"))),
        ("vendor.readthedocs", [REPO / ".readthedocs.yaml"]),
    ]
    for schema, files in checks:
        assert files
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "check_jsonschema",
                "--builtin-schema",
                schema,
                *map(str, files),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_a_refused_url_fails_a_strict_build_with_file_and_line(make_site, tmp_path: Path) -> None:
    page = "---\ntags: [platform]\n---\n\n# Talk\n\n```{video} javascript:alert(1)\n```\n"
    srcdir = make_site(files={"conf-a/day-1/03-evil.md": page})
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-b", "html", str(srcdir), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "conf-a/day-1/03-evil.md:7: WARNING: {video} URL refused: 'javascript:alert(1)'" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr
