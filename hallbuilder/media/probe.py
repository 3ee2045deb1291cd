"""Read a media file just far enough to know its conversion will work, without converting it.

`hallbuilder check` and the build (before anything is tiled) run these on every narration, video and image
that is not converted already, so every damaged file is reported at once instead of one per build. Each reads
the headers, decodes the first frame, and lists the packets (demuxed, not decoded) to find a file cut short;
the messages are the converters' own.
"""

from __future__ import annotations

import struct
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import av
from PIL import Image

from hallbuilder.errors import MediaError
from hallbuilder.media.images import UNREADABLE, check_pixels, unreadable_image
from hallbuilder.media.messages import (
    cut_short,
    narration_too_long,
    no_sound_track,
    silent_audio,
    unreadable_audio,
)
from hallbuilder.media.settings import MediaSettings
from hallbuilder.media.video import check_size, open_source, plan, unreadable

# Raw formats whose length FFmpeg only estimates from the bitrate: no header to hold the file to.
ESTIMATED_LENGTH = {"aac", "wav"}
SHORTFALL = (1.0, 0.1)
# A WAV written as a stream (a recorder, `espeak-ng --stdout`) carries a placeholder size such as 0x7ffff000 or
# 0xffffffff; no narration is near 2 GB.
STREAMED_WAV_SIZE = (
    0x7F000000  # a file may end up to 1 s or 10 % before its header's length (whichever is more)
)


def probe(kind: str, source: Path, label: str, settings: MediaSettings) -> None:
    """Raise the MediaError the conversion of `source` (an "audio", "video" or "image") would raise."""
    {"audio": probe_audio, "video": probe_video, "image": probe_image}[kind](source, label, settings)


def probe_image(source: Path, label: str, settings: MediaSettings) -> None:
    """Headers, size limit, and every byte decoded (a JPEG at 1/8 scale: cheap, and still reads it all)."""
    try:
        with Image.open(source) as picture:
            check_pixels(picture, label, settings)
            picture.draft("RGB", (max(1, picture.width // 8), max(1, picture.height // 8)))
            picture.load()
    except UNREADABLE as error:
        raise unreadable_image(source, label) from error


def open_sound(source: Path, label: str) -> av.container.InputContainer:
    """The file opened by FFmpeg, once it is known to hold a sound track (the probe and the converter alike)."""
    try:
        container = av.open(str(source))
    except av.FFmpegError as error:
        raise unreadable_audio(label) from error
    if not container.streams.audio:
        container.close()
        raise no_sound_track(label)
    return container


def probe_audio(source: Path, label: str, settings: MediaSettings) -> None:
    """A sound track whose first frame decodes, within the length limit, as long as its header says."""
    with open_sound(source, label) as container:
        if announced_seconds(container) > settings.max_narration_seconds:
            raise narration_too_long(label, settings)
        try:
            first = next(container.decode(audio=0), None)
        except av.FFmpegError as error:
            raise unreadable_audio(label) from error
        if first is None:
            raise silent_audio(label)
    check_complete(source, label, unreadable_audio)


def probe_video(source: Path, label: str, settings: MediaSettings) -> None:
    """Size and length limits, a first picture that decodes, and every packet its header announces."""
    check_size(source, label, settings)
    with open_source(source, label) as container:
        plan(
            container, label, settings
        )  # the length limit and the first frame, as the conversion checks them
    check_complete(source, label, unreadable)


def announced_seconds(container: av.container.InputContainer) -> float:
    return container.duration / 1e6 if container.duration else 0.0


def check_complete(source: Path, label: str, unreadable_error: Callable[[str], MediaError]) -> None:
    """Every packet the header announces is in the file: a file copied only in part is refused here."""
    if source.suffix.lower() == ".wav":
        lengths = wav_lengths(source)
        if lengths and lengths[0] < lengths[1]:
            raise cut_short(label, *lengths)
    try:
        container = av.open(str(source))
    except av.FFmpegError as error:
        raise unreadable_error(label) from error
    with container:
        streams = [stream for stream in container.streams if stream.type in ("audio", "video")]
        packets: Counter[int] = Counter()
        ends, start = [0.0], None
        try:
            for packet in container.demux(*streams):
                if not packet.size:
                    continue
                packets[packet.stream.index] += 1
                if packet.pts is not None:
                    seconds = float(packet.pts * packet.time_base)
                    start = seconds if start is None else min(start, seconds)
                    ends.append(seconds + float((packet.duration or 0) * packet.time_base))
        except av.FFmpegError as error:
            raise unreadable_error(label) from error
        announced = announced_seconds(container)
        held = max(ends) - (start or 0.0)
        missing_packets = any(stream.frames and packets[stream.index] < stream.frames for stream in streams)
        ends_early = held < announced - max(SHORTFALL[0], SHORTFALL[1] * announced)
        if missing_packets or (ends_early and container.format.name not in ESTIMATED_LENGTH):
            raise cut_short(label, held, announced)


def wav_lengths(source: Path) -> tuple[float, float] | None:
    """(seconds a WAV file holds, seconds its header announces), or None when the header does not say.

    FFmpeg trusts the file's size over the header, so a half-copied WAV would convert to half a narration.
    """
    with source.open("rb") as handle:
        riff, _, wave = struct.unpack("<4sI4s", handle.read(12).ljust(12, b"\0"))
        if riff != b"RIFF" or wave != b"WAVE":
            return None
        byte_rate = 0
        while len(header := handle.read(8)) == 8:
            chunk, size = struct.unpack("<4sI", header)
            if chunk == b"fmt ":
                byte_rate = struct.unpack("<I", handle.read(size)[8:12].ljust(4, b"\0"))[0]
                handle.seek(size % 2, 1)
            elif chunk == b"data":
                if not byte_rate or not 0 < size < STREAMED_WAV_SIZE:  # written as a stream: length unknown
                    return None
                held = min(size, source.stat().st_size - handle.tell())
                return held / byte_rate, size / byte_rate
            else:
                handle.seek(size + size % 2, 1)
    return None
