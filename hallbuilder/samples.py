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


def link_or_render(target: Path, shared: Path | None, variant: int, width: int = 4096) -> str:
    """Put a sample photo at `target`: a symlink to a shared real panorama if there is one, else a rendered room."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_symlink() or target.exists():
        if target.resolve().exists():
            return "kept"
        target.unlink()
    if shared is not None and shared.exists():
        target.symlink_to(shared.resolve())
        return "linked"
    write_room(target, width, variant)
    return "rendered"


def speak(text: str, language: str, target: Path) -> bool:
    """Narration audio spoken by espeak-ng when it is installed (WAV); False when it is not."""
    import shutil
    import subprocess

    if target.exists():
        return True
    voice = {"zh-CN": "cmn", "en": "en", "yue": "yue"}.get(language, language)
    if shutil.which("espeak-ng") is None:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["espeak-ng", "-v", voice, "-s", "150", "-w", str(target), text], capture_output=True
    )
    return result.returncode == 0 and target.exists()


def chime(target: Path, seconds: float = 4.0) -> None:
    """A soft two-tone chime (WAV) standing in for narration where no speech synthesiser is installed."""
    import wave

    if target.exists():
        return
    rate = 22050
    time = np.arange(int(rate * seconds)) / rate
    signal = 0.25 * np.sin(2 * np.pi * 523.25 * time) * np.exp(-time * 1.5)
    signal += (
        0.2
        * np.sin(2 * np.pi * 659.25 * np.clip(time - 1.0, 0, None))
        * np.exp(-np.clip(time - 1.0, 0, None) * 1.5)
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(target), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes((signal * 32767).astype("<i2").tobytes())
