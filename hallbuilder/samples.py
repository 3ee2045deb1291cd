"""Rendered sample rooms, so a new project and the demo hall build before anyone has shot a photo.

A room is ray-cast per pixel with NumPy (a box with a chequered floor, panels on the walls, ceiling lights and a
door), which gives a seamless, correctly projected equirectangular image: no library renders such test scenes.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

# wall colours: front (+z), right (+x), back (-z), left (-x); a different hue per wall makes orientation obvious
PALETTES = [
    ((178, 34, 34), (205, 170, 90), (120, 30, 30), (60, 90, 150)),
    ((30, 110, 160), (200, 190, 160), (40, 60, 110), (150, 80, 40)),
    ((40, 130, 80), (210, 200, 170), (30, 80, 60), (160, 60, 60)),
]


def render_room(width: int = 2048, variant: int = 0) -> Image.Image:
    """An equirectangular (width × width/2) rendering of an exhibition room."""
    height = width // 2
    lon = (np.arange(width, dtype=np.float32) + 0.5) / width * 2 * np.pi - np.pi
    lat = np.pi / 2 - (np.arange(height, dtype=np.float32) + 0.5) / height * np.pi
    lon, lat = np.meshgrid(lon, lat)
    x, y, z = np.cos(lat) * np.sin(lon), np.sin(lat), np.cos(lat) * np.cos(lon)
    half_w, half_d, floor, ceiling = 6.0 + variant, 8.0, -1.6, 2.6
    with np.errstate(divide="ignore", invalid="ignore"):
        t_x = np.where(x > 0, half_w / x, -half_w / x)
        t_z = np.where(z > 0, half_d / z, -half_d / z)
        t_y = np.where(y > 0, ceiling / y, floor / y)
    t = np.minimum(np.minimum(t_x, t_z), t_y)
    px, py, pz = x * t, y * t, z * t
    image = np.zeros((height, width, 3), dtype=np.float32)
    palette = PALETTES[variant % len(PALETTES)]
    wall_colour = np.array((235, 230, 220), dtype=np.float32)

    on_floor = (t == t_y) & (y < 0)
    on_ceiling = (t == t_y) & (y >= 0)
    checker = ((np.floor(px) + np.floor(pz)) % 2).astype(np.float32)[..., None]
    image[on_floor] = (np.array((90, 80, 70)) + checker * np.array((70, 65, 60)))[on_floor]
    lights = ((np.abs((px % 3) - 1.5) < 0.4) & (np.abs((pz % 3) - 1.5) < 0.4))[..., None]
    image[on_ceiling] = np.where(lights, 255.0, 200.0)[on_ceiling] * np.ones(3)

    for index, (mask, along) in enumerate(
        [
            ((t == t_z) & (z > 0), px),
            ((t == t_x) & (x > 0), -pz),
            ((t == t_z) & (z <= 0), -px),
            ((t == t_x) & (x <= 0), pz),
        ]
    ):
        colour = np.array(palette[index], dtype=np.float32)
        panel = (np.abs(py - 0.4) < 0.9) & (np.abs((along % 3.0) - 1.5) < 1.0)
        frame = (np.abs(py - 0.4) < 1.0) & (np.abs((along % 3.0) - 1.5) < 1.1) & ~panel
        stripe = np.abs(py - 1.9) < 0.08
        door = (index == 2) & (np.abs(along) < 0.8) & (py < 0.6)
        shade = 0.85 + 0.15 * np.cos(py * 3.0)
        wall = np.where(panel[..., None], colour * shade[..., None], wall_colour)
        wall = np.where(frame[..., None], 60.0, wall)
        wall = np.where(stripe[..., None], colour * 0.7, wall)
        wall = np.where(door[..., None], np.array((110, 75, 45), dtype=np.float32), wall)
        image[mask] = wall[mask]
    return Image.fromarray(image.clip(0, 255).astype(np.uint8), "RGB")


def write_room(path: Path, width: int = 2048, variant: int = 0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    render_room(width, variant).save(path, quality=90)
    return path
