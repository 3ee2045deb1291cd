"""The build: hall.yaml + photos → dist/ (tiles, media, tour.json, viewer)."""

from hallbuilder.build.run import BuildSummary, Progress, build_hall, check_photos

__all__ = ["BuildSummary", "Progress", "build_hall", "check_photos"]
