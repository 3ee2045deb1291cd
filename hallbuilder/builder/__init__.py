"""The build: hall.yaml + photos → dist/ (tiles, media, tour.json, viewer). Read run.py top to bottom."""

from __future__ import annotations

from hallbuilder.builder.run import BuildSummary, Progress, build_hall, check_inputs, check_photos

__all__ = ["BuildSummary", "Progress", "build_hall", "check_inputs", "check_photos"]
