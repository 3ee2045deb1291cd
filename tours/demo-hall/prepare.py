"""Prepare the demo hall's photos and narration, which cannot be committed.

Photos: the real panoramas in ../shared/panoramas when present (symlinked, never copied), otherwise rendered
rooms. Narration: spoken by espeak-ng when installed, otherwise a chime. Run by `make demo` and by the tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent.parent / "shared" / "panoramas"

PHOTOS = {  # photo in this project -> shared panorama
    "photos/lobby.jpg": "library-atrium_8192x4096.jpg",
    "photos/concourse.jpg": "jfk-terminal-concourse_4096x2048.jpg",
    "photos/platform.jpg": "akihabara-station-platform_4096x2048.jpg",
    "photos/garden.jpg": "photosphere-garden_4000x2000.jpg",
}
NARRATION = {  # audio file -> (language, text)
    "audio/lobby-zh.wav": ("zh-CN", "欢迎来到交通红心馆。请向前走，进入学习体验区。"),
    "audio/lobby-en.wav": (
        "en",
        "Welcome to the Red Heart Transport Hall. Walk ahead into the learning zone.",
    ),
    "audio/lobby-yue.wav": ("yue", "歡迎嚟到交通紅心館。"),
    "audio/platform-zh.wav": ("zh-CN", "这里是站台展区，展示轨道交通的发展历程。"),
    "audio/platform-en.wav": ("en", "This is the platform zone, showing how rail transport developed."),
}


def prepare(project: Path = HERE, shared: Path | None = SHARED, width: int = 4096) -> dict[str, str]:
    sys.path.insert(0, str(HERE.parent.parent))
    from hallbuilder.samples import chime, link_or_render, speak

    done = {}
    for variant, (relative, name) in enumerate(PHOTOS.items()):
        source = shared / name if shared is not None else None
        done[relative] = link_or_render(project / relative, source, variant, width)
    for relative, (language, text) in NARRATION.items():
        target = project / relative
        if not speak(text, language, target):
            chime(target)
        done[relative] = "ready"
    return done


if __name__ == "__main__":
    for path, how in prepare().items():
        print(f"{how:>8}  {path}")
