"""A private X display (Xvfb) for the engines that need a real window to draw WebGL: WebKitGTK's MiniBrowser
and Firefox ESR. Xvfb picks a free display number itself (-displayfd), so parallel test workers never clash."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def virtual_display(width: int = 1280, height: int = 800) -> Iterator[str]:
    """Start Xvfb, yield its DISPLAY value (":99"), stop it afterwards. -noreset: without it the server resets
    when its last client (a closed browser) leaves, and the next browser finds no display for a moment."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise RuntimeError("Xvfb is missing: run `make chromium` (apt-get install xvfb)")
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [
            xvfb,
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as numbers:
            number = numbers.readline().strip()  # blocks until the server is ready to take clients
        if not number:
            raise RuntimeError(f"Xvfb exited with {process.wait(5)} before it opened a display")
        yield f":{number}"
    finally:
        process.terminate()
        process.wait(10)
