"""The live preview: an edited page is rebuilt in a forked warm process and served."""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import time
import urllib.request
from typing import TYPE_CHECKING

from conftest import REPO

if TYPE_CHECKING:
    from pathlib import Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str:
    """The page, or "" while there is none (or Sphinx is still writing it: a short read)."""
    try:
        return urllib.request.urlopen(url, timeout=2).read().decode()
    except (OSError, http.client.HTTPException):
        return ""


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _fetch(url):
            return True
        time.sleep(0.1)
    return False


def test_an_edit_is_served_without_a_restart(make_site, tmp_path: Path) -> None:
    srcdir = make_site()
    port = _free_port()
    command = [sys.executable, str(REPO / "tools/serve.py"), str(srcdir), str(tmp_path / "out")]
    server = subprocess.Popen(
        [*command, "--port", str(port), "-q"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        page = f"http://127.0.0.1:{port}/conf-a/day-1/02-no-video.html"
        assert _wait_for(page, "Talk without recording", 60)
        talk = srcdir / "conf-a/day-1/02-no-video.md"
        talk.write_text(talk.read_text().replace("# Talk without recording", "# Edited live"))
        assert _wait_for(page, "Edited live", 30)
        assert server.poll() is None  # the same server, still running
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0].decode()
    assert "Rebuilt in" in output


def test_a_rebuild_takes_the_environment_the_build_host_has_loaded(
    make_site, tmp_path: Path
) -> None:
    """The host unpickles each build's environment between builds; a build takes that
    copy unless the file changed since (then Sphinx loads it: "loading pickled ...")."""
    srcdir = make_site()
    port = _free_port()
    outdir = tmp_path / "out"
    command = [sys.executable, str(REPO / "tools/serve.py"), str(srcdir), str(outdir)]
    server = subprocess.Popen(
        [*command, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        page = f"http://127.0.0.1:{port}/conf-a/day-1/02-no-video.html"
        assert _wait_for(page, "Talk without recording", 60)
        talk = srcdir / "conf-a/day-1/02-no-video.md"
        for title in ("Edited once", "Edited twice"):
            time.sleep(1)  # the host loads what the last build saved
            talk.write_text(talk.read_text().replace("# Talk without recording", f"# {title}"))
            assert _wait_for(page, title, 30)
            talk.write_text(talk.read_text().replace(f"# {title}", "# Talk without recording"))
            assert _wait_for(page, "Talk without recording", 30)
        time.sleep(1)
        pickle = outdir / ".doctrees" / "environment.pickle"
        pickle.touch()  # another build wrote it: the host's copy is not taken
        talk.write_text(talk.read_text().replace("# Talk without recording", "# Edited again"))
        assert _wait_for(page, "Edited again", 30)
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0].decode()
    assert output.count("Rebuilt in") == 6  # the first build and five edits
    assert output.count("loading pickled environment") == 1  # after the touch only
