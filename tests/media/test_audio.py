"""Narration: every accepted format comes out as mono AAC M4A at -16 LUFS with its duration."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import av
import numpy as np
import pyloudnorm
import pytest

from hallbuilder.errors import MediaError
from hallbuilder.media.audio import convert_audio, decode_mono, soft_limit
from hallbuilder.media.loudness import LoudnessMeter
from hallbuilder.media.settings import MediaSettings

SETTINGS = MediaSettings()


def decoded(path: Path) -> tuple[np.ndarray, av.audio.stream.AudioStream]:
    """All samples of the first audio stream (channels, n) and a description of the stream."""
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        samples = np.concatenate([frame.to_ndarray() for frame in container.decode(stream)], axis=1)
        return samples, (
            stream.codec_context.name,
            stream.codec_context.profile,
            stream.rate,
            stream.channels,
            container.format.name,
            container.bit_rate,
        )


@pytest.mark.parametrize("extension", ["wav", "mp3", "ogg", "m4a"])
@pytest.mark.parametrize("level", [0.02, 0.5])
def test_every_format_is_normalised_to_the_target(make_audio, tmp_path, extension, level):
    source = make_audio(f"audio/lobby.{extension}", seconds=3.0, level=level)
    result = convert_audio(source, tmp_path, f"audio/lobby.{extension}", SETTINGS)

    assert result["audio"] == tmp_path / "narration.m4a"
    assert result["duration"] == pytest.approx(3.0, abs=0.03)
    samples, described = decoded(result["audio"])
    codec, profile, rate, channels, container, bit_rate = described
    assert (codec, profile, rate, channels) == ("aac", "LC", 48000, 1)
    assert "mp4" in container
    assert bit_rate <= 72_000
    loudness = pyloudnorm.Meter(rate).integrated_loudness(samples[0].astype(np.float64))
    assert abs(loudness - SETTINGS.loudness_target) < 1.0, loudness
    assert np.abs(samples).max() < 1.0


def test_the_streaming_meter_agrees_with_pyloudnorm(make_audio):
    samples = np.concatenate(
        list(decode_mono(make_audio("audio/a.wav", seconds=4.0, level=0.2), "audio/a.wav"))
    )
    meter = LoudnessMeter()
    for chunk in np.array_split(samples, 7):  # uneven chunks, as a decoder delivers them
        meter.feed(chunk)
    expected = pyloudnorm.Meter(48000).integrated_loudness(samples.astype(np.float64))
    assert meter.integrated() == pytest.approx(expected, abs=0.1)


def test_silence_is_kept_silent_rather_than_amplified(tmp_path):
    source = tmp_path / "quiet.wav"
    with av.open(str(source), "w", format="wav") as output:
        stream = output.add_stream("pcm_s16le", rate=44100, layout="mono")
        frame = av.AudioFrame.from_ndarray(np.zeros((1, 44100), np.int16), format="s16", layout="mono")
        frame.sample_rate = 44100
        output.mux(stream.encode(frame))
        output.mux(stream.encode(None))
    result = convert_audio(source, tmp_path, "audio/quiet.wav", SETTINGS)
    samples, _ = decoded(result["audio"])
    assert result["duration"] == 1.0
    assert np.abs(samples).max() < 1e-3


def test_soft_limit_leaves_quiet_samples_and_keeps_peaks_under_the_ceiling():
    samples = np.array([0.1, -0.5, 0.7, 2.0, -5.0])
    limited = soft_limit(samples, -1.0)
    assert list(limited[:3]) == [0.1, -0.5, 0.7]
    assert np.all(np.abs(limited[3:]) <= 10 ** (-1 / 20) + 1e-9)
    assert limited[3] > 0.8 and limited[4] < -0.8


def test_a_damaged_file_is_refused_with_the_fix(tmp_path):
    source = tmp_path / "lobby-zh.mp3"
    source.write_bytes(b"ID3 this is not really an mp3 file" * 10)
    with pytest.raises(MediaError) as caught:
        convert_audio(source, tmp_path, "audio/lobby-zh.mp3", SETTINGS)
    assert caught.value.message == (
        "audio/lobby-zh.mp3: cannot read this audio file (it may be damaged). "
        "Export it again as MP3, M4A, WAV or OGG."
    )


def test_a_file_without_sound_is_refused(make_video, tmp_path):
    source = make_video("audio/intro.mp4", seconds=0.5, sound=False)
    with pytest.raises(MediaError) as caught:
        convert_audio(source, tmp_path, "audio/intro.mp4", SETTINGS)
    assert caught.value.message == (
        "audio/intro.mp4: this file has no sound in it. Export it again as MP3, M4A, WAV or OGG."
    )


def test_too_long_narration_is_refused(make_audio, tmp_path):
    source = make_audio("audio/long.mp3", seconds=2.5)
    with pytest.raises(MediaError) as caught:
        convert_audio(source, tmp_path, "audio/long.mp3", replace(SETTINGS, max_narration_seconds=2.0))
    assert caught.value.message == (
        "audio/long.mp3: narration may be at most 0:02 long (minutes:seconds). "
        "Shorten it or split it between scenes."
    )
