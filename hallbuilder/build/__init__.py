"""The build: hall.yaml + photos → dist/ (tiles, media, tour.json, viewer).

`build_hall` and friends are imported from run.py on first use (PEP 562), so that the light modules here
(cache.py, prefetch.py) load without the whole build: see prefetch.py.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hallbuilder.build.run import BuildSummary, Progress, build_hall, check_photos

__all__ = ["BuildSummary", "Progress", "build_hall", "check_photos"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.run"), name)
    globals()[name] = value
    return value
