"""A small sample hall for the browser tests and the benchmark: real photos, generated narration."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

HALL_YAML = """\
hall:
  id: sample-hall
  title: {{zh-CN: 示例展厅, en: Sample Hall}}
  subtitle: {{zh-CN: 线上展厅, en: Online hall}}
  description: {{zh-CN: 一个用于测试的展厅。, en: A hall for tests.}}
  languages: [zh-CN, en, yue]
  start: concourse
zones:
  - {{id: main, title: {{zh-CN: 主展区, en: Main hall}}, description: {{zh-CN: 室内的展区。, en: The indoor part.}}}}
  - {{id: outside, title: {{zh-CN: 室外, en: Outside}}}}
scenes:
  - id: concourse
    title: {{zh-CN: 大厅, en: Concourse}}
    zone: main
    photo: {concourse}
    view: {{yaw: 0, pitch: 0, fov: 75}}
    narration:
      zh-CN: {{audio: audio/zh.wav, transcript: 欢迎来到大厅。}}
      en: {{audio: audio/en.wav, transcript: Welcome to the concourse.}}
    hotspots:
      - {{id: to-garden, type: link, target: garden, yaw: 30, pitch: -10, label: {{zh-CN: 去花园, en: To the garden}}}}
      - id: about
        type: info
        yaw: -40
        pitch: 5
        title: {{zh-CN: 关于大厅, en: About the concourse}}
        text: {{zh-CN: 这是大厅。, en: "This is the concourse. <b>not bold</b>"}}
  - id: garden
    title: {{zh-CN: 花园, en: Garden}}
    description: {{zh-CN: 泰姬陵前的花园。, en: The garden before the Taj Mahal.}}
    zone: outside
    photo: {garden}
    view: {{yaw: 90, pitch: 10, fov: 70}}
    narration:
      zh-CN: {{audio: audio/zh.wav, transcript: 这是花园。}}
    hotspots:
      - {{id: to-concourse, type: link, target: concourse, yaw: 180, pitch: -10}}
floorplan:
  image: floorplan.png
  points:
    concourse: {{x: 100, y: 100}}
    garden: {{x: 150, y: 100}}
announcements:
  - title: {{zh-CN: 开馆通知, en: Now open}}
    text: {{zh-CN: 线上展厅现已开放。, en: The online hall is now open.}}
    date: 2026-11-01
"""


def write_tone(path: Path, seconds: float, frequency: float, rate: int = 22050) -> None:
    """A short sine tone as 16-bit mono WAV."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = b"".join(
        struct.pack("<h", int(12000 * math.sin(2 * math.pi * frequency * index / rate)))
        for index in range(int(seconds * rate))
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)


def write_floorplan(path: Path) -> None:
    """A 200×200 grey floor plan with two rooms drawn on it."""
    from PIL import Image, ImageDraw

    plan = Image.new("RGB", (200, 200), (90, 90, 90))
    draw = ImageDraw.Draw(plan)
    draw.rectangle((70, 70, 125, 130), outline=(230, 230, 230), width=3)
    draw.rectangle((125, 70, 180, 130), outline=(230, 230, 230), width=3)
    plan.save(path)


def write_sample_hall(project: Path, panoramas: Path, seconds: float = 2.0) -> Path:
    """Write hall.yaml, two narration tones and links to two real photos into `project`."""
    project.mkdir(parents=True, exist_ok=True)
    photos = project / "photos"
    photos.mkdir(exist_ok=True)
    for name in ("jfk-terminal-concourse_4096x2048.jpg", "taj-mahal_2048x1024.jpg"):
        if not (photos / name).exists():
            (photos / name).symlink_to(panoramas / name)
    write_floorplan(project / "floorplan.png")
    write_tone(project / "audio" / "zh.wav", seconds, 440.0)
    write_tone(project / "audio" / "en.wav", seconds * 1.5, 660.0)
    (project / "hall.yaml").write_text(
        HALL_YAML.format(
            concourse="photos/jfk-terminal-concourse_4096x2048.jpg", garden="photos/taj-mahal_2048x1024.jpg"
        ),
        "utf-8",
    )
    return project
