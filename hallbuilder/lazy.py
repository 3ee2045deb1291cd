"""Package façades that import their names on first use (PEP 562 module __getattr__).

`hallbuilder.build` and `hallbuilder.imaging` re-export their main functions; importing the heavy modules
behind them (OpenCV, the whole build) only when a name is used lets the build import its light parts first
and start decoding a photo meanwhile (build/prefetch.py).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any


def lazy_attributes(package: str, homes: dict[str, str]) -> Callable[[str], Any]:
    """A module __getattr__ for `package`: `name` comes from `package.<homes[name]>`, imported then."""

    def __getattr__(name: str) -> Any:
        if name not in homes:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{homes[name]}"), name)
        setattr(sys.modules[package], name, value)  # the next use is a plain attribute
        return value

    return __getattr__
