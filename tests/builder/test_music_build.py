"""Background music reaches tour.json converted, for the hall and for a scene of its own."""

import json
import math
import struct
import wave
from pathlib import Path

import jsonschema

from hallbuilder.builder import build_hall
from hallbuilder.builder.manifest import tour_schema


def write_tone(path: Path, seconds: float, frequency: float, rate: int = 22050) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    samples = (int(9000 * math.sin(2 * math.pi * frequency * i / rate)) for i in range(int(seconds * rate)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(struct.pack("<h", sample) for sample in samples))


def test_hall_and_scene_music_are_converted_and_listed(hall):
    write_tone(hall / "audio" / "hall.wav", 2.0, 330)
    write_tone(hall / "audio" / "gallery.wav", 2.0, 440)
    config = hall / "hall.yaml"
    text = config.read_text("utf-8").replace("\nzones:", "\n  music: {audio: audio/hall.wav}\nzones:", 1)
    text = text.replace(
        "    photo: photos/gallery.jpg\n",
        "    photo: photos/gallery.jpg\n    music: {audio: audio/gallery.wav, volume: 0.25}\n",
        1,
    )
    config.write_text(text, "utf-8")
    build_hall(hall)
    tour = json.loads((hall / "dist" / "tour.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(tour_schema()).validate(tour)
    hall_music, gallery_music = tour["hall"]["music"], tour["scenes"][1]["music"]
    assert hall_music["volume"] == 0.4 and gallery_music["volume"] == 0.25
    assert hall_music["src"].endswith(".m4a") and hall_music["src"] != gallery_music["src"]
    assert (hall / "dist" / hall_music["src"]).is_file() and "music" not in tour["scenes"][0]
