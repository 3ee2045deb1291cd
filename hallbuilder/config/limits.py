"""View limits: how far visitors may zoom and how far up and down they may look, per scene or hall-wide.

A scene's `limits` override the hall's `limits` key by key; what neither gives is the viewer's own range.
The cross-check reads the raw document (like checks.py), so a scene whose limits cannot hold together with
the hall's is reported on its own line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from hallbuilder.config.problems import Problem

# The viewer's range when hall.yaml says nothing (web/src/viewer.js MIN_FOV, MAX_FOV; a full sphere).
DEFAULT_LIMITS = {"min_fov": 30.0, "max_fov": 100.0, "min_pitch": -90.0, "max_pitch": 90.0}
LIMITS_DOC = (
    "View limits (optional): min_fov, max_fov, min_pitch, max_pitch in degrees. Under `hall` they hold for "
    "every scene; a scene's own `limits` override them key by key."
)
JSON_NAMES = {"min_fov": "minFov", "max_fov": "maxFov", "min_pitch": "minPitch", "max_pitch": "maxPitch"}


def group(value: Any) -> dict[str, Any]:
    """A raw mapping of hall.yaml, or {} when it is something else (the schema reports that)."""
    return value if isinstance(value, dict) else {}


def listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def numbers(group: Any) -> dict[str, float]:
    """The valid numbers of a `limits` group, raw or from the hall model (wrong types were reported by the
    schema)."""
    if not isinstance(group, Mapping):
        return {}
    return {
        key: float(value)
        for key, value in group.items()
        if key in DEFAULT_LIMITS and isinstance(value, int | float) and not isinstance(value, bool)
    }


def resolved_limits(hall_limits: Any, scene_limits: Any) -> dict[str, float]:
    """A scene's limits: its own, else the hall's, else the viewer's defaults."""
    return DEFAULT_LIMITS | numbers(hall_limits) | numbers(scene_limits)


def manifest_limits(hall_limits: Any, scene_limits: Any) -> dict[str, float] | None:
    """tour.json's `limits` of a scene (minFov, maxFov, minPitch, maxPitch), or None when they are the viewer's
    defaults: a hall without limits ships not one byte more."""
    limits = resolved_limits(hall_limits, scene_limits)
    if limits == DEFAULT_LIMITS:
        return None
    return {JSON_NAMES[key]: value for key, value in limits.items()}


def check_view_limits(document: dict) -> Iterator[Problem]:
    """Each scene's limits, merged with the hall's, must leave a view to show; a problem of the hall's limits
    is reported once, on the hall's line."""
    seen: set[Problem] = set()
    for problem in scene_limit_problems(document):
        if problem not in seen:
            seen.add(problem)
            yield problem


def scene_limit_problems(document: dict) -> Iterator[Problem]:
    hall = group(document.get("hall"))
    scenes = listed(document.get("scenes"))
    for index, scene in enumerate(scenes):
        if not isinstance(scene, dict):
            continue
        own = numbers(scene.get("limits"))
        limits = resolved_limits(hall.get("limits"), own)
        where = ("scenes", index, "limits") if own else ("hall", "limits")
        if limits["min_fov"] > limits["max_fov"]:
            key = "min_fov" if "min_fov" in own else "max_fov"
            yield Problem(
                (*where, key),
                f"min_fov {limits['min_fov']:g} is above max_fov {limits['max_fov']:g}; "
                "make min_fov at most max_fov",
            )
        if limits["min_pitch"] > limits["max_pitch"]:
            key = "min_pitch" if "min_pitch" in own else "max_pitch"
            yield Problem(
                (*where, key),
                f"min_pitch {limits['min_pitch']:g} is above max_pitch {limits['max_pitch']:g}; "
                "make min_pitch at most max_pitch",
            )
        elif limits["max_pitch"] - limits["min_pitch"] < limits["min_fov"]:
            key = "max_pitch" if "max_pitch" in own or "min_pitch" not in own else "min_pitch"
            span = limits["max_pitch"] - limits["min_pitch"]
            yield Problem(
                (*where, key),
                f"min_pitch {limits['min_pitch']:g} to max_pitch {limits['max_pitch']:g} leaves {span:g}°, "
                f"less than the narrowest view (min_fov {limits['min_fov']:g}); widen the pitch range to at "
                f"least {limits['min_fov']:g}° or lower min_fov",
            )
