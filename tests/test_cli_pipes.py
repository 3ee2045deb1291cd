"""A reader that goes away (`hallbuilder qr … | head`) ends a command quietly, never as "a bug"."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def run_into_a_closed_pipe(*args: str) -> subprocess.CompletedProcess:
    """Run hallbuilder with stdout a pipe whose reading end is already closed: the first write fails."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        return subprocess.run(
            [sys.executable, "-m", "hallbuilder.cli", *args],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(writer)


@pytest.mark.parametrize("command", ["qr", "check", "help"])
def test_a_closed_pipe_ends_the_command_quietly(hall, tmp_path, command):
    arguments = {
        "qr": ["qr", str(hall), "--url", "https://hall.example.com/", "-o", str(tmp_path / "qr")],
        "check": ["check", str(hall)],
        "help": ["--help"],
    }[command]
    if command == "qr":
        build = subprocess.run(
            [sys.executable, "-m", "hallbuilder.cli", "build", str(hall), "-q", "-o", str(hall / "dist")],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert build.returncode == 0, build.stderr
        arguments[1] = str(hall / "dist")
    result = run_into_a_closed_pipe(*arguments)
    assert (result.returncode, result.stderr) == (1, "")
