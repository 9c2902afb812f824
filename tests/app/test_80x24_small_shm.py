"""A small or full /dev/shm, in a real terminal (issue 14, item 8).

gil-tui runs in a private mount namespace (``unshare -m``) whose /dev/shm is a tmpfs of a few hundred KiB, as in a
container. The board's pages are reserved before the run starts, so:

- a full /dev/shm is one clear error (exit 1) before the lab starts, never SIGBUS (exit 135), and no board is left;
- a /dev/shm with room for less than the whole timeline gets a shorter board, the run succeeds and says how far its
  timeline goes.
"""

from __future__ import annotations

import os
import subprocess

import pytest
from terminal import Terminal  # tests/terminal.py (tests/ is on sys.path: rootdir conftest)

pytestmark = pytest.mark.slow

WRAPPER = """
mount -t tmpfs -o size=$SHM_SIZE tmpfs /dev/shm || exit 99
if [ -n "$SHM_FILL" ]; then
    dd if=/dev/zero of=/dev/shm/filler bs=4k 2>/dev/null
    dd if=/dev/zero of=/dev/shm/filler2 bs=1 2>/dev/null
fi
"$@"
code=$?
ls /dev/shm > "$SHM_LISTING"
exit $code
"""


@pytest.fixture(scope="module")
def can_unshare():
    if subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /dev/shm"],
                      capture_output=True).returncode != 0:
        pytest.skip("no private mount namespace here (needs root)")


def run_in_small_shm(tmp_path, size: str, fill: bool, args: str) -> tuple[int, str, str, list[str]]:
    wrapper = tmp_path / "small-shm.sh"
    wrapper.write_text(WRAPPER)
    listing, errors = tmp_path / "listing.txt", tmp_path / "stderr.txt"
    env = {"SHM_SIZE": size, "SHM_LISTING": str(listing), "SHM_FILL": "1" if fill else ""}
    with Terminal("%s 2> %s" % (args, errors), 100, 30, env=env, prefix="unshare -m sh %s" % wrapper,
                  keep=True) as term:
        code = term.exit_code(timeout=120)
        screen = term.screen()
    left = listing.read_text().split() if listing.exists() else []
    return code, screen, errors.read_text(), left


def test_a_full_dev_shm_is_one_clear_error_before_the_run(tmp_path, can_unshare):
    code, screen, errors, left = run_in_small_shm(tmp_path, "256k", True, "run -w sleep --size 0.2 -n 4 -m threads")
    assert code == 1, (code, screen, errors)  # not 135: SIGBUS
    assert "could not create the progress board: No space left on device" in screen, screen
    assert "Traceback" not in screen + errors
    assert not [name for name in left if name.startswith("gil-tui-board-")], left


def test_a_small_dev_shm_gets_a_shorter_timeline_and_the_run_works(tmp_path, can_unshare):
    # 4 workers' whole timelines take 4 MiB; 1 MiB holds a quarter of them
    code, screen, errors, left = run_in_small_shm(tmp_path, "1m", False, "run -w sleep --size 0.2 -n 4 -m threads")
    assert code == 0, (code, screen, errors)
    flat = " ".join(screen.split())
    assert "the timeline covers at most the first" in flat and "/dev/shm had no room for more" in flat, screen
    assert not [name for name in left if name.startswith("gil-tui-board-")], left
    assert os.path.exists("/dev/shm")  # the real one, untouched by the namespace
