"""Video → H.264 (main profile) + AAC in an MP4 with its index first, at most 720p and 30 fps, plus a poster.

That combination plays inline on iOS, Android and in WeChat, and starts before the download ends.
Phone videos are turned upright here (not left to a rotation flag some in-app browsers ignore).
Too large or too long input is refused before any work, with the limit and the fix in the message.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from av.audio.fifo import AudioFifo
from av.audio.resampler import AudioResampler
from PIL.Image import Image

from hallbuilder.errors import MediaError
from hallbuilder.media.messages import minutes
from hallbuilder.media.settings import MediaSettings

VIDEO_FIX = "Export it again as MP4 (H.264)."
AUDIO_RATE = 48000
POSTER_SECONDS = 1.0  # the very first frame is often black


@dataclass(frozen=True)
class Plan:
    """What one source becomes: upright size, frame rate, and how to turn the decoded frames."""

    width: int  # as displayed
    height: int
    rate: Fraction
    rotation: int  # counter-clockwise degrees to apply to each decoded frame
    frame_seconds: float  # how long the source shows its last frame


def check_size(source: Path, label: str, settings: MediaSettings) -> None:
    """Refuse files too big for the site before opening them."""
    size = source.stat().st_size
    if size > settings.max_video_bytes:
        raise MediaError(
            f"{label}: the file is {size / 2**20:.0f} MB; videos may be at most "
            f"{settings.max_video_bytes / 2**20:.0f} MB. Export it again at 720p (plenty for "
            "phones) or shorten it."
        )


def too_long(label: str, settings: MediaSettings, seconds: float) -> MediaError:
    """The error for a video longer than the limit."""
    return MediaError(
        f"{label}: the video is {minutes(seconds)} long (minutes:seconds); videos may be at most "
        f"{minutes(settings.max_video_seconds)}. Shorten it and try again."
    )


def plan(container: av.container.InputContainer, label: str, settings: MediaSettings) -> Plan:
    """Check the length and work out the upright output size (even numbers, within the limits) and rate."""
    stream = container.streams.video[0]
    seconds = container.duration / 1e6 if container.duration else 0.0
    if seconds > settings.max_video_seconds:
        raise too_long(label, settings, seconds)
    try:
        first = next(container.decode(stream), None)
    except av.FFmpegError as error:
        raise unreadable(label) from error
    if first is None:
        raise MediaError(f"{label}: this video has no pictures in it. {VIDEO_FIX}")
    rotation = round((first.rotation or 0) / 90) * 90 % 360
    width, height = (first.height, first.width) if rotation % 180 else (first.width, first.height)
    long_side, short_side = (
        max(settings.video_max_width, settings.video_max_height),
        min(settings.video_max_width, settings.video_max_height),
    )
    scale = min(1.0, long_side / max(width, height), short_side / min(width, height))
    source_rate = stream.average_rate or stream.guessed_rate or Fraction(25)
    rate = min(Fraction(source_rate), Fraction(settings.video_max_fps).limit_denominator(1001))
    even = (max(2, round(width * scale / 2) * 2), max(2, round(height * scale / 2) * 2))
    return Plan(*even, rate, rotation, float(1 / Fraction(source_rate)))


def unreadable(label: str) -> MediaError:
    """The error for a file FFmpeg cannot decode."""
    return MediaError(f"{label}: cannot read this video file (it may be damaged). {VIDEO_FIX}")


def open_source(source: Path, label: str) -> av.container.InputContainer:
    """Open the file, or say it cannot be read."""
    try:
        container = av.open(str(source))
    except av.FFmpegError as error:
        raise unreadable(label) from error
    if not container.streams.video:
        container.close()
        raise MediaError(f"{label}: this file has no picture in it. {VIDEO_FIX}")
    return container


def upright(frame: av.VideoFrame, shape: Plan) -> av.VideoFrame:
    """Scale (and turn, for phone videos) one decoded frame into the output's yuv420p."""
    if not shape.rotation:
        return frame.reformat(width=shape.width, height=shape.height, format="yuv420p")
    sideways = (shape.height, shape.width) if shape.rotation % 180 else (shape.width, shape.height)
    pixels = frame.reformat(width=sideways[0], height=sideways[1], format="rgb24").to_ndarray()
    turned = np.ascontiguousarray(np.rot90(pixels, k=shape.rotation // 90), dtype=np.uint8)
    return av.VideoFrame.from_ndarray(turned, format="rgb24").reformat(format="yuv420p")


class Writer:
    """The output MP4: frames in, constant frame rate out (repeating or dropping frames), audio re-chunked."""

    def __init__(self, target: Path, shape: Plan, with_audio: bool, settings: MediaSettings) -> None:
        self.output = av.open(str(target), "w", format="mp4", options={"movflags": "+faststart"})
        self.shape, self.count = shape, 0
        self.held: av.VideoFrame | None = None
        self.poster_index = int(POSTER_SECONDS * shape.rate)
        self.poster: av.VideoFrame | None = None
        self.video = self.output.add_stream(
            "libx264",
            rate=shape.rate,
            options={
                "crf": str(settings.video_crf),
                "preset": "medium",
                "profile": "main",
                "maxrate": str(settings.video_maxrate),
                "bufsize": str(2 * settings.video_maxrate),
                "g": str(round(2 * shape.rate)),
            },
        )  # a keyframe every 2 s: quick seeking
        self.video.width, self.video.height, self.video.pix_fmt = shape.width, shape.height, "yuv420p"
        self.audio: av.AudioStream | None = None
        if with_audio:
            self.audio = self.output.add_stream("aac", rate=AUDIO_RATE, layout="stereo")
            self.audio.bit_rate = settings.video_audio_bitrate
            self.resampler = AudioResampler(format="fltp", layout="stereo", rate=AUDIO_RATE)
            self.fifo, self.samples = AudioFifo(), 0

    def add_frame(self, frame: av.VideoFrame, seconds: float) -> None:
        """Hold this frame after emitting the previous one for every output tick before `seconds`."""
        self.catch_up(seconds)
        self.held = upright(frame, self.shape)

    def catch_up(self, seconds: float) -> None:
        """Emit the held frame until the output reaches `seconds` (repeats it, or emits nothing: drops it)."""
        while self.held is not None and self.count / self.shape.rate < seconds:
            self.emit(self.held)

    def emit(self, frame: av.VideoFrame) -> None:
        """Encode the frame as output tick `count`; remember the poster tick's picture."""
        frame.pts, frame.time_base = self.count, 1 / self.shape.rate
        if self.count == self.poster_index or self.poster is None:
            self.poster = frame
        self.output.mux(self.video.encode(frame))
        self.count += 1

    def add_sound(self, frame: av.AudioFrame | None) -> None:
        """Resample to 48 kHz stereo and encode in the AAC frame size (None flushes the resampler)."""
        if self.audio is None:  # made without a sound track
            return
        for piece in self.resampler.resample(frame):
            piece.pts = self.samples
            self.samples += piece.samples
            self.fifo.write(piece)
        for chunk in self.fifo.read_many(self.audio.codec_context.frame_size):
            self.output.mux(self.audio.encode(chunk))

    def abandon(self) -> None:
        """Close the output after a failure; the half-written file is thrown away with its folder."""
        with contextlib.suppress(Exception):
            self.output.close()

    def close(self, end: float) -> float:
        """Finish the picture up to `end` seconds, flush the encoders; return the duration in seconds."""
        self.catch_up(end)
        if self.count == 0 and self.held is not None:
            self.emit(self.held)  # a one-frame video still gets its frame
        self.output.mux(self.video.encode(None))
        seconds = float(self.count / self.shape.rate)
        if self.audio is not None:
            self.add_sound(None)
            if self.fifo.samples:
                self.output.mux(self.audio.encode(self.fifo.read()))
            self.output.mux(self.audio.encode(None))
            seconds = max(seconds, self.samples / AUDIO_RATE)
        self.output.close()
        return round(seconds, 3)


def transcode(
    source: Path, target: Path, shape: Plan, label: str, settings: MediaSettings
) -> tuple[float, Image]:
    """Decode picture and sound in file order and write them; return (duration, poster image)."""
    container = open_source(source, label)
    with container:
        video = container.streams.video[0]
        audio = container.streams.audio[0] if container.streams.audio else None
        writer = Writer(target, shape, audio is not None, settings)
        start, last = None, 0.0
        try:
            for packet in container.demux(*[stream for stream in (video, audio) if stream is not None]):
                for frame in packet.decode():
                    if isinstance(frame, av.AudioFrame):
                        writer.add_sound(frame)
                        continue
                    if not isinstance(frame, av.VideoFrame):
                        continue  # only picture and sound streams are demuxed
                    start = frame.time if start is None else start
                    last = (frame.time or 0.0) - (start or 0.0)
                    if last > settings.max_video_seconds:
                        raise too_long(label, settings, last)
                    writer.add_frame(frame, last)
        except av.FFmpegError as error:
            writer.abandon()
            raise unreadable(label) from error
        except BaseException:
            writer.abandon()
            raise
        duration = writer.close(last + shape.frame_seconds)
    if writer.poster is None:  # a video track without one picture that decodes
        raise unreadable(label)
    return duration, writer.poster.to_image()


def convert_video(source: Path, workdir: Path, label: str, settings: MediaSettings) -> dict:
    """Write `video.mp4` and `poster.jpg` into `workdir`; return tour.json `media_video` with Paths for URLs."""
    check_size(source, label, settings)
    with open_source(source, label) as container:
        shape = plan(container, label, settings)
    target, poster = workdir / "video.mp4", workdir / "poster.jpg"
    duration, image = transcode(source, target, shape, label, settings)
    image.save(poster, "JPEG", quality=settings.jpeg_quality, optimize=True, progressive=True)
    return {
        "src": target,
        "poster": poster,
        "duration": duration,
        "width": shape.width,
        "height": shape.height,
    }
