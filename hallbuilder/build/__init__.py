"""The build: hall.yaml + photos → dist/ (tiles, media, tour.json, viewer).

`build_hall` and friends are imported from run.py on first use (PEP 562), so that the light modules here
(cache.py, prefetch.py) load without the whole build: see prefetch.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hallbuilder.lazy import lazy_attributes

if TYPE_CHECKING:
    from hallbuilder.build.run import BuildSummary, Progress, build_hall, check_inputs, check_photos

__all__ = ["BuildSummary", "Progress", "build_hall", "check_inputs", "check_photos"]


__getattr__ = lazy_attributes(__name__, dict.fromkeys(__all__, "run"))
