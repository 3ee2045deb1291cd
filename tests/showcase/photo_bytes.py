"""Small photos in memory for upload tests."""

from __future__ import annotations

import io

from PIL import Image


def jpeg(colour=(200, 30, 40), size=(120, 80), exif: bytes | None = None) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", **({"exif": exif} if exif else {}))
    return out.getvalue()


def write_clip(path, seconds: float = 1.0, size: tuple[int, int] = (160, 120), fps: int = 10):
    """A short silent H.264 clip that gets brighter, written with PyAV."""
    import av
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w", format="mp4") as output:
        stream = output.add_stream("libx264", rate=fps, options={"preset": "ultrafast"})
        stream.width, stream.height, stream.pix_fmt = size[0], size[1], "yuv420p"
        frames = round(seconds * fps)
        for index in range(frames):
            pixels = np.full((size[1], size[0], 3), int(255 * index / frames), np.uint8)
            frame = av.VideoFrame.from_ndarray(pixels, format="rgb24")
            frame.pts = index
            output.mux(stream.encode(frame))
        output.mux(stream.encode(None))
    return path
