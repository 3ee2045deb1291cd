"""Edit mode on `hallbuilder serve`: place a hotspot on the panorama, press Save, and it is in hall.yaml."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys

import pytest

from hallbuilder.builder import build_hall
from hallbuilder.config import load_hall

pytestmark = [pytest.mark.e2e]


@pytest.fixture
def served_project(tmp_path_factory, request):
    from hallbuilder.commands.new import create_project

    project = tmp_path_factory.mktemp("edit") / "hall"
    create_project(project)
    build_hall(project)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "hallbuilder.cli", "serve", str(project / "dist"), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    lines = [process.stdout.readline() for _ in range(5)]
    port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", lines[1]).group(1))
    assert any(f"saves hotspots into {project / 'hall.yaml'}" in line for line in lines), lines
    yield project, f"http://127.0.0.1:{port}/"
    process.send_signal(signal.SIGINT)
    process.wait(timeout=10)
    process.stdout.close()
    shutil.rmtree(project / "dist", ignore_errors=True)


def test_a_hotspot_placed_in_edit_mode_is_saved_into_hall_yaml(desktop_page, served_project):
    project, base = served_project
    page = desktop_page
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.set_default_timeout(20000)
    page.goto(base + "#scene=lobby&yaw=30&pitch=0&fov=75&edit=1")
    page.click("#hb-enter")
    page.wait_for_selector(".hb-edit:not([hidden])")
    page.wait_for_function("() => window.hallbuilderTour.ready()")
    page.mouse.click(640, 400)  # the centre of the 1280×800 view: yaw 30, pitch 0
    page.wait_for_function("() => document.querySelector('.hb-edit-snippet').value.includes('type: info')")
    assert page.locator(".hb-edit-save").is_visible()
    page.click(".hb-edit-save")
    page.wait_for_function(
        "() => document.querySelector('.hb-edit .hb-status').textContent.includes('hall.yaml')"
    )
    status = page.locator(".hb-edit .hb-status").text_content()
    assert status.endswith(
        ": added an info hotspot to scene lobby; run `hallbuilder build` to rebuild the tour."
    )
    assert status.count("hall.yaml") == 1, status  # "Saved to hall.yaml", once
    saved = load_hall(project).scenes[0].hotspots[-1]
    assert saved.type == "info" and saved.title == {"zh-CN": "新热点"}
    assert saved.yaw == pytest.approx(30, abs=1) and saved.pitch == pytest.approx(0, abs=1)
    assert errors == []
