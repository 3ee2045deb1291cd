"""The MediaError texts staff read, shared by the converters and the probes (probe.py) so both say the same.

Kept apart from the converters so that probing narration does not import SciPy (the loudness meter's).
"""

from __future__ import annotations

from hallbuilder.errors import MediaError
from hallbuilder.media.settings import MediaSettings

AUDIO_FIX = "Export it again as MP3, M4A, WAV or OGG."


def minutes(seconds: float) -> str:
    """12:05 style, the way a media player shows a length."""
    return f"{int(seconds) // 60}:{int(seconds) % 60:02d}"


def unreadable_audio(label: str) -> MediaError:
    return MediaError(f"{label}: cannot read this audio file (it may be damaged). {AUDIO_FIX}")


def no_sound_track(label: str) -> MediaError:
    return MediaError(f"{label}: this file has no sound in it. {AUDIO_FIX}")


def silent_audio(label: str) -> MediaError:
    return MediaError(f"{label}: this audio file contains no sound. {AUDIO_FIX}")


def narration_too_long(label: str, settings: MediaSettings) -> MediaError:
    return MediaError(
        f"{label}: narration may be at most {minutes(settings.max_narration_seconds)} long "
        "(minutes:seconds). Shorten it or split it between scenes."
    )


def cut_short(label: str, held: float, announced: float) -> MediaError:
    """A file that ends before its header says it does: it was not copied or exported completely."""
    return MediaError(
        f"{label}: the file is cut short: it holds {minutes(held)} of the {minutes(announced)} "
        "(minutes:seconds) its header announces. Copy it again from the original, or export it again."
    )
