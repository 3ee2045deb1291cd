"""The build as a job: named steps and tiling progress as events, the CLI's summary line, problems not tracebacks."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hallbuilder.builder.job import build_job
from hallbuilder.jobs import JobEvent


def test_a_build_job_reports_steps_and_tiling_progress(hall: Path) -> None:
    pushed: list[JobEvent] = []
    job = build_job(hall, on_event=pushed.append).start()
    assert job.wait(timeout=300)
    snapshot = job.snapshot()
    assert snapshot["state"] == "done", snapshot["problems"]
    assert re.fullmatch(
        rf"Built 2 scene\(s\) \(2 tiled, 0 unchanged\), \d+ tiles, [\d.]+ MB in [\d.]+ s → {hall / 'dist'}",
        snapshot["summary"],
    )
    steps = snapshot["steps"]
    assert steps[0] == f"Reading {hall / 'hall.yaml'}"
    assert "Tiling scene 'lobby' (photos/lobby.jpg, 2048 px wide)" in steps
    assert (
        steps.index("Placing tiles")
        < steps.index("Writing tour.json")
        < steps.index("Writing the viewer page")
    )
    tiling = [event for event in job.events if event.kind == "progress"]
    total = tiling[0].total
    assert total > 0 and tiling[0].done == 0
    assert [event.done for event in tiling] == sorted(event.done for event in tiling)
    assert tiling[-1].done == total == snapshot["progress"]["total"]
    assert pushed == job.events and pushed[-1].kind == "done"
    assert (hall / "dist" / "tour.json").is_file()
    assert json.loads(json.dumps(snapshot)) == snapshot  # what a page polls, as JSON

    again = build_job(hall).start()
    assert again.wait(timeout=300)
    assert "(0 tiled, 2 unchanged)" in again.summary
    assert again.progress() is None  # nothing to tile, no bar


def test_a_failed_build_job_gives_the_problems_and_keeps_the_previous_build(hall: Path, snapshot) -> None:
    first = build_job(hall).start()
    assert first.wait(timeout=300) and first.state == "done"
    before = snapshot(hall / "dist")
    config = hall / "hall.yaml"
    config.write_text(config.read_text("utf-8").replace("target: gallery", "target: galery"), "utf-8")
    job = build_job(hall).start()
    assert job.wait(timeout=300)
    assert job.state == "failed"
    assert len(job.problems) == 1
    assert re.fullmatch(
        r"hall\.yaml:\d+ scenes\[0\]\.hotspots\[0\]\.target: no scene 'galery' \(did you mean 'gallery'\?\)",
        job.problems[0],
    )
    assert "Traceback" not in " ".join(job.problems)
    assert job.events[-1].kind == "failed"
    assert snapshot(hall / "dist") == before
